import { z } from 'zod';
import { dateBoxes, type DateField } from '../../platform/forms/date-fields.ts';
import {
  checkboxes,
  choice,
  creationKey,
  optionalText,
  recordVersion,
  requiredText,
} from '../../platform/forms/fields.ts';
import { meetingKinds } from './meetings.tables.ts';

export const meetingStart: DateField = { name: 'startsAt', label: 'Date' };
export const actionDue: DateField = { name: 'dueOn', label: 'Due date' };
export const conversationDate: DateField = { name: 'occurredOn', label: 'Date' };

const wholeNumber = (label: string, max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() : ''),
    z
      .string()
      .regex(/^\d{0,4}$/, { error: `${label} must be a whole number, like 2` })
      .transform((text) => (text === '' ? 0 : Number(text)))
      .pipe(z.number().max(max, { error: `${label} must be ${max} or fewer` })),
  );

/** A video link is followed by every participant: https only, so nobody is sent to a page that can be read on the way. */
const videoLink = optionalText({
  maxLength: 2_000,
  whenTooLong: 'Enter a video link of 2,000 characters or fewer',
}).refine(
  (link) => {
    if (link === '') return true;
    try {
      const url = new URL(link);
      return url.protocol === 'https:' && url.hostname.includes('.');
    } catch {
      return false;
    }
  },
  { error: 'Enter the video link as a web address starting https://' },
);

export const meetingForm = z.object({
  ...dateBoxes(meetingStart, { time: true }),
  durationHours: wholeNumber('Hours', 24),
  durationMinutes: wholeNumber('Minutes', 59),
  place: optionalText({ maxLength: 500 }),
  videoLink,
  agenda: optionalText({ maxLength: 10_000 }),
  preparation: optionalText({ maxLength: 10_000 }),
  kind: choice(meetingKinds, 'Select what kind of meeting it is'),
  confirmOverspend: checkboxes(['yes']),
  creationKey,
  version: recordVersion,
});

export type MeetingFormData = z.output<typeof meetingForm>;

export const meetingStatusForm = z.object({
  intent: choice(['held', 'cancelled', 'actions'], 'Choose what to do'),
  done: z.preprocess(
    (value: unknown) => (value === undefined || value === '' ? [] : [value].flat()),
    z.array(z.string().max(100)).max(500),
  ),
  version: recordVersion,
});

export const notesForm = z.object({
  notes: optionalText({ maxLength: 50_000, whenTooLong: 'Enter notes of 50,000 characters or fewer' }),
  version: recordVersion,
});

export const meetingActionForm = z.object({
  title: requiredText('Enter what the action is', { maxLength: 200 }),
  owner: requiredText('Select who owns the action', { maxLength: 100 }),
  ...dateBoxes(actionDue),
  creationKey,
});

export const conversationForm = z.object({
  ...dateBoxes(conversationDate),
  minutes: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim() : ''),
    z
      .string()
      .min(1, { error: 'Enter how many minutes it took' })
      .regex(/^\d{1,4}$/, { error: 'Minutes must be a whole number, like 30' })
      .transform(Number)
      .pipe(
        z
          .number()
          .min(1, { error: 'Minutes must be 1 or more' })
          .max(1440, { error: 'Minutes must be 1,440 (a whole day) or fewer' }),
      ),
  ),
  description: requiredText('Enter a brief line about the conversation', { maxLength: 200 }),
  counts: choice(['yes', 'no'], 'Select whether it counts against the time budget'),
  confirmOverspend: checkboxes(['yes']),
  creationKey,
});
