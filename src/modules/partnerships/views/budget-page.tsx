import type { VNode } from 'preact';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Table } from '../../../platform/views/components/table.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import { partnershipPaths } from '../partnerships.paths.ts';
import type { getBudgetPage } from '../time-entries.service.ts';
import {
  BUDGET_COMPONENT_LABELS,
  BUDGET_COMPONENTS,
  formatDaysAndHours,
  formatHours,
  type BudgetStatus,
  type TimeUsage,
} from '../time-budget.ts';
import { PartnershipCaption } from './meeting-parts.tsx';

const statusWords: Record<BudgetStatus, string> = {
  within: 'Within budget',
  'nearly spent': 'Nearly spent',
  spent: 'Spent',
  overspent: 'Overspent',
};

const warningWords = {
  'nearly spent': 'Nearly spent',
  spent: 'Spent',
  overspent: 'Overspent',
  'would overspend': 'Would overspend',
} as const;

function row(label: string, time: TimeUsage, header = false) {
  return [
    { text: label, ...(header ? { classes: 'govuk-!-font-weight-bold' } : {}) },
    { text: formatHours(time.plannedMinutes), format: 'numeric' },
    { text: formatHours(time.usedMinutes), format: 'numeric' },
    {
      text:
        time.overspentMinutes > 0 ? `${formatHours(time.overspentMinutes)} over` : formatHours(time.remainingMinutes),
      format: 'numeric',
    },
    { text: statusWords[time.status] },
  ];
}

export function BudgetPage({ page }: { page: Awaited<ReturnType<typeof getBudgetPage>> }): VNode {
  const { partnership, usage, bookedMinutes } = page;
  return (
    <>
      <BackLink href={partnershipPaths.of(partnership.id, 'meetings')} text="Back to the meetings" />
      <PartnershipCaption partnership={partnership} />
      <h1 class="govuk-heading-l">Time budget</h1>
      {usage === null ? (
        <p class="govuk-body">This partnership has no time budget set.</p>
      ) : (
        <>
          <p class="govuk-body">
            The mentor gives {formatHours(usage.overall.plannedMinutes)} (
            {formatDaysAndHours(usage.overall.plannedMinutes)} of 7 hours) to this partnership. Meetings count once they
            are held.
          </p>
          {usage.warnings.map((warning) => (
            <WarningText
              key={`${warning.part}-${warning.kind}`}
              text={`${warningWords[warning.kind]}. ${warning.message}.`}
            />
          ))}
          <Table
            caption="Planned, used and remaining time"
            captionClasses="govuk-table__caption--m"
            firstCellIsHeader
            head={[
              { text: 'Part' },
              { text: 'Planned', format: 'numeric' },
              { text: 'Used', format: 'numeric' },
              { text: 'Remaining', format: 'numeric' },
              { text: 'Status' },
            ]}
            rows={[
              ...BUDGET_COMPONENTS.map((component) =>
                row(BUDGET_COMPONENT_LABELS[component], usage.components[component]),
              ),
              row('All parts', usage.overall, true),
            ]}
          />
          <p class="govuk-body">Meetings booked but not yet held: {formatHours(bookedMinutes)}.</p>
        </>
      )}
    </>
  );
}
