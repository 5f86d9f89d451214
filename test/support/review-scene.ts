import { randomUUID } from 'node:crypto';
import { agreeRating } from '../../src/modules/reviews/agreement.service.ts';
import { addParticipant } from '../../src/modules/reviews/participants.service.ts';
import { saveRating, type EvidenceFileStore } from '../../src/modules/reviews/ratings.service.ts';
import { closeReview, getReviewOverview, startReview } from '../../src/modules/reviews/reviews.service.ts';
import type { Viewer } from '../../src/platform/auth/viewer.ts';
import type { AppDb } from '../../src/platform/db/database.ts';
import { addMembership, createOrganisation, createPerson, type OrganisationRow, type PersonRow } from './factories.ts';
import { builtinVersion } from './review-factories.ts';

/**
 * A review made the way people make one, through the reviews services: started by a trust's
 * chief executive (its lead), raters in the trust's groups, a rater from a partner trust, ratings
 * and agreed levels. For the results pages, which need all of it to show anything.
 */

/** Ratings in these scenes come with no files: a store that is never asked to keep one. */
const noFiles: EvidenceFileStore = {
  save: () => Promise.reject(new Error('no files in this scene')),
  remove: () => Promise.resolve(),
};

export function viewerOf(person: PersonRow, memberships: Viewer['memberships'] = []): Viewer {
  return { personId: person.id, displayName: person.displayName, email: person.email, mfaEnabled: true, memberships };
}

/** One person's first rating of one element, with a rationale and no evidence. */
export async function rateElement(
  db: AppDb,
  person: PersonRow,
  {
    reviewId,
    elementKey,
    levelKey,
    rationale,
  }: { reviewId: string; elementKey: string; levelKey: string; rationale: string },
): Promise<void> {
  const result = await saveRating({
    db,
    actor: viewerOf(person),
    reviewId,
    elementKey,
    input: { levelKey, rationale, evidenceText: '', links: [], files: [], removeEvidenceIds: [], version: 0 },
    fileStore: noFiles,
  });
  ok(result, 'saved', 'rating not saved');
}

export interface ReviewScene {
  reviewId: string;
  trust: OrganisationRow;
  partnerTrust: OrganisationRow;
  lead: PersonRow;
  /** In the trust's own groups. */
  raters: PersonRow[];
  partnerRater: PersonRow;
  /** The framework's elements in order, and its levels weakest first. */
  elementKeys: string[];
  levelKeys: string[];
}

function ok<T extends { outcome: string }>(result: T, expected: T['outcome'], what: string): void {
  if (result.outcome !== expected) throw new Error(`${what}: ${result.outcome}`);
}

export async function createReviewScene(
  db: AppDb,
  {
    title = 'Spring review',
    trustName,
    anonymous = false,
    raters = 2,
    levelOf = (_elementIndex: number, raterIndex: number) => raterIndex % 4,
    rationale = 'Seen in the board minutes',
    agreed = {},
    closed = false,
    previousOf,
  }: {
    title?: string;
    trustName?: string;
    anonymous?: boolean;
    /** How many raters in the trust's groups, spread over the first groups in turn. */
    raters?: number;
    /** Which level (index, weakest first) each rater gives each element; null: no rating. */
    levelOf?: (elementIndex: number, raterIndex: number) => number | null;
    rationale?: string;
    /** Element index → level index agreed by the lead. */
    agreed?: Record<number, number>;
    closed?: boolean;
    /** The trust and lead of an earlier review, for a second review of the same trust. */
    previousOf?: { trust: OrganisationRow; lead: PersonRow };
  } = {},
): Promise<ReviewScene> {
  const version = await builtinVersion(db, 'trust-development');
  const elementKeys = version.document.headings.flatMap((heading) => heading.elements.map((element) => element.key));
  const levelKeys = version.document.scale.levels.map((level) => level.key);
  const trust =
    previousOf?.trust ?? (await createOrganisation(db, { kind: 'trust', ...(trustName ? { name: trustName } : {}) }));
  const lead = previousOf?.lead ?? (await createPerson(db));
  if (!previousOf) await addMembership(db, lead.id, trust.id, 'ceo');
  const leadViewer = viewerOf(lead, [{ organisationId: trust.id, organisationName: trust.name, role: 'ceo' }]);

  const started = await startReview({
    db,
    actor: leadViewer,
    start: {
      organisationId: trust.id,
      frameworkId: version.frameworkId,
      frameworkVersionId: version.versionId,
      title,
      headingKeys: null,
      anonymous,
      minimumResponses: 3,
      creationKey: randomUUID(),
    },
  });
  if (started.outcome !== 'started') throw new Error(`review not started: ${started.outcome}`);
  const { reviewId } = started;
  const { groups } = await getReviewOverview({ db, actor: leadViewer, reviewId });
  const trustGroups = groups.filter((group) => !group.partner);
  const partnerGroup = groups.find((group) => group.partner);
  if (!partnerGroup || trustGroups.length === 0) throw new Error('the review has no default groups');

  const join = async (person: PersonRow, groupId: string) =>
    ok(
      await addParticipant({ db, actor: leadViewer, reviewId, email: person.email, groupId, asLead: false }),
      'added',
      'participant not added',
    );
  const raterPeople: PersonRow[] = [];
  for (let index = 0; index < raters; index += 1) {
    const rater = await createPerson(db);
    await join(rater, trustGroups[index % trustGroups.length]?.id ?? '');
    raterPeople.push(rater);
  }
  const partnerTrust = await createOrganisation(db, { kind: 'trust' });
  const partnerRater = await createPerson(db);
  await addMembership(db, partnerRater.id, partnerTrust.id, 'executive');
  await join(partnerRater, partnerGroup.id);

  const rate = async (person: PersonRow, elementIndex: number, level: number | null) => {
    if (level === null) return;
    await rateElement(db, person, {
      reviewId,
      elementKey: elementKeys[elementIndex] ?? '',
      levelKey: levelKeys[level] ?? '',
      rationale,
    });
  };
  for (const [elementIndex] of elementKeys.entries()) {
    for (const [raterIndex, rater] of raterPeople.entries())
      await rate(rater, elementIndex, levelOf(elementIndex, raterIndex));
    await rate(partnerRater, elementIndex, levelOf(elementIndex, raters));
  }
  for (const [elementIndex, level] of Object.entries(agreed)) {
    const result = await agreeRating({
      db,
      actor: leadViewer,
      reviewId,
      elementKey: elementKeys[Number(elementIndex)] ?? '',
      levelKey: levelKeys[level] ?? '',
      rationale: 'Agreed at the review meeting',
      version: 0,
    });
    ok(result, 'saved', 'agreed rating not saved');
  }
  if (closed) {
    const { review } = await getReviewOverview({ db, actor: leadViewer, reviewId });
    ok(await closeReview({ db, actor: leadViewer, reviewId, version: review.version }), 'closed', 'review not closed');
  }
  return { reviewId, trust, partnerTrust, lead, raters: raterPeople, partnerRater, elementKeys, levelKeys };
}

/**
 * Two reviews of one trust a year apart, for the results pages. Last year's is closed with
 * elements 0 and 1 agreed (amber-red, amber-green). This year's is open: four raters, one in each
 * of the first four groups, and the partner rater; on element 0 the first and third group say red
 * and the others green (the groups differ by 3 levels), on every other element all say amber-green;
 * agreed: element 0 amber-green (up), 1 amber-red (down), 2 green (new), the rest not yet.
 */
export async function createReviewsYearOnYear(
  db: AppDb,
  { trustName, titles }: { trustName: string; titles: [earlier: string, current: string] },
): Promise<{ earlier: ReviewScene; current: ReviewScene }> {
  const earlier = await createReviewScene(db, { title: titles[0], trustName, agreed: { 0: 1, 1: 2 }, closed: true });
  const current = await createReviewScene(db, {
    title: titles[1],
    raters: 4,
    levelOf: (elementIndex, raterIndex) => (elementIndex === 0 ? (raterIndex % 2 === 0 ? 0 : 3) : 2),
    rationale: 'Partner view: clear plans',
    agreed: { 0: 2, 1: 1, 2: 3 },
    previousOf: { trust: earlier.trust, lead: earlier.lead },
  });
  return { earlier, current };
}
