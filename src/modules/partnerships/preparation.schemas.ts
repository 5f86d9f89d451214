import { z } from 'zod';
import { dateBoxes, type DateField } from '../../platform/forms/date-fields.ts';
import { creationKey, optionalText, requiredText } from '../../platform/forms/fields.ts';

export const requestForm = z.object({
  title: requiredText('Enter what the item is', { maxLength: 200, whenTooLong: 'Enter 200 characters or fewer' }),
  detail: optionalText({ maxLength: 2_000 }),
  creationKey,
});

const webAddress = /^https?:\/\/[^\s/$.?#].[^\s]*$/i;

export const giveForm = z.object({
  link: optionalText({ maxLength: 2_000, whenTooLong: 'Enter a web address of 2,000 characters or fewer' }).refine(
    (link) => link === '' || webAddress.test(link),
    { error: 'Enter the link as a web address starting https://' },
  ),
  note: optionalText({ maxLength: 5_000 }),
  creationKey,
});

export const visitOn: DateField = { name: 'visitOn', label: 'Date of the visit' };

export const visitForm = z.object({
  school: requiredText('Select the school to visit', { maxLength: 100, whenTooLong: 'Select the school to visit' }),
  ...dateBoxes(visitOn),
  meeting: optionalText({ maxLength: 2_000 }),
  creationKey,
});
