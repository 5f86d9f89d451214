import type { ComponentChildren, VNode } from 'preact';

/** Text kept to two thirds of the page, as GOV.UK pages keep lines easy to read. */
export function TwoThirds({ children }: { children: ComponentChildren }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}
