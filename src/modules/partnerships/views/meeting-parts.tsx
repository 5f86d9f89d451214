import type { VNode } from 'preact';
import { dateBoxesInError } from '../../../platform/forms/date-fields.ts';
import { typedList, typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { Checkboxes } from '../../../platform/views/components/checkboxes.tsx';
import { DateInput } from '../../../platform/views/components/date-input.tsx';
import { Tag } from '../../../platform/views/components/tag.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import type { MeetingKind, MeetingStatus } from '../meetings.tables.ts';
import type { BudgetWarning } from '../time-budget.ts';

export { PartnershipCaption } from './partnership-parts.tsx';

export {
  type Difference,
  differencesOf,
  SavedMeanwhile,
  VersionField,
} from '../../../platform/forms/saved-meanwhile.tsx';
export { TwoThirds } from '../../../platform/views/two-thirds.tsx';

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
