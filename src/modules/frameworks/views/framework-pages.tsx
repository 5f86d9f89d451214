import type { VNode } from 'preact';
import { Button } from '../../../platform/views/components/button.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Tag } from '../../../platform/views/components/tag.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatLondonDate } from '../../../platform/views/london-time.ts';
import { frameworkDoneMessages, frameworkPaths, type FrameworkDone } from '../frameworks.paths.ts';
import type { FrameworkListItem, FrameworkOverview, VersionRecord, VersionSummary } from '../frameworks.service.ts';
import { DraftOutline } from './draft-outline.tsx';
import { FrameworkContent } from './framework-content.tsx';

export function versionLabel(version: Pick<VersionSummary, 'number' | 'status' | 'publishedAt'>): string {
  if (version.status === 'draft') return `Version ${version.number} (draft)`;
  return `Version ${version.number}, published ${version.publishedAt ? formatLondonDate(version.publishedAt) : ''}`;
}

export function FrameworkListPage({ items, manager }: { items: FrameworkListItem[]; manager: boolean }): VNode {
  return (
    <>
      <h1 class="govuk-heading-l">Frameworks</h1>
      <p class="govuk-body">
        A framework sets out what a review rates: headings, the elements under each, guiding questions and a rating
        scale. A published version never changes, so every review keeps the wording it was rated against.
      </p>
      {manager && <Button text="Import a framework" href={frameworkPaths.import} classes="govuk-button--secondary" />}
      {items.length === 0 ? (
        <p class="govuk-body">There are no frameworks yet.</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-visually-hidden">Frameworks</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Framework
              </th>
              <th scope="col" class="govuk-table__header">
                Current version
              </th>
              {manager && (
                <th scope="col" class="govuk-table__header">
                  Draft
                </th>
              )}
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {items.map((item) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={frameworkPaths.framework(item.id)}>
                    {item.name}
                  </a>
                  {item.builtin && <Tag text="Built in" classes="govuk-tag--grey govuk-!-margin-left-2" />}
                </td>
                <td class="govuk-table__cell">{item.published ? versionLabel(item.published) : 'Not published yet'}</td>
                {manager && (
                  <td class="govuk-table__cell">
                    {item.draft ? (
                      <a class="govuk-link" href={frameworkPaths.version(item.id, item.draft.id)}>
                        Version {item.draft.number}
                      </a>
                    ) : (
                      'None'
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function VersionList({ frameworkId, versions }: { frameworkId: string; versions: VersionSummary[] }): VNode {
  return (
    <ul class="govuk-list">
      {versions.map((version) => (
        <li>
          <a class="govuk-link" href={frameworkPaths.version(frameworkId, version.id)}>
            {versionLabel(version)}
          </a>
        </li>
      ))}
    </ul>
  );
}

export function FrameworkPage({ overview }: { overview: FrameworkOverview }): VNode {
  const { framework, versions, current } = overview;
  const newest = versions[0];
  return (
    <>
      <span class="govuk-caption-l">Framework</span>
      <h1 class="govuk-heading-l">{current?.name ?? newest?.name ?? framework.key}</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          {current ? (
            <p class="govuk-body">
              This is {versionLabel(current).replace(/^V/, 'v')}.{' '}
              <a class="govuk-link" href={frameworkPaths.version(framework.id, current.id)}>
                Export or see this version on its own
              </a>
            </p>
          ) : (
            <p class="govuk-body">No version of this framework has been published yet.</p>
          )}
        </div>
        <div class="govuk-grid-column-one-third">
          <h2 class="govuk-heading-s">Versions</h2>
          <VersionList frameworkId={framework.id} versions={versions} />
        </div>
      </div>
      {current && <FrameworkContent document={current.document} />}
    </>
  );
}

export function VersionPage({
  frameworkId,
  version,
  manager,
  done,
}: {
  frameworkId: string;
  version: VersionRecord;
  manager: boolean;
  done: FrameworkDone | null;
}): VNode {
  const draft = version.status === 'draft';
  return (
    <>
      {done && <NotificationBanner type="success" text={frameworkDoneMessages[done]} />}
      <span class="govuk-caption-l">{versionLabel(version)}</span>
      <h1 class="govuk-heading-l">{version.name}</h1>
      {draft && (
        <p class="govuk-body">
          This draft is seen only by platform administrators until it is published. Publishing freezes it: it can then
          be cloned into a new draft, never changed.
        </p>
      )}
      <div class="govuk-button-group">
        {manager && draft && (
          <Button text="Publish this version" href={frameworkPaths.publish(frameworkId, version.id)} />
        )}
        {manager && draft && (
          <Button
            text="Edit as a file"
            href={frameworkPaths.edit(frameworkId, version.id)}
            classes="govuk-button--secondary"
          />
        )}
        <a class="govuk-link" href={frameworkPaths.export(frameworkId, version.id, 'yaml')}>
          Export as YAML
        </a>
        <a class="govuk-link" href={frameworkPaths.export(frameworkId, version.id, 'json')}>
          Export as JSON
        </a>
      </div>
      {manager && !draft && (
        <Form action={frameworkPaths.clone(frameworkId, version.id)}>
          <Button text="Start a new draft from this version" classes="govuk-button--secondary" preventDoubleClick />
        </Form>
      )}
      <p class="govuk-body">
        <a class="govuk-link" href={frameworkPaths.framework(frameworkId)}>
          All versions of this framework
        </a>
      </p>
      {manager && draft && <DraftOutline frameworkId={frameworkId} draft={version} />}
      {manager && draft && <h2 class="govuk-heading-l">The draft as reviewers will see it</h2>}
      <FrameworkContent document={version.document} />
    </>
  );
}
