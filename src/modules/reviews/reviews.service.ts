import { allowedIds, assertAllowed } from '../../platform/access/access.ts';
import { hasRole, type Viewer } from '../../platform/auth/viewer.ts';
import { isUniqueViolation, type AppDb } from '../../platform/db/database.ts';
import { fetchPageOrLast, type Paged } from '../../platform/db/paging.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { getFrameworkVersion, type FrameworkLevel } from '../frameworks/index.ts';
import {
  accessTo,
  assertOpen,
  coveredHeadings,
  frameworkOf,
  loadReview,
  type ReviewAccess,
} from './review-access.service.ts';
import { lead, providerStaffRoles, seeStateOf, startReviewOf } from './reviews.policy.ts';
import * as ratingsRepository from './ratings.repository.ts';
import * as repository from './reviews.repository.ts';

export type { GroupRow, ParticipantRow, ReviewRow } from './reviews.repository.ts';

/** The groups a new review starts with (SPEC section 3); leads rename, add and remove them. */
export const defaultGroups = [
  { name: 'Executive team', partner: false },
  { name: 'Senior leaders', partner: false },
  { name: 'Middle leaders', partner: false },
  { name: 'Trustees', partner: false },
  { name: 'External facilitator', partner: false },
  { name: 'Partner trust', partner: true },
] as const;

/** The trusts whose reviews the actor may start, from the organisations they belong to. */
export async function organisationsWhereReviewsStart({ db, actor }: { db: AppDb; actor: Viewer | null }) {
  if (!actor) return [];
  const candidates = new Map(actor.memberships.map((each) => [each.organisationId, each.organisationName]));
  const allowed = await allowedIds(db, { actor, permission: startReviewOf, ids: [...candidates.keys()] });
  return [...candidates].filter(([id]) => allowed.has(id)).map(([id, name]) => ({ id, name }));
}

export interface StartReview {
  organisationId: string;
  frameworkId: string;
  frameworkVersionId: string;
  title: string;
  /** Null: the whole framework. */
  headingKeys: string[] | null;
  anonymous: boolean;
  minimumResponses: number;
  creationKey: string;
  /** The default group the person starting it rates in; null: they lead and give no ratings. */
  starterGroup?: string | null;
}

/** The groups the person starting a review may rate in: not the partner trust's. */
export const starterGroups: string[] = defaultGroups.filter((group) => !group.partner).map((group) => group.name);

export type StartOutcome = { outcome: 'started'; reviewId: string } | { outcome: 'unknown-headings' };

/** Starts a review of a trust with the default groups; the person starting it is its first lead. */
export async function startReview({
  db,
  actor,
  start,
}: {
  db: AppDb;
  actor: Viewer | null;
  start: StartReview;
}): Promise<StartOutcome> {
  await assertAllowed(db, { actor, permission: startReviewOf, ids: [start.organisationId] });
  const version = await getFrameworkVersion({
    db,
    actor,
    frameworkId: start.frameworkId,
    versionId: start.frameworkVersionId,
  });
  if (version.status !== 'published') throw AppError.notFound();
  const allKeys = version.document.headings.map((heading) => heading.key);
  const headingKeys = start.headingKeys ?? allKeys;
  if (headingKeys.length === 0 || headingKeys.some((key) => !allKeys.includes(key))) {
    return { outcome: 'unknown-headings' };
  }
  return db.transaction(async (tx) => {
    const review = await repository.insertReview(tx, {
      organisationId: start.organisationId,
      frameworkVersionId: version.id,
      title: start.title,
      headingKeys: allKeys.filter((key) => headingKeys.includes(key)),
      anonymous: start.anonymous,
      minimumResponses: start.minimumResponses,
      createdByPersonId: actor?.personId ?? null,
      creationKey: start.creationKey,
    });
    if (review.created) {
      const groups = await repository.insertGroups(tx, review.id, [...defaultGroups]);
      const groupId = groups.find((group) => group.name === start.starterGroup)?.id ?? null;
      await repository.insertParticipant(tx, {
        reviewId: review.id,
        personId: actor?.personId ?? '',
        lead: true,
        groupId,
      });
    }
    return { outcome: 'started', reviewId: review.id };
  });
}

export interface ReviewListItem extends repository.ReviewRow {
  part: 'lead' | 'rater' | 'lead and rater' | null;
}

/** The reviews the actor takes part in; provider staff also page through every review's state. */
export async function listReviews({
  db,
  actor,
  page,
}: {
  db: AppDb;
  actor: Viewer | null;
  page: number;
}): Promise<{ mine: ReviewListItem[]; all: (Paged & { rows: repository.ReviewRow[]; total: number }) | null }> {
  if (!actor) throw AppError.forbidden();
  const rows = await repository.listReviewsOfPerson(db, actor.personId);
  const mine = rows.map(({ lead: isLead, groupId, ...review }) => ({
    ...review,
    part: partOf({ lead: isLead, groupId }),
  }));
  const all = hasRole(actor, ...providerStaffRoles)
    ? await fetchPageOrLast(page, 25, (limit, offset) => repository.listAllReviews(db, { limit, offset }))
    : null;
  return { mine, all };
}

function partOf(participant: { lead: boolean; groupId: string | null }): ReviewListItem['part'] {
  if (participant.lead) return participant.groupId ? 'lead and rater' : 'lead';
  return 'rater';
}

export interface ReviewOverview {
  review: repository.ReviewRow;
  frameworkName: string;
  frameworkVersionNumber: number;
  access: ReviewAccess;
  /** Only for those taking part; provider staff see the review's state alone. */
  groups: repository.GroupRow[];
  participants: repository.ParticipantRow[];
  elementCount: number;
  /** The viewer's own place: their group, and how many elements they have rated. */
  me: { groupId: string | null; lead: boolean; rated: number } | null;
  /** For leads: the covered elements with the agreed level of each (level key, or null). */
  agreement: Array<{
    key: string;
    name: string;
    elements: Array<{ key: string; name: string; agreed: string | null }>;
  }>;
  levels: FrameworkLevel[];
}

export async function getReviewOverview({
  db,
  actor,
  reviewId,
}: {
  db: AppDb;
  actor: Viewer | null;
  reviewId: string;
}): Promise<ReviewOverview> {
  const review = await loadReview(db, { actor, reviewId, permission: seeStateOf });
  const [access, framework] = await Promise.all([accessTo(db, actor, reviewId), frameworkOf(db, actor, review)]);
  const elementCount = coveredHeadings(framework.document, review.headingKeys).reduce(
    (sum, heading) => sum + heading.elements.length,
    0,
  );
  const base = {
    review,
    frameworkName: framework.document.name,
    frameworkVersionNumber: framework.number,
    access,
    elementCount,
    levels: framework.document.scale.levels,
  };
  if (!access.participant) return { ...base, groups: [], participants: [], me: null, agreement: [] };
  const [groups, participants, agreed] = await Promise.all([
    repository.listGroups(db, reviewId),
    repository.listParticipants(db, reviewId),
    access.lead ? ratingsRepository.listAgreed(db, reviewId) : Promise.resolve([]),
  ]);
  const agreedLevel = new Map(agreed.map((each) => [each.elementKey, each.levelKey]));
  const agreement = access.lead
    ? coveredHeadings(framework.document, review.headingKeys).map((heading) => ({
        key: heading.key,
        name: heading.name,
        elements: heading.elements.map((element) => ({
          key: element.key,
          name: element.name,
          agreed: agreedLevel.get(element.key) ?? null,
        })),
      }))
    : [];
  const mine = participants.find((each) => each.personId === actor?.personId) ?? null;
  const me = mine ? { groupId: mine.groupId, lead: mine.lead, rated: mine.rated } : null;
  // The trust's own people are not the partner trust's business, and in an anonymous review nobody
  // but the leads may know who has answered how much.
  const visible = access.lead ? participants : access.results && !review.anonymous ? participants : [];
  return { ...base, groups, participants: visible, me, agreement };
}

export type GroupChange =
  { outcome: 'saved' } | { outcome: 'name-taken' } | { outcome: 'not-empty' } | { outcome: 'not-found' };

/** Adds a group, or renames one (`groupId` given). Names are unique within a review, whatever their case. */
export async function saveGroup({
  db,
  actor,
  reviewId,
  groupId,
  name,
}: {
  db: AppDb;
  actor: Viewer | null;
  reviewId: string;
  groupId?: string;
  name: string;
}): Promise<GroupChange> {
  const review = await loadReview(db, { actor, reviewId, permission: lead });
  assertOpen(review);
  try {
    if (groupId) {
      const renamed = await repository.updateGroupName(db, { reviewId, groupId, name });
      return { outcome: renamed ? 'saved' : 'not-found' };
    }
    const groups = await repository.listGroups(db, reviewId);
    const next = Math.max(-1, ...groups.map((group) => group.position)) + 1;
    await repository.insertGroups(db, reviewId, [{ name, partner: false }], next);
    return { outcome: 'saved' };
  } catch (error) {
    if (isUniqueViolation(error)) return { outcome: 'name-taken' };
    throw error;
  }
}

/** Removes an empty group: a group with people in it keeps them until they are moved or removed. */
export async function removeGroup({
  db,
  actor,
  reviewId,
  groupId,
}: {
  db: AppDb;
  actor: Viewer | null;
  reviewId: string;
  groupId: string;
}): Promise<GroupChange> {
  const review = await loadReview(db, { actor, reviewId, permission: lead });
  assertOpen(review);
  const participants = await repository.listParticipants(db, reviewId);
  if (participants.some((each) => each.groupId === groupId)) return { outcome: 'not-empty' };
  const removed = await repository.deleteGroup(db, { reviewId, groupId });
  return { outcome: removed ? 'saved' : 'not-found' };
}

export async function closeReview({
  db,
  actor,
  reviewId,
  version,
}: {
  db: AppDb;
  actor: Viewer | null;
  reviewId: string;
  version: number;
}): Promise<{ outcome: 'closed' | 'already-closed' | 'stale' }> {
  return db.transaction(async (tx) => {
    const review = await loadReview(tx, { actor, reviewId, permission: lead, forUpdate: true });
    if (review.status === 'closed') return { outcome: 'already-closed' };
    if (review.version !== version) return { outcome: 'stale' };
    await repository.updateReview(tx, reviewId, {
      status: 'closed',
      closedAt: new Date(),
      closedByPersonId: actor?.personId ?? null,
    });
    return { outcome: 'closed' };
  });
}
