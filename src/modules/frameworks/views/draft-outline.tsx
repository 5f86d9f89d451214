import type { VNode } from 'preact';
import { Button } from '../../../platform/views/components/button.tsx';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { Form } from '../../../platform/views/form.tsx';
import type { FrameworkHeading } from '../framework-document.ts';
import { frameworkPaths } from '../frameworks.paths.ts';
import type { VersionRecord } from '../frameworks.service.ts';
import { VersionField } from './draft-editor-parts.tsx';

/** "Move up" and "Move down" for one heading or element, as one form (a plain POST that works without JavaScript). */
function MoveButtons({
  action,
  draft,
  name,
  first,
  last,
}: {
  action: string;
  draft: VersionRecord;
  name: string;
  first: boolean;
  last: boolean;
}): VNode | null {
  if (first && last) return null;
  const button = (direction: 'up' | 'down', label: string) => (
    <button
      type="submit"
      name="direction"
      value={direction}
      class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
      data-module="govuk-button"
    >
      {label}
      <span class="govuk-visually-hidden"> {name}</span>
    </button>
  );
  return (
    <Form action={action}>
      <VersionField draft={draft} />
      <div class="govuk-button-group govuk-!-margin-bottom-0">
        {!first && button('up', 'Move up')}
        {!last && button('down', 'Move down')}
      </div>
    </Form>
  );
}

function ActionLink({ href, text, name }: { href: string; text: string; name: string }): VNode {
  return (
    <a class="govuk-link" href={href}>
      {text}
      <span class="govuk-visually-hidden"> {name}</span>
    </a>
  );
}

function HeadingSection({
  frameworkId,
  draft,
  heading,
  index,
}: {
  frameworkId: string;
  draft: VersionRecord;
  heading: FrameworkHeading;
  index: number;
}): VNode {
  const count = draft.document.headings.length;
  const elementPath = (key: string) => ({
    change: frameworkPaths.element(frameworkId, draft.id, heading.key, key),
    remove: frameworkPaths.removeElement(frameworkId, draft.id, heading.key, key),
    move: frameworkPaths.moveElement(frameworkId, draft.id, heading.key, key),
  });
  return (
    <section class="govuk-!-margin-bottom-8" aria-labelledby={`edit-heading-${heading.key}`}>
      <h3 class="govuk-heading-m" id={`edit-heading-${heading.key}`}>
        {index + 1}. {heading.name}
      </h3>
      <ul class="govuk-list">
        <li>
          <ActionLink
            href={frameworkPaths.heading(frameworkId, draft.id, heading.key)}
            text="Change the heading"
            name={heading.name}
          />
        </li>
        <li>
          <ActionLink
            href={frameworkPaths.removeHeading(frameworkId, draft.id, heading.key)}
            text="Remove the heading"
            name={heading.name}
          />
        </li>
      </ul>
      <MoveButtons
        action={frameworkPaths.moveHeading(frameworkId, draft.id, heading.key)}
        draft={draft}
        name={heading.name}
        first={index === 0}
        last={index === count - 1}
      />
      <table class="govuk-table govuk-!-margin-top-4">
        <caption class="govuk-table__caption govuk-table__caption--s">Elements under {heading.name}</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            <th scope="col" class="govuk-table__header">
              Element
            </th>
            <th scope="col" class="govuk-table__header">
              Change
            </th>
            <th scope="col" class="govuk-table__header">
              Order
            </th>
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {heading.elements.map((element, position) => {
            const paths = elementPath(element.key);
            return (
              <tr class="govuk-table__row">
                <th scope="row" class="govuk-table__header">
                  {element.name}
                </th>
                <td class="govuk-table__cell">
                  <ul class="govuk-list govuk-!-margin-bottom-0">
                    <li>
                      <ActionLink href={paths.change} text="Change" name={element.name} />
                    </li>
                    <li>
                      <ActionLink href={paths.remove} text="Remove" name={element.name} />
                    </li>
                  </ul>
                </td>
                <td class="govuk-table__cell">
                  <MoveButtons
                    action={paths.move}
                    draft={draft}
                    name={element.name}
                    first={position === 0}
                    last={position === heading.elements.length - 1}
                  />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <p class="govuk-body">
        <a class="govuk-link" href={frameworkPaths.newElement(frameworkId, draft.id, heading.key)}>
          Add an element to {heading.name}
        </a>
      </p>
    </section>
  );
}

/** A draft as administrators edit it with forms: each part with a link to change it, and its order. */
export function DraftOutline({ frameworkId, draft }: { frameworkId: string; draft: VersionRecord }): VNode {
  const { document } = draft;
  const details = frameworkPaths.details(frameworkId, draft.id);
  return (
    <div class="govuk-!-margin-bottom-9">
      <h2 class="govuk-heading-l">Edit this draft</h2>
      <SummaryList
        rows={[
          {
            key: { text: 'Name' },
            value: { text: document.name },
            actions: { items: [{ href: details, text: 'Change', visuallyHiddenText: 'name' }] },
          },
          {
            key: { text: 'Summary' },
            value: { text: document.summary ?? 'None' },
            actions: { items: [{ href: details, text: 'Change', visuallyHiddenText: 'summary' }] },
          },
          {
            key: { text: 'Rating scale' },
            value: { text: document.scale.levels.map((level) => level.label).join(', ') },
            actions: {
              items: [
                { href: frameworkPaths.scale(frameworkId, draft.id), text: 'Change', visuallyHiddenText: 'scale' },
              ],
            },
          },
        ]}
      />
      <h2 class="govuk-heading-l">Headings and elements</h2>
      {document.headings.map((heading, index) => (
        <HeadingSection frameworkId={frameworkId} draft={draft} heading={heading} index={index} />
      ))}
      <Button
        text="Add a heading"
        href={frameworkPaths.newHeading(frameworkId, draft.id)}
        classes="govuk-button--secondary"
      />
    </div>
  );
}
