import type { VNode } from 'preact';
import type { FrameworkDocument, FrameworkElement, FrameworkLevel } from '../framework-document.ts';

/**
 * A rating level as people see it everywhere: its colour as a swatch *and* its label in words,
 * so that nothing depends on telling colours apart (WCAG 1.4.1).
 */
export function LevelLabel({ level }: { level: FrameworkLevel }): VNode {
  return (
    <span class="tandem-level">
      {/* An SVG fill, not a style attribute: the content security policy allows no inline styles. */}
      <svg class="tandem-level__swatch" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <rect width="16" height="16" fill={level.colour} />
      </svg>
      {level.label}
    </span>
  );
}

function Scale({ levels }: { levels: FrameworkLevel[] }): VNode {
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">Rating scale</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            Level
          </th>
          <th scope="col" class="govuk-table__header">
            Meaning
          </th>
          <th scope="col" class="govuk-table__header">
            Description
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {levels.map((level) => (
          <tr class="govuk-table__row">
            <th scope="row" class="govuk-table__header">
              <LevelLabel level={level} />
            </th>
            <td class="govuk-table__cell">{level.meaning ?? ''}</td>
            <td class="govuk-table__cell">{level.descriptor ?? ''}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Element({ element, levels }: { element: FrameworkElement; levels: FrameworkLevel[] }): VNode {
  const described = levels.filter((level) => element.descriptors[level.key]);
  return (
    <div class="tandem-framework-element" id={`element-${element.key}`}>
      <h3 class="govuk-heading-s">{element.name}</h3>
      {element.summary && <p class="govuk-body">{element.summary}</p>}
      {element.questions.length > 0 && (
        <>
          <p class="govuk-body govuk-!-margin-bottom-1">Guiding questions:</p>
          <ul class="govuk-list govuk-list--bullet">
            {element.questions.map((question) => (
              <li>{question}</li>
            ))}
          </ul>
        </>
      )}
      {described.length > 0 && (
        <dl class="govuk-summary-list govuk-summary-list--no-border">
          {described.map((level) => (
            <div class="govuk-summary-list__row">
              <dt class="govuk-summary-list__key">
                <LevelLabel level={level} />
              </dt>
              <dd class="govuk-summary-list__value">{element.descriptors[level.key]}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}

/** A framework version whole: its summary, scale, and each heading with its elements. */
export function FrameworkContent({ document }: { document: FrameworkDocument }): VNode {
  const elementCount = document.headings.reduce((total, heading) => total + heading.elements.length, 0);
  return (
    <>
      {document.summary && <p class="govuk-body-l">{document.summary}</p>}
      <p class="govuk-body">
        {document.headings.length} {document.headings.length === 1 ? 'heading' : 'headings'}, {elementCount}{' '}
        {elementCount === 1 ? 'element' : 'elements'}, rated on a {document.scale.levels.length}-point scale.
      </p>
      <Scale levels={document.scale.levels} />
      {document.headings.map((heading, index) => (
        <section class="tandem-framework-heading" aria-labelledby={`heading-${heading.key}`}>
          <h2 class="govuk-heading-m" id={`heading-${heading.key}`}>
            {index + 1}. {heading.name}
          </h2>
          {heading.elements.map((element) => (
            <Element element={element} levels={document.scale.levels} />
          ))}
        </section>
      ))}
    </>
  );
}
