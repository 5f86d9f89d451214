import type { ComponentChildren, VNode } from 'preact';
import type { FormErrors, FormValues } from '../../../platform/forms/forms.ts';
import { DateInput } from '../../../platform/views/components/date-input.tsx';
import { Tag } from '../../../platform/views/components/tag.tsx';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import { dateBoxesInError } from '../plan-dates.ts';
import type { RagRollUp } from '../plan-progress.ts';
import type { ActionStatus, PlanStatus, RagRating } from '../plans.tables.ts';

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

/** A GOV.UK date input for a plan form field, keeping what was typed and marking the boxes to fix. */
export function PlanDateInput({
  name,
  legend,
  hint = 'For example, 27 3 2027',
  values,
  errors,
}: {
  name: string;
  legend: string;
  hint?: string;
  values: FormValues;
  errors: FormErrors;
}): VNode {
  // A too-long box is reported against the box; it is shown beside the date all the same.
  const error = [name, `${name}-day`, `${name}-month`, `${name}-year`].map((each) => errors.field(each)).find(Boolean);
  const wrong = error ? dateBoxesInError(values, name) : [];
  const box = (part: 'day' | 'month' | 'year', width: number) => {
    const value = values[`${name}-${part}`];
    return {
      name: part,
      value: typeof value === 'string' ? value : '',
      classes: `govuk-input--width-${width}${wrong.includes(part) ? ' govuk-input--error' : ''}`,
    };
  };
  return (
    <DateInput
      id={name}
      namePrefix={name}
      fieldset={{ legend: { text: legend, classes: 'govuk-fieldset__legend--s' } }}
      hint={{ text: hint }}
      errorMessage={error}
      items={[box('day', 2), box('month', 2), box('year', 4)]}
    />
  );
}

/** One field where what is saved now differs from what was typed. */
export interface Difference {
  label: string;
  saved: string;
  typed: string;
}

/**
 * Shown when a save was refused because someone saved first: who and when, what is saved now
 * where it differs from what was typed, and that what was typed is kept below.
 */
export function SavedMeanwhile({
  savedBy,
  savedAt,
  differences,
}: {
  savedBy: string | null;
  savedAt: Date;
  differences: Difference[];
}): VNode {
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">Someone else saved this while you were editing it</h2>
        <div class="govuk-error-summary__body">
          <p class="govuk-body">
            {savedBy ? `${savedBy} saved it` : 'It was saved'} at {formatLondonDateTime(savedAt)}. Nothing you typed has
            been saved yet.
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

/** A coded value's label ("in_progress" → "In progress"); anything else as it was sent. */
export function labelOf<T extends string>(labels: Record<T, string>, value: string): string {
  return value in labels ? labels[value as T] : value;
}

/** The differences between two sets of field values, each given as [label, saved, typed]. */
export function differencesOf(fields: Array<[string, string, string]>): Difference[] {
  return fields
    .filter(([, saved, typed]) => saved.trim() !== typed.trim())
    .map(([label, saved, typed]) => ({ label, saved, typed }));
}

/** Text kept to two thirds of the page, as GOV.UK pages keep lines easy to read. */
export function TwoThirds({ children }: { children: ComponentChildren }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">{children}</div>
    </div>
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

/**
 * The version a form was opened on. Shown again after a mistake, it stays the one first opened, so
 * a save made by someone else meanwhile is still caught; after a refused stale save, it is the
 * version saved now, so saving again replaces it on purpose.
 */
export function VersionField({
  values,
  saved,
  stale,
}: {
  values: FormValues;
  saved: number;
  stale: number | null;
}): VNode {
  const typed = values['version'];
  const opened = typeof typed === 'string' && /^\d+$/.test(typed) ? typed : String(saved);
  return <input type="hidden" name="version" value={stale === null ? opened : String(stale)} />;
}
