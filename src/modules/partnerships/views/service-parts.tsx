import type { ComponentChildren, VNode } from 'preact';
import { Tag } from '../../../platform/views/components/tag.tsx';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import type { ServiceRow } from '../services.service.ts';
import { BUDGET_COMPONENT_LABELS, BUDGET_COMPONENTS, formatHours, type BudgetComponent } from '../time-budget.ts';

/** Text kept to two thirds of the page, as GOV.UK pages keep lines easy to read. */
export function TwoThirds({ children }: { children: ComponentChildren }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}

export function OpenTag({ open }: { open: boolean }): VNode {
  return open ? (
    <Tag text="Open to enquiries" classes="govuk-tag--green" />
  ) : (
    <Tag text="Closed to enquiries" classes="govuk-tag--grey" />
  );
}

/** A service's budget, part by part, in minutes. */
export function serviceBudgetMinutes(service: ServiceRow): Record<BudgetComponent, number> {
  return {
    reading: service.readingMinutes,
    'school-visits': service.schoolVisitsMinutes,
    establishing: service.establishingMinutes,
    meetings: service.meetingsMinutes,
  };
}

/** "56 hours: reading 7 hours, school visits 7 hours, …". */
export function budgetInWords(service: ServiceRow): string {
  const minutes = serviceBudgetMinutes(service);
  const total = BUDGET_COMPONENTS.reduce((sum, component) => sum + minutes[component], 0);
  const parts = BUDGET_COMPONENTS.map(
    (component) => `${BUDGET_COMPONENT_LABELS[component].toLowerCase()} ${formatHours(minutes[component])}`,
  );
  return `${formatHours(total)}: ${parts.join(', ')}`;
}

/** One field where what is saved now differs from what was typed. */
export interface Difference {
  label: string;
  saved: string;
  typed: string;
}

/** The differences between saved and typed values, each given as [label, saved, typed]. */
export function differencesOf(fields: Array<[string, string, string]>): Difference[] {
  return fields
    .filter(([, saved, typed]) => saved.trim() !== typed.trim())
    .map(([label, saved, typed]) => ({ label, saved, typed }));
}

/**
 * Shown when a save was refused because someone saved first: when, what is saved now where it
 * differs from what was typed, and that what was typed is kept below.
 */
export function SavedMeanwhile({ savedAt, differences }: { savedAt: Date; differences: Difference[] }): VNode {
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">Someone else saved this while you were editing it</h2>
        <div class="govuk-error-summary__body">
          <p class="govuk-body">
            It was saved at {formatLondonDateTime(savedAt)}. Nothing you typed has been saved yet.
          </p>
          {differences.length > 0 ? (
            <table class="govuk-table">
              <caption class="govuk-table__caption govuk-table__caption--s">What is saved now</caption>
              <thead class="govuk-table__head">
                <tr class="govuk-table__row">
                  <th scope="col" class="govuk-table__header">
                    Field
                  </th>
                  <th scope="col" class="govuk-table__header">
                    Saved now
                  </th>
                  <th scope="col" class="govuk-table__header">
                    You typed
                  </th>
                </tr>
              </thead>
              <tbody class="govuk-table__body">
                {differences.map((difference) => (
                  <tr class="govuk-table__row" key={difference.label}>
                    <th scope="row" class="govuk-table__header">
                      {difference.label}
                    </th>
                    <td class="govuk-table__cell tandem-pre-line">{difference.saved || '(empty)'}</td>
                    <td class="govuk-table__cell tandem-pre-line">{difference.typed || '(empty)'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p class="govuk-body">What is saved now is the same as what you typed.</p>
          )}
          <p class="govuk-body">
            What you typed is kept below. Save again to replace what is saved now, or leave this page to keep it.
          </p>
        </div>
      </div>
    </div>
  );
}
