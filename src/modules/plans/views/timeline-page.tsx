import type { VNode } from 'preact';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { TableHead } from '../../../platform/views/components/table.tsx';
import { Tag } from '../../../platform/views/components/tag.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import { formatDay } from '../../../platform/views/london-time.ts';
import type { QuietStretch, TimelineEntry, TimelineMonth } from '../plan-timeline.ts';
import { planPaths } from '../plans.paths.ts';
import type { MilestoneRow } from '../plans.service.ts';
import type { PlanTimeline, TimelineActionRow } from '../timeline.service.ts';
import { DueDate } from './action-table.tsx';
import { ActionStatusTag, PlanCaption, RagTag } from './plan-parts.tsx';

type Month = TimelineMonth<TimelineActionRow, MilestoneRow>;
type Entry = TimelineEntry<TimelineActionRow, MilestoneRow>;

const listId = 'months';

/** The in-page anchor of a month or a quiet stretch: "month-2026-09", "months-2027-02-to-2029-12". */
function anchorOf(entry: Entry): string {
  return entry.kind === 'month' ? `month-${entry.month}` : `months-${entry.month}-to-${entry.last}`;
}

const counted = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** What a month holds, in a few words for the list of months: "2 actions, 1 overdue, 1 milestone". */
function monthSummary(month: Month): string {
  const overdue = month.actions.filter((action) => action.overdue).length;
  const parts = [
    month.actions.length > 0 && counted(month.actions.length, 'action', 'actions'),
    overdue > 0 && `${overdue} overdue`,
    month.milestones.length > 0 && counted(month.milestones.length, 'milestone', 'milestones'),
  ].filter((part): part is string => typeof part === 'string');
  return parts.length > 0 ? parts.join(', ') : 'nothing due';
}

function JumpList({ entries }: { entries: Entry[] }): VNode {
  return (
    <nav aria-labelledby={listId} class="govuk-!-margin-bottom-8">
      <h2 class="govuk-heading-m" id={listId}>
        Jump to a month
      </h2>
      <ul class="govuk-list">
        {entries.map((entry) => (
          <li key={anchorOf(entry)}>
            <a class="govuk-link" href={`#${anchorOf(entry)}`}>
              {entry.label}
            </a>
            {entry.kind === 'month' ? (
              <>
                {entry.current && ' (this month)'}: {monthSummary(entry)}
              </>
            ) : (
              ': nothing due'
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Where a month falls against the plan's period, said when it falls outside. */
const placeNotes = {
  before: 'Before the plan’s period.',
  during: null,
  after: 'After the plan’s period.',
} as const;

function ActionsDue({ planId, month }: { planId: string; month: Month }): VNode {
  const caption = `Actions due in ${month.label}`;
  // A table wider than a phone (or a page zoomed to 400%) scrolls in its own box, a named region
  // that takes focus so that it can be scrolled from the keyboard too.
  return (
    <div class="tandem-table-scroll" role="region" aria-label={caption} tabindex={0}>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">{caption}</caption>
        <TableHead
          head={[{ text: 'Action' }, { text: 'Owner' }, { text: 'Due' }, { text: 'Status' }, { text: 'RAG' }]}
        />
        <tbody class="govuk-table__body">
          {month.actions.map((action) => (
            <tr class="govuk-table__row" key={action.id}>
              <td class="govuk-table__cell">
                <a class="govuk-link" href={planPaths.action(planId, action.id)}>
                  {action.title}
                </a>
                {action.priorityTitle !== '' && <span class="tandem-table-note">Priority: {action.priorityTitle}</span>}
              </td>
              <td class="govuk-table__cell">{action.ownerName}</td>
              <td class="govuk-table__cell">
                <DueDate action={action} />
              </td>
              <td class="govuk-table__cell">
                <ActionStatusTag status={action.status} />
              </td>
              <td class="govuk-table__cell">
                <RagTag rag={action.rag} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MilestonesDue({ month }: { month: Month }): VNode {
  return (
    <>
      <h3 class="govuk-heading-s">Milestones in {month.label}</h3>
      <dl class="govuk-summary-list">
        {month.milestones.map((milestone) => (
          <div class="govuk-summary-list__row" key={milestone.id}>
            <dt class="govuk-summary-list__key">{formatDay(milestone.dueOn)}</dt>
            <dd class="govuk-summary-list__value">
              {milestone.title}{' '}
              {milestone.reached ? (
                <Tag text="Reached" classes="govuk-tag--green" />
              ) : (
                <Tag text="Not reached" classes="govuk-tag--grey" />
              )}
            </dd>
          </div>
        ))}
      </dl>
    </>
  );
}

/** After a month with something in it: at 400% zoom the list of months is many screens back. */
function BackToList(): VNode {
  return (
    <p class="govuk-body-s">
      <a class="govuk-link" href={`#${listId}`}>
        Back to the list of months
      </a>
    </p>
  );
}

function MonthSection({ planId, month }: { planId: string; month: Month }): VNode {
  const note = placeNotes[month.place];
  const empty = month.actions.length === 0 && month.milestones.length === 0;
  return (
    <section id={anchorOf(month)} class="govuk-!-margin-bottom-8">
      <h2 class="govuk-heading-m">
        {month.label}
        {month.current && (
          <>
            <span class="govuk-visually-hidden">,</span> <Tag text="This month" classes="govuk-tag--blue" />
          </>
        )}
      </h2>
      {note && <p class="govuk-body">{note}</p>}
      {empty && <p class="govuk-body">Nothing due.</p>}
      {month.actions.length > 0 && <ActionsDue planId={planId} month={month} />}
      {month.milestones.length > 0 && <MilestonesDue month={month} />}
      {!empty && <BackToList />}
    </section>
  );
}

function QuietSection({ stretch }: { stretch: QuietStretch }): VNode {
  return (
    <section id={anchorOf(stretch)} class="govuk-!-margin-bottom-8">
      <h2 class="govuk-heading-m">{stretch.label}</h2>
      <p class="govuk-body">Nothing due in these {stretch.months} months.</p>
    </section>
  );
}

/**
 * A plan's actions and milestones month by month, from the start of its period to the end, with
 * anything due outside it in its own month before or after. Plain headings and tables, with a
 * list of the months at the top to jump to.
 */
export function TimelinePage({ timeline }: { timeline: PlanTimeline }): VNode {
  const { plan, entries, overdue } = timeline;
  return (
    <>
      <BackLink href={planPaths.plan(plan.id)} text="Back to the plan" />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <PlanCaption plan={plan} />
          <h1 class="govuk-heading-l">Actions by month</h1>
          <p class="govuk-body">
            The plan runs from {formatDay(plan.periodStart)} to {formatDay(plan.periodEnd)}. Each action and milestone
            is under the month it is due.
          </p>
          {overdue > 0 && (
            <WarningText text={overdue === 1 ? '1 action is overdue.' : `${overdue} actions are overdue.`} />
          )}
          <JumpList entries={entries} />
        </div>
      </div>
      {entries.map((entry) =>
        entry.kind === 'month' ? (
          <MonthSection key={anchorOf(entry)} planId={plan.id} month={entry} />
        ) : (
          <QuietSection key={anchorOf(entry)} stretch={entry} />
        ),
      )}
    </>
  );
}
