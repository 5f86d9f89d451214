import type { VNode } from 'preact';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatDay } from '../../../platform/views/london-time.ts';
import { PlanDownloadLinks } from '../exports/download-links.tsx';
import { planDoneMessages, planPaths, type PlanDone } from '../plans.paths.ts';
import type { MilestoneRow, PlanOverview, PlanRow, PriorityOverview } from '../plans.service.ts';
import { ActionsTable } from './action-table.tsx';
import { ClosedPlan, CloseLink } from './closed-plan.tsx';
import { PlanStatusTag, ProgressBar, RagTag } from './plan-parts.tsx';

/** "Carrow Trust’s plan" or "Sam Patel’s own development plan". */
export function whosePlan(plan: Pick<PlanRow, 'organisationId' | 'ownerName'>): string {
  return plan.organisationId ? `${plan.ownerName}’s plan` : `${plan.ownerName}’s own development plan`;
}

function Facts({ overview }: { overview: PlanOverview }): VNode {
  const { plan, edit } = overview;
  return (
    <>
      <SummaryList
        rows={[
          { key: { text: 'Whose' }, value: { text: whosePlan(plan) } },
          {
            key: { text: 'Period' },
            value: { text: `${formatDay(plan.periodStart)} to ${formatDay(plan.periodEnd)}` },
          },
          plan.summary !== '' && {
            key: { text: 'Summary' },
            value: { text: plan.summary, classes: 'tandem-pre-line' },
          },
        ]}
      />
      {edit && (
        <ul class="govuk-list">
          {plan.status !== 'closed' && (
            <li>
              <a class="govuk-link" href={planPaths.edit(plan.id)}>
                Change the plan’s details
              </a>
            </li>
          )}
          <li>
            <a class="govuk-link" href={planPaths.sharing(plan.id)}>
              Sharing and reads
            </a>
          </li>
        </ul>
      )}
    </>
  );
}

/** Moves a priority up or down: a form each, so it works without JavaScript. */
function MoveButton({
  planId,
  item,
  direction,
}: {
  planId: string;
  item: PriorityOverview;
  direction: 'up' | 'down';
}): VNode {
  return (
    <Form action={planPaths.priorityMove(planId, item.priority.id)}>
      <button
        type="submit"
        name="direction"
        value={direction}
        class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
        data-module="govuk-button"
      >
        Move {direction}
        <span class="govuk-visually-hidden">: {item.priority.title}</span>
      </button>
    </Form>
  );
}

function Priority({ overview, item, index }: { overview: PlanOverview; item: PriorityOverview; index: number }): VNode {
  const { plan, edit } = overview;
  const { priority } = item;
  const changeable = edit && plan.status !== 'closed';
  const id = `priority-${priority.id}`;
  return (
    <section aria-labelledby={id} class="govuk-!-margin-bottom-8">
      <h3 class="govuk-heading-m" id={id}>
        {index + 1}. {priority.title}
      </h3>
      <p class="govuk-body">
        RAG rating: <RagTag rag={item.rag} />
      </p>
      <ProgressBar done={item.progress.done} counted={item.progress.counted} />
      <SummaryList
        rows={[
          { key: { text: 'Intended outcome' }, value: { text: priority.intendedOutcome, classes: 'tandem-pre-line' } },
          priority.successCriteria !== '' && {
            key: { text: 'Success criteria' },
            value: { text: priority.successCriteria, classes: 'tandem-pre-line' },
          },
          priority.sourceLabel !== null && { key: { text: 'From a review' }, value: { text: priority.sourceLabel } },
          priority.achieved !== null && {
            key: { text: 'What was achieved' },
            value: { text: priority.achieved, classes: 'tandem-pre-line' },
          },
        ]}
      />
      <p class="govuk-body">
        <a class="govuk-link" href={planPaths.comments(plan.id, priority.id)}>
          {item.comments === 0 ? 'Comments' : item.comments === 1 ? '1 comment' : `${item.comments} comments`}
          <span class="govuk-visually-hidden"> on {priority.title}</span>
        </a>
      </p>
      {item.actions.length > 0 ? (
        <ActionsTable
          planId={plan.id}
          caption={`Actions for ${priority.title}`}
          actions={item.actions}
          allActions={overview.priorities.flatMap((each) => each.actions)}
        />
      ) : (
        <p class="govuk-body">No actions yet.</p>
      )}
      {changeable && (
        <>
          <ul class="govuk-list">
            <li>
              <a class="govuk-link" href={planPaths.actionNew(plan.id, priority.id)}>
                Add an action<span class="govuk-visually-hidden"> to {priority.title}</span>
              </a>
            </li>
            <li>
              <a class="govuk-link" href={planPaths.priority(plan.id, priority.id)}>
                Change the priority<span class="govuk-visually-hidden"> {priority.title}</span>
              </a>
            </li>
          </ul>
          {overview.priorities.length > 1 && (
            <div class="govuk-button-group">
              {index > 0 && <MoveButton planId={plan.id} item={item} direction="up" />}
              {index < overview.priorities.length - 1 && <MoveButton planId={plan.id} item={item} direction="down" />}
            </div>
          )}
        </>
      )}
    </section>
  );
}

function Milestones({
  planId,
  milestones,
  changeable,
}: {
  planId: string;
  milestones: MilestoneRow[];
  changeable: boolean;
}): VNode {
  return (
    <>
      <h2 class="govuk-heading-l">Milestones</h2>
      {milestones.length === 0 ? (
        <p class="govuk-body">No milestones yet.</p>
      ) : (
        <SummaryList
          rows={milestones.map((milestone) => ({
            key: { text: formatDay(milestone.dueOn) },
            value: { text: `${milestone.title}${milestone.reached ? ' (reached)' : ''}` },
            ...(changeable
              ? {
                  actions: {
                    items: [
                      {
                        href: planPaths.milestone(planId, milestone.id),
                        text: 'Change',
                        visuallyHiddenText: `the milestone ${milestone.title}`,
                      },
                    ],
                  },
                }
              : {}),
          }))}
        />
      )}
      {changeable && (
        <p class="govuk-body">
          <a class="govuk-link" href={planPaths.milestoneNew(planId)}>
            Add a milestone
          </a>
        </p>
      )}
    </>
  );
}

export function PlanPage({ overview, done }: { overview: PlanOverview; done: PlanDone | null }): VNode {
  const { plan, edit, priorities, overdue } = overview;
  const changeable = edit && plan.status !== 'closed';
  return (
    <>
      <BackLink href={planPaths.list} text="Back to plans" />
      {done && <NotificationBanner type="success" text={planDoneMessages[done]} />}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <span class="govuk-caption-l">{whosePlan(plan)}</span>
          <h1 class="govuk-heading-l">
            {plan.title} <PlanStatusTag status={plan.status} />
          </h1>
          {overdue > 0 && (
            <WarningText text={overdue === 1 ? '1 action is overdue.' : `${overdue} actions are overdue.`} />
          )}
          <Facts overview={overview} />
          <PlanDownloadLinks planId={plan.id} />
          <p class="govuk-body">
            <a class="govuk-link" href={planPaths.timeline(plan.id)}>
              See actions by month
            </a>
          </p>
        </div>
      </div>
      <h2 class="govuk-heading-l">Priorities</h2>
      {priorities.length === 0 && <p class="govuk-body">No priorities yet.</p>}
      {priorities.map((item, index) => (
        <Priority key={item.priority.id} overview={overview} item={item} index={index} />
      ))}
      {changeable && (
        <p class="govuk-body">
          <a class="govuk-link" href={planPaths.priorityNew(plan.id)}>
            Add a priority
          </a>
        </p>
      )}
      <Milestones planId={plan.id} milestones={overview.milestones} changeable={changeable} />
      {plan.status === 'closed' ? (
        <ClosedPlan plan={plan} carried={overview.carried} mayStartNext={edit} />
      ) : (
        changeable && <CloseLink planId={plan.id} />
      )}
    </>
  );
}
