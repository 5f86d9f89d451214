/**
 * The fixed vocabularies of mentor profiles and mentee preferences, shared by matching and,
 * later, by the forms that fill them in.
 */

/** The nine regions of England, as the DfE and ONS name them. */
export const ENGLISH_REGIONS = [
  'North East',
  'North West',
  'Yorkshire and the Humber',
  'East Midlands',
  'West Midlands',
  'East of England',
  'London',
  'South East',
  'South West',
] as const;
export type EnglishRegion = (typeof ENGLISH_REGIONS)[number];

export const PHASES = ['primary', 'secondary', 'all-through', 'special', 'alternative-provision', '16-to-19'] as const;
export type Phase = (typeof PHASES)[number];

/** As they read inside a sentence: "Experience of the phases you asked for: primary and special". */
export const PHASE_LABELS: Record<Phase, string> = {
  primary: 'primary',
  secondary: 'secondary',
  'all-through': 'all-through',
  special: 'special',
  'alternative-provision': 'alternative provision',
  '16-to-19': '16 to 19',
};

/** Trust sizes by number of schools, smallest first: neighbouring bands count as similar in matching. */
export const TRUST_SIZE_BANDS = ['single', 'small', 'medium', 'large', 'very-large'] as const;
export type TrustSizeBand = (typeof TRUST_SIZE_BANDS)[number];

export const TRUST_SIZE_LABELS: Record<TrustSizeBand, string> = {
  single: '1 school',
  small: '2 to 5 schools',
  medium: '6 to 15 schools',
  large: '16 to 30 schools',
  'very-large': 'more than 30 schools',
};

const largestOfBand: Record<TrustSizeBand, number> = {
  single: 1,
  small: 5,
  medium: 15,
  large: 30,
  'very-large': Number.POSITIVE_INFINITY,
};

export function trustSizeBandIndex(band: TrustSizeBand): number {
  return TRUST_SIZE_BANDS.indexOf(band);
}

/** The band of a trust with this many schools (as the register counts them); a trust has at least one. */
export function trustSizeBandFor(schoolCount: number): TrustSizeBand {
  if (!Number.isInteger(schoolCount) || schoolCount < 1) {
    throw new RangeError(`A trust has a whole number of schools, at least 1, not ${schoolCount}`);
  }
  return TRUST_SIZE_BANDS.find((band) => schoolCount <= largestOfBand[band]) ?? 'very-large';
}
