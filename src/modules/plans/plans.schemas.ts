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
import { actionStatuses, ragRatings } from './plans.tables.ts';

export const periodStart: DateField = { name: 'periodStart', label: 'Start date' };
export const periodEnd: DateField = { name: 'periodEnd', label: 'End date' };
export const dueDate: DateField = { name: 'dueDate', label: 'Due date' };
export const updatedOn: DateField = { name: 'updatedOn', label: 'Date of the update' };
export const milestoneDate: DateField = { name: 'dueOn', label: 'Date' };

const planTitle = requiredText('Enter a title for the plan', { maxLength: 200 });

export const planDetailsForm = z.object({
  title: planTitle,
  ...dateBoxes(periodStart),
  ...dateBoxes(periodEnd),
  status: choice(['draft', 'active'], 'Select whether the plan is a draft or active'),
  summary: optionalText({ maxLength: 5_000 }),
  version: recordVersion,
});

/** A checked plan form's details, with its dates as the calendar days typed. */
export function planDetailsOf(
  { title, status, summary }: { title: string; status: 'draft' | 'active'; summary: string },
  dates: Record<string, string>,
) {
  return { title, status, summary, periodStart: dates[periodStart.name] ?? '', periodEnd: dates[periodEnd.name] ?? '' };
}

export const createPlanForm = planDetailsForm.extend({
  owner: requiredText('Select whose plan it is', { maxLength: 100 }),
  creationKey,
});

export const fromReviewForm = z.object({
  plan: requiredText('Select a plan, or a new plan', { maxLength: 100 }),
  creationKey,
});

/** The new plan a priority from a review may start. */
export const newPlanForReviewForm = z.object({ title: planTitle, ...dateBoxes(periodStart), ...dateBoxes(periodEnd) });

export const priorityForm = z.object({
  title: requiredText('Enter the priority', { maxLength: 200 }),
  intendedOutcome: requiredText('Enter the intended outcome', { maxLength: 5_000 }),
  successCriteria: optionalText({ maxLength: 5_000 }),
  creationKey,
  version: recordVersion,
});

export const actionForm = z.object({
  title: requiredText('Enter what the action is', { maxLength: 200 }),
  owner: requiredText('Select who owns the action', { maxLength: 100 }),
  ...dateBoxes(dueDate),
  status: choice(actionStatuses, 'Select the action’s status'),
  rag: choice(ragRatings, 'Select a RAG rating'),
  dependsOn: optionalText({ maxLength: 100, whenTooLong: 'Select an action of this plan, or none' }),
  creationKey,
  version: recordVersion,
});

const webAddress = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;

export const progressForm = z.object({
  ...dateBoxes(updatedOn),
  note: requiredText('Enter what has happened', { maxLength: 10_000 }),
  link: optionalText({ maxLength: 2_000, whenTooLong: 'Enter a web address of 2,000 characters or fewer' }).refine(
    (link) => link === '' || webAddress.test(link),
    { error: 'Enter the link as a web address starting https://' },
  ),
  creationKey,
});

export const milestoneForm = z.object({
  title: requiredText('Enter the milestone', { maxLength: 200 }),
  ...dateBoxes(milestoneDate),
  reached: checkboxes(['yes']),
  creationKey,
  version: recordVersion,
});

/** The end of a period on or after its start. */
export function periodInOrder(dates: Record<string, string>) {
  const start = dates[periodStart.name];
  const end = dates[periodEnd.name];
  return start && end && end < start
    ? [{ field: periodEnd.name, message: 'The end date must be the same as or after the start date' }]
    : [];
}
