import { z } from 'zod';
import { dateBoxes, type DateField } from '../../platform/forms/date-fields.ts';
import { checkboxes, requiredText } from '../../platform/forms/fields.ts';

export const startsOn: DateField = { name: 'startsOn', label: 'Start date' };
export const endsOn: DateField = { name: 'endsOn', label: 'End date' };

/** The version the form makes: anything else matches none, and makes nothing. */
export const newVersionForm = z.object({
  number: z.coerce.number().int().min(1).max(100_000).catch(0),
});

export const datesForm = z.object({ ...dateBoxes(startsOn), ...dateBoxes(endsOn) });

export const acceptForm = z.object({
  agreementId: z.preprocess((value) => (typeof value === 'string' ? value : ''), z.string().max(100)),
  fullName: requiredText('Enter your full name', { maxLength: 200, whenTooLong: 'Enter your full name' }),
  accept: checkboxes(['yes'], { atLeastOne: 'Select “I accept this agreement” to accept it' }),
});
