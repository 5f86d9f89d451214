import type { VNode } from 'preact';
import { Tag } from '../../../platform/views/components/tag.tsx';
import type { ServiceRow } from '../services.service.ts';
import { BUDGET_COMPONENT_LABELS, BUDGET_COMPONENTS, formatHours, type BudgetComponent } from '../time-budget.ts';

export { type Difference, differencesOf, SavedMeanwhile } from '../../../platform/forms/saved-meanwhile.tsx';
export { TwoThirds } from '../../../platform/views/two-thirds.tsx';

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
