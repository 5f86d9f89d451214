import { z } from 'zod';
import { checkboxes, choice, optionalText, requiredText } from '../../platform/forms/fields.ts';
import { ENGLISH_REGIONS, PHASES, TRUST_SIZE_BANDS } from './mentor-profile-terms.ts';

/** The version a form was opened on: missing for a profile not yet saved, not a number matches none. */
export const formVersion = z.preprocess(
  (value) => (value === undefined || value === '' ? null : value),
  z.coerce.number().int().min(0).max(2_147_483_647).nullable().catch(-1),
);

/** Each item once (compared ignoring case and spacing), as first typed; empty ones dropped. */
function distinctItems(items: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const item of items) {
    const trimmed = item.trim().replace(/\s+/g, ' ');
    const key = trimmed.toLocaleLowerCase('en-GB');
    if (trimmed !== '' && !seen.has(key)) seen.set(key, trimmed);
  }
  return [...seen.values()];
}

/** "Turnaround, church schools,, turnaround" → ["Turnaround", "church schools"]. */
export const tagsOf = (typed: string): string[] => distinctItems(typed.split(','));

/** One trust name per line, blank lines and repeats dropped. */
export const linesOf = (typed: string): string[] => distinctItems(typed.split(/\r?\n/));

const capacity = z.preprocess(
  (value) => (typeof value === 'string' ? value.trim() : ''),
  z
    .string()
    .min(1, { error: 'Enter how many mentees you can take at once' })
    .regex(/^\d{1,2}$/, { error: 'Enter how many mentees you can take at once as a whole number, like 2' })
    .transform(Number)
    .pipe(z.number().max(20, { error: 'Enter a number of mentees from 0 to 20' })),
);

export const mentorProfileForm = z.object({
  provider: requiredText('Select the provider this profile is for', { maxLength: 100 }),
  biography: requiredText('Enter a short biography', { maxLength: 5_000 }),
  values: optionalText({ maxLength: 2_000 }),
  experienceTags: optionalText({ maxLength: 1_000, whenTooLong: 'Enter 1,000 characters or fewer of experience' })
    .transform(tagsOf)
    .refine((tags) => tags.every((tag) => tag.length <= 60), {
      error: 'Keep each kind of experience to 60 characters or fewer, with commas between them',
    })
    .refine((tags) => tags.length <= 30, { error: 'Enter 30 kinds of experience or fewer' }),
  experience: checkboxes(['growth', 'merger']),
  phases: checkboxes(PHASES, { atLeastOne: 'Select at least one phase you have led' }),
  trustSizes: checkboxes(TRUST_SIZE_BANDS, { atLeastOne: 'Select at least one size of trust you know' }),
  region: choice(ENGLISH_REGIONS, 'Select the region you work in'),
  trust: optionalText({ maxLength: 200, whenTooLong: 'Enter the trust’s name in 200 characters or fewer' }),
  capacity,
  available: choice(['yes', 'no'], 'Select whether you can take a new mentee now'),
  availabilityNote: optionalText({ maxLength: 500 }),
  conflicts: optionalText({ maxLength: 5_000 }).transform(linesOf),
  version: formVersion,
});

export type MentorProfileFormData = z.output<typeof mentorProfileForm>;
