import type { VNode } from 'preact';
import { Tag } from '../../../platform/views/components/tag.tsx';
import type { RagRollUp } from '../plan-progress.ts';
import type { ActionStatus, PlanStatus, RagRating } from '../plans.tables.ts';

export {
  type Difference,
  differencesOf,
  labelOf,
  SavedMeanwhile,
  VersionField,
} from '../../../platform/forms/saved-meanwhile.tsx';
export { TwoThirds } from '../../../platform/views/two-thirds.tsx';

export const planStatusLabels: Record<PlanStatus, string> = { draft: 'Draft', active: 'Active', closed: 'Closed' };

export const actionStatusLabels: Record<ActionStatus, string> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  done: 'Done',
  dropped: 'Dropped',
};

export const ragLabels: Record<RagRating, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

export function PlanStatusTag({ status }: { status: PlanStatus }): VNode {
  const colour = { draft: 'govuk-tag--grey', active: 'govuk-tag--blue', closed: 'govuk-tag--grey' }[status];
  return <Tag text={planStatusLabels[status]} classes={colour} />;
}

export function ActionStatusTag({ status }: { status: ActionStatus }): VNode {
  const colour = {
    not_started: 'govuk-tag--grey',
    in_progress: 'govuk-tag--light-blue',
    done: 'govuk-tag--green',
    dropped: 'govuk-tag--grey',
  }[status];
  return <Tag text={actionStatusLabels[status]} classes={colour} />;
}

/** A RAG rating, or a priority's roll-up of its actions' ratings, in words. */
export function ragRollUpLabel(rag: RagRollUp): string {
  if (rag === 'no-actions') return 'No actions yet';
  if (rag === 'finished') return 'All finished';
  return ragLabels[rag];
}

/** A RAG rating always says its colour in words: the tag's colour only repeats it. */
export function RagTag({ rag }: { rag: RagRollUp }): VNode {
  if (rag === 'no-actions' || rag === 'finished') return <Tag text={ragRollUpLabel(rag)} classes="govuk-tag--grey" />;
  const colour = { red: 'govuk-tag--red', amber: 'govuk-tag--orange', green: 'govuk-tag--green' }[rag];
  return <Tag text={ragLabels[rag]} classes={colour} />;
}

export function OverdueTag(): VNode {
  return <Tag text="Overdue" classes="govuk-tag--red" />;
}

const progressShare = (done: number, counted: number) => (counted === 0 ? 0 : Math.round((done / counted) * 100));

/** "3 of 5 actions done (60%)", or that there is nothing to do yet. */
export function progressText({ done, counted }: { done: number; counted: number }): string {
  return counted === 0
    ? 'No actions to do yet'
    : `${done} of ${counted} actions done (${progressShare(done, counted)}%)`;
}

/**
 * Actions done as a bar, drawn in SVG (the content security policy allows no inline styles),
 * with the same fact in words beside it for everyone who does not see the bar.
 */
export function ProgressBar({ done, counted }: { done: number; counted: number }): VNode {
  const share = progressShare(done, counted);
  return (
    <p class="govuk-body">
      <svg width="100%" height="12" viewBox="0 0 100 4" preserveAspectRatio="none" aria-hidden="true" focusable="false">
        <rect width="100" height="4" fill="#f3f2f1" stroke="#0b0c0c" stroke-width="0.2" />
        <rect width={share} height="4" fill="#00703c" />
      </svg>
      {progressText({ done, counted })}
    </p>
  );
}

/** Whose plan it is, above a page's heading. */
export function PlanCaption({ plan }: { plan: { title: string; ownerName: string } }): VNode {
  return (
    <span class="govuk-caption-l">
      {plan.title}, {plan.ownerName}
    </span>
  );
}
