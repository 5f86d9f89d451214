import type { ComponentChildren, VNode } from 'preact';
import { typedList, typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { Checkboxes } from '../../../platform/views/components/checkboxes.tsx';
import { DateInput } from '../../../platform/views/components/date-input.tsx';
import { Tag } from '../../../platform/views/components/tag.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import { dateBoxesInError } from '../meetings.dates.ts';
import type { MeetingKind, MeetingStatus } from '../meetings.tables.ts';
import type { BudgetWarning } from '../time-budget.ts';

export const meetingKindLabels: Record<MeetingKind, string> = {
  regular: 'Regular meeting',
  establishing: 'Establishing the partnership',
  diagnostic: 'Diagnostic meeting',
};

export const meetingStatusLabels: Record<MeetingStatus, string> = {
  planned: 'Planned',
  held: 'Held',
  cancelled: 'Cancelled',
};

export function MeetingStatusTag({ status }: { status: MeetingStatus }): VNode {
  const colour = { planned: 'govuk-tag--blue', held: 'govuk-tag--green', cancelled: 'govuk-tag--grey' }[status];
  return <Tag text={meetingStatusLabels[status]} classes={colour} />;
}

/** Whose partnership the page is about, above its heading. */
export function PartnershipCaption({ partnership }: { partnership: { title: string } }): VNode {
  return <span class="govuk-caption-l">{partnership.title}</span>;
}

export function TwoThirds({ children }: { children: ComponentChildren }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">{children}</div>
    </div>
  );
}

/** A GOV.UK date input (and, with `time`, hour and minute boxes), keeping what was typed. */
export function DateBoxes({
  name,
  legend,
  hint,
  values,
  errors,
  time = false,
}: {
  name: string;
  legend: string;
  hint: string;
  values: FormValues;
  errors: FormErrors;
  time?: boolean;
}): VNode {
  const error = errors.field(name);
  const dayWrong = error && !(time && /time/.test(error.text)) ? dateBoxesInError(values, name) : [];
  const timeWrong = error && time && /time|hour/.test(error.text);
  const box = (part: string, width: number, label?: string) => ({
    name: part,
    ...(label ? { label } : {}),
    value: typedText(values, `${name}-${part}`),
    classes: `govuk-input--width-${width}${
      (dayWrong as string[]).includes(part) || (timeWrong && (part === 'hour' || part === 'minute'))
        ? ' govuk-input--error'
        : ''
    }`,
  });
  return (
    <DateInput
      id={name}
      namePrefix={name}
      fieldset={{ legend: { text: legend, classes: 'govuk-fieldset__legend--s' } }}
      hint={{ text: hint }}
      errorMessage={error}
      items={[
        box('day', 2),
        box('month', 2),
        box('year', 4),
        ...(time ? [box('hour', 2, 'Hour'), box('minute', 2, 'Minute')] : []),
      ]}
    />
  );
}

/** Saving would overspend the budget: said in words, and saved only once the person ticks that they mean it. */
export function OverspendCheck({
  warnings,
  values,
  what,
}: {
  warnings: BudgetWarning[] | null;
  values: FormValues;
  what: string;
}): VNode | null {
  if (!warnings || warnings.length === 0) return null;
  return (
    <div class="govuk-form-group" id="overspend">
      <WarningText
        text={`This would overspend the time budget. ${warnings.map((each) => `${each.message}.`).join(' ')}`}
      />
      <Checkboxes
        name="confirmOverspend"
        idPrefix="confirmOverspend"
        fieldset={{ legend: { text: 'Do you want to go over the budget?', classes: 'govuk-fieldset__legend--s' } }}
        values={typedList(values, 'confirmOverspend')}
        items={[{ value: 'yes', text: what }]}
      />
    </div>
  );
}

/** One field where what is saved now differs from what was typed. */
export interface Difference {
  label: string;
  saved: string;
  typed: string;
}

export function differencesOf(fields: Array<[string, string, string]>): Difference[] {
  return fields
    .filter(([, saved, typed]) => saved.trim() !== typed.trim())
    .map(([label, saved, typed]) => ({ label, saved, typed }));
}

/** A save refused because someone saved first: when, what differs, and that what was typed is kept below. */
export function SavedMeanwhile({
  savedBy,
  savedAt,
  differences,
}: {
  savedBy: string | null;
  savedAt: Date | null;
  differences: Difference[];
}): VNode {
  return (
    <div class="govuk-error-summary" data-module="govuk-error-summary">
      <div role="alert">
        <h2 class="govuk-error-summary__title">Someone else saved this while you were editing it</h2>
        <div class="govuk-error-summary__body">
          <p class="govuk-body">
            {savedBy ? `${savedBy} saved it` : 'It was saved'}
            {savedAt ? ` at ${formatLondonDateTime(savedAt)}` : ''}. Nothing you typed has been saved yet.
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

/** The version a form was opened on; after a refused stale save, the one saved now, so saving again is on purpose. */
export function VersionField({
  values,
  saved,
  stale,
}: {
  values: FormValues;
  saved: number;
  stale: number | null;
}): VNode {
  const typed = typedText(values, 'version');
  const opened = /^\d+$/.test(typed) ? typed : String(saved);
  return <input type="hidden" name="version" value={stale === null ? opened : String(stale)} />;
}

export const meetingDoneMessages = {
  booked: 'The meeting is booked',
  saved: 'The meeting is saved',
  held: 'The meeting is marked as held, and its time counted',
  cancelled: 'The meeting is cancelled',
  notes: 'Your notes are saved',
  'action-added': 'The action is added',
  'actions-saved': 'The actions are saved',
  conversation: 'The conversation is logged',
} as const;

export type MeetingDone = keyof typeof meetingDoneMessages;

export function doneFrom(query: unknown): MeetingDone | null {
  const done = (query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' && done in meetingDoneMessages ? (done as MeetingDone) : null;
}
