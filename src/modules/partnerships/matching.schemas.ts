import { z } from 'zod';
import { checkboxes, choice, optionalText } from '../../platform/forms/fields.ts';
import type { LocalityPreference, MenteePreferences } from './matching.ts';
import { ENGLISH_REGIONS, PHASES, TRUST_SIZE_BANDS } from './mentor-profile-terms.ts';
import { formVersion, tagsOf } from './mentor-profiles.schemas.ts';

/** The locality radios' values, and what each means to matching. */
export const localityChoices = {
  local: 'local knowledge',
  independent: 'independent',
  none: 'no preference',
} as const satisfies Record<string, LocalityPreference>;

export const localityKeys = ['local', 'independent', 'none'] as const;

export const preferencesForm = z
  .object({
    themes: optionalText({ maxLength: 1_000, whenTooLong: 'Enter 1,000 characters or fewer of themes' })
      .transform(tagsOf)
      .refine((themes) => themes.length <= 20, { error: 'Enter 20 themes or fewer' }),
    phases: checkboxes(PHASES),
    trustSize: choice(['none', ...TRUST_SIZE_BANDS], 'Select the size of your trust, or no preference'),
    wants: checkboxes(['growth', 'merger']),
    region: z.preprocess(
      (value) => (typeof value === 'string' ? value.trim() : ''),
      z.union([z.literal(''), z.enum(ENGLISH_REGIONS)], { error: 'Select a region from the list' }),
    ),
    locality: choice(localityKeys, 'Select whether you want local knowledge, independence, or have no preference'),
    otherWishes: optionalText({ maxLength: 2_000 }),
    version: formVersion,
  })
  .superRefine((form, context) => {
    if (form.locality !== 'none' && form.region === '') {
      context.addIssue({
        code: 'custom',
        path: ['region'],
        message: 'Select your region, so that local knowledge or independence from it can be judged',
      });
    }
  });

/** The checked form as the preferences kept on the partnership (the trust comes from the partnership). */
export function preferencesOf(form: z.output<typeof preferencesForm>): Omit<MenteePreferences, 'trustId'> {
  return {
    themes: form.themes,
    phases: form.phases,
    trustSize: form.trustSize === 'none' ? null : form.trustSize,
    wantsGrowthExperience: form.wants.includes('growth'),
    wantsMergerExperience: form.wants.includes('merger'),
    region: form.region === '' ? null : form.region,
    locality: localityChoices[form.locality],
    otherWishes: form.otherWishes,
  };
}
