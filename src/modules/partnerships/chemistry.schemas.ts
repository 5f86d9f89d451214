import { z } from 'zod';
import { dateBoxes, dateFieldIds, dateProblem, typedDate, type DateField } from '../../platform/forms/date-fields.ts';
import { creationKey, optionalText, requiredText } from '../../platform/forms/fields.ts';
import { FormErrors, formValuesOf, type FormValues } from '../../platform/forms/forms.ts';
import { londonInstant, parseClockTime } from '../../platform/views/london-time.ts';

/**
 * The chemistry conversation form: a mentor, a day and time in London, how long, and where.
 * The day is a GOV.UK date input (`startsOn-day`, `-month`, `-year`); the time is typed as
 * people write it ("2:30pm", "14:30", "midday").
 */

/** The day of the conversation: "The date must include a month", "Enter the date of the conversation". */
const conversationDay: DateField = {
  name: 'startsOn',
  label: 'The date',
  whenEmpty: 'Enter the date of the conversation',
};

export const chemistryForm = z.object({
  mentor: requiredText('Select the mentor to meet', { maxLength: 100 }),
  ...dateBoxes(conversationDay),
  time: requiredText('Enter the time it starts', { maxLength: 20, whenTooLong: 'Enter the time like 2:30pm or 14:30' }),
  duration: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() : ''),
    z
      .string()
      .regex(/^\d{1,3}$/, { error: 'Enter how long it lasts in minutes, like 60' })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(5, { error: 'Enter a length from 5 to 600 minutes' })
          .max(600, { error: 'Enter a length from 5 to 600 minutes' }),
      ),
  ),
  place: requiredText('Enter where it takes place, or its video link', { maxLength: 500 }),
  creationKey,
});

export type ChemistryFormResult =
  | { ok: true; data: z.output<typeof chemistryForm>; startsAt: Date; values: FormValues }
  | { ok: false; errors: FormErrors; values: FormValues };

const order = ['mentor', 'startsOn', 'time', 'duration', 'place'];

export function parseChemistryForm(body: unknown): ChemistryFormResult {
  const values = formValuesOf(body);
  const result = chemistryForm.safeParse(values);
  const messages = result.success
    ? []
    : result.error.issues.map((issue) => {
        const field = String(issue.path[0] ?? 'form');
        return { field: field.startsWith('startsOn-') ? 'startsOn' : field, message: issue.message };
      });
  const dayProblem = dateProblem(values, conversationDay);
  if (dayProblem && !messages.some((message) => message.field === 'startsOn')) {
    messages.push({ field: 'startsOn', message: dayProblem });
  }
  const time = result.success ? parseClockTime(result.data.time) : null;
  if (result.success && !time) messages.push({ field: 'time', message: 'Enter the time like 2:30pm or 14:30' });
  if (!result.success || dayProblem || !time || messages.length > 0) {
    messages.sort((a, b) => order.indexOf(a.field) - order.indexOf(b.field));
    return {
      ok: false,
      errors: new FormErrors(messages, { ...dateFieldIds(values, ['startsOn']), mentor: 'mentor' }),
      values,
    };
  }
  return {
    ok: true,
    data: result.data,
    startsAt: londonInstant(typedDate(values, 'startsOn'), time.hour, time.minute),
    values,
  };
}

export const chemistryUpdateForm = z.object({
  intent: z.enum(['note', 'held', 'cancelled']).catch('note'),
  note: optionalText({ maxLength: 10_000, whenTooLong: 'Enter a note of 10,000 characters or fewer' }),
});
