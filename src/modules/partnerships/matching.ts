/**
 * Ranking mentors for a mentee, with every point explained in words and every exclusion said.
 *
 * Hard exclusions (never ranked): the mentee's own trust, a declared conflict with it, no places
 * left, not available, a profile the provider has not checked.
 *
 * The score is out of 100. Each criterion the mentee asked about has a weight; capacity always
 * counts. A mentor earns a share of each weight (below) and the score is what they earned out of
 * what could be earned for this mentee, so a perfect fit scores 100 whatever was asked:
 *   themes 30 (share of the themes asked for)   phases 15 (share of the phases asked for)
 *   trust size 10 (same band; 5 for the next)   growth 10 and mergers 10 (when asked for)
 *   locality 15 (same region for local knowledge, another for independence)
 *   capacity 10 (share of places still free, so busy mentors are not asked first)
 *
 * Ties, in order: more places left, then name (A to Z, ignoring case and accents), then id, so the
 * same inputs always give the same list.
 */
import {
  PHASE_LABELS,
  TRUST_SIZE_LABELS,
  trustSizeBandIndex,
  type EnglishRegion,
  type Phase,
  type TrustSizeBand,
} from './mentor-profile-terms.ts';

export type LocalityPreference = 'local knowledge' | 'independent' | 'no preference';

export interface MenteePreferences {
  /** The mentee's trust, never matched with its own people or with those who declared a conflict with it. */
  trustId: string | null;
  /** Experience wanted, e.g. "turnaround", "church schools", compared ignoring case and spacing. */
  themes: readonly string[];
  phases: readonly Phase[];
  trustSize: TrustSizeBand | null;
  wantsGrowthExperience: boolean;
  wantsMergerExperience: boolean;
  region: EnglishRegion | null;
  locality: LocalityPreference;
  /** For the programme manager to read; never scored. */
  otherWishes: string;
}

export interface MentorProfile {
  id: string;
  name: string;
  trustId: string | null;
  experienceTags: readonly string[];
  phases: readonly Phase[];
  trustSizes: readonly TrustSizeBand[];
  hasGrownATrust: boolean;
  hasLedAMerger: boolean;
  region: EnglishRegion | null;
  /** How many partnerships at once. */
  capacity: number;
  activePartnerships: number;
  available: boolean;
  conflictTrustIds: readonly string[];
  checkedByProvider: boolean;
}

export interface RankedMentor<M extends MentorProfile> {
  mentor: M;
  score: number;
  /** Why they fit, one sentence per criterion that earned points. */
  reasons: string[];
  /** What the mentee asked for that they do not offer. */
  concerns: string[];
}

export interface ExcludedMentor<M extends MentorProfile> {
  mentor: M;
  exclusions: string[];
}

export interface MentorRanking<M extends MentorProfile> {
  ranked: RankedMentor<M>[];
  excluded: ExcludedMentor<M>[];
}

export const MATCHING_WEIGHTS = {
  themes: 30,
  phases: 15,
  trustSize: 10,
  growth: 10,
  mergers: 10,
  locality: 15,
  capacity: 10,
} as const;

/** What one criterion gave: points earned of those available, and the words for it. */
interface Assessment {
  available: number;
  earned: number;
  reason?: string;
  concern?: string;
}

/** Points earned for a fit (a share of the weight for a partial one), with the reason in words. */
const fit = (weight: number, reason: string, share = 1): Assessment => ({
  available: weight,
  earned: weight * share,
  reason,
});
/** No points for something asked for and not offered, with the concern in words. */
const gap = (weight: number, concern: string): Assessment => ({ available: weight, earned: 0, concern });

const normalised = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');

/** "a", "a and b", "a, b and c": GOV.UK style, no serial comma. */
function inWords(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** Unique by normalised form, keeping the first wording. */
function distinct(items: readonly string[]): string[] {
  const seen = new Map<string, string>();
  for (const item of items) {
    const key = normalised(item);
    if (key !== '' && !seen.has(key)) seen.set(key, item);
  }
  return [...seen.values()];
}

function shareOfWanted(
  kind: string,
  weight: number,
  wanted: readonly string[],
  matched: readonly string[],
): Assessment {
  if (matched.length === 0) return gap(weight, `No experience of the ${kind}s you asked for`);
  const share =
    matched.length === wanted.length
      ? wanted.length === 1
        ? `the ${kind}`
        : `all the ${kind}s`
      : `${matched.length} of the ${wanted.length} ${kind}s`;
  return fit(weight, `Experience of ${share} you asked for: ${inWords(matched)}`, matched.length / wanted.length);
}

function assessThemes(mentee: MenteePreferences, mentor: MentorProfile): Assessment | null {
  const wanted = distinct(mentee.themes);
  if (wanted.length === 0) return null;
  const offered = new Set(mentor.experienceTags.map(normalised));
  const matched = wanted.filter((theme) => offered.has(normalised(theme)));
  return shareOfWanted('theme', MATCHING_WEIGHTS.themes, wanted, matched);
}

function assessPhases(mentee: MenteePreferences, mentor: MentorProfile): Assessment | null {
  const wanted = [...new Set(mentee.phases)];
  if (wanted.length === 0) return null;
  const matched = wanted.filter((phase) => mentor.phases.includes(phase));
  const label = (phases: readonly Phase[]) => phases.map((phase) => PHASE_LABELS[phase]);
  return shareOfWanted('phase', MATCHING_WEIGHTS.phases, label(wanted), label(matched));
}

function assessTrustSize(mentee: MenteePreferences, mentor: MentorProfile): Assessment | null {
  if (mentee.trustSize === null) return null;
  const weight = MATCHING_WEIGHTS.trustSize;
  const wanted = trustSizeBandIndex(mentee.trustSize);
  if (mentor.trustSizes.includes(mentee.trustSize)) {
    return fit(weight, `Knows trusts of your size (${TRUST_SIZE_LABELS[mentee.trustSize]})`);
  }
  const near = mentor.trustSizes.filter((band) => Math.abs(trustSizeBandIndex(band) - wanted) === 1);
  if (near.length > 0) {
    const sizes = inWords(
      near.toSorted((a, b) => trustSizeBandIndex(a) - trustSizeBandIndex(b)).map((band) => TRUST_SIZE_LABELS[band]),
    );
    return fit(weight, `Knows trusts of a similar size (${sizes})`, 1 / 2);
  }
  return gap(weight, `No experience of trusts your size (${TRUST_SIZE_LABELS[mentee.trustSize]})`);
}

function assessFlag(asked: boolean, has: boolean, weight: number, reason: string, concern: string): Assessment | null {
  if (!asked) return null;
  return has ? fit(weight, reason) : gap(weight, concern);
}

function assessLocality(mentee: MenteePreferences, mentor: MentorProfile): Assessment | null {
  if (mentee.locality === 'no preference' || mentee.region === null) return null;
  const weight = MATCHING_WEIGHTS.locality;
  if (mentor.region === null) return gap(weight, 'Has not said which region they work in');
  const sameRegion = mentor.region === mentee.region;
  if (mentee.locality === 'local knowledge') {
    return sameRegion
      ? fit(weight, `Works in the same region (${mentor.region})`)
      : gap(weight, `Works in another region (${mentor.region}), and you asked for local knowledge`);
  }
  return sameRegion
    ? gap(weight, `Works in your region (${mentor.region}), and you asked for someone independent of it`)
    : fit(weight, `Independent of your region, as you asked: works in ${mentor.region}`);
}

function placesLeft(mentor: MentorProfile): number {
  return Math.max(0, mentor.capacity - mentor.activePartnerships);
}

function assessCapacity(mentor: MentorProfile): Assessment {
  const left = placesLeft(mentor);
  const weight = MATCHING_WEIGHTS.capacity;
  return fit(
    weight,
    `${left} of ${mentor.capacity} ${mentor.capacity === 1 ? 'place' : 'places'} left`,
    mentor.capacity > 0 ? left / mentor.capacity : 0,
  );
}

/** Why a mentor cannot be offered to this mentee, in words; none when they can. */
export function exclusionsFor(mentee: MenteePreferences, mentor: MentorProfile): string[] {
  const exclusions: string[] = [];
  if (mentee.trustId !== null && mentor.trustId === mentee.trustId) exclusions.push('Works in your trust');
  if (mentee.trustId !== null && mentor.conflictTrustIds.includes(mentee.trustId)) {
    exclusions.push('Has declared a conflict of interest with your trust');
  }
  if (mentor.capacity <= 0) exclusions.push('Has no places for mentees');
  else if (placesLeft(mentor) === 0) {
    exclusions.push(`No places left (${mentor.activePartnerships} of ${mentor.capacity} taken)`);
  }
  if (!mentor.available) exclusions.push('Not available at the moment');
  if (!mentor.checkedByProvider) exclusions.push('Profile not yet checked by the provider');
  return exclusions;
}

/** The score and its words for a mentor who is not excluded. */
export function assessMentor<M extends MentorProfile>(mentee: MenteePreferences, mentor: M): RankedMentor<M> {
  const assessments = [
    assessThemes(mentee, mentor),
    assessPhases(mentee, mentor),
    assessTrustSize(mentee, mentor),
    assessFlag(
      mentee.wantsGrowthExperience,
      mentor.hasGrownATrust,
      MATCHING_WEIGHTS.growth,
      'Has grown a trust',
      'Has not grown a trust',
    ),
    assessFlag(
      mentee.wantsMergerExperience,
      mentor.hasLedAMerger,
      MATCHING_WEIGHTS.mergers,
      'Has led a trust through a merger',
      'Has not led a trust through a merger',
    ),
    assessLocality(mentee, mentor),
    assessCapacity(mentor),
  ].filter((assessment) => assessment !== null);
  const available = assessments.reduce((total, assessment) => total + assessment.available, 0);
  const earned = assessments.reduce((total, assessment) => total + assessment.earned, 0);
  return {
    mentor,
    // Shares such as 2/3 are not exact in floating point; the nudge keeps an exact half rounding up.
    score: Math.round((earned * 100) / available + 1e-9),
    reasons: assessments.flatMap((assessment) => assessment.reason ?? []),
    concerns: assessments.flatMap((assessment) => assessment.concern ?? []),
  };
}

const byName = new Intl.Collator('en-GB', { sensitivity: 'base' });

function compareNameThenId(a: MentorProfile, b: MentorProfile): number {
  return byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Mentors who may be offered, best fit first; the others with the reasons they are left out, by name. */
export function rankMentors<M extends MentorProfile>(
  mentee: MenteePreferences,
  mentors: readonly M[],
): MentorRanking<M> {
  const ranked: RankedMentor<M>[] = [];
  const excluded: ExcludedMentor<M>[] = [];
  for (const mentor of mentors) {
    const exclusions = exclusionsFor(mentee, mentor);
    if (exclusions.length > 0) excluded.push({ mentor, exclusions });
    else ranked.push(assessMentor(mentee, mentor));
  }
  ranked.sort(
    (a, b) => b.score - a.score || placesLeft(b.mentor) - placesLeft(a.mentor) || compareNameThenId(a.mentor, b.mentor),
  );
  excluded.sort((a, b) => compareNameThenId(a.mentor, b.mentor));
  return { ranked, excluded };
}
