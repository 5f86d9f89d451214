import { allowedIds } from '../../platform/access/access.ts';
import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { coveredHeadings, frameworkOf, loadReview } from './review-access.service.ts';
import { recordReviewRead } from './review-activity.service.ts';
import type { ReviewReport } from './review-report.ts';
import type { ExportFormat } from './review-reads.ts';
import {
  compareGroups,
  distributionOf,
  enoughResponses,
  medianLevel,
  movementOf,
  type ElementComparison,
  type Movement,
} from './review-results.ts';
import { seeResultsOf, takePartIn } from './reviews.policy.ts';
import * as ratingsRepository from './ratings.repository.ts';
import * as repository from './reviews.repository.ts';

/** `audit`: where the request came from, for the read each of these writes to the audit log. */
type Actor = { db: AppDb; actor: Viewer | null; reviewId: string; audit?: AuditRequestContext };

/** Every rating of the review with who gave it and in which group; read only for those who may see results. */
async function ratingsWithPeople(db: AppDb, reviewId: string) {
  const [groups, participants, ratings] = await Promise.all([
    repository.listGroups(db, reviewId),
    repository.listParticipants(db, reviewId),
    ratingsRepository.listRatings(db, reviewId),
  ]);
  const participantsById = new Map(participants.map((each) => [each.id, each]));
  const groupsById = new Map(groups.map((each) => [each.id, each]));
  const rows = ratings.flatMap((rating) => {
    const participant = participantsById.get(rating.participantId);
    const group = participant?.groupId ? groupsById.get(participant.groupId) : undefined;
    return participant && group ? [{ rating, participant, group }] : [];
  });
  return { groups, rows };
}

/**
 * The review and its report, for someone allowed to see its results, with the read recorded.
 * Once allowed, nothing else can make it "not found": the audit insert runs beside the report's
 * queries (on PostgreSQL, on a connection of its own) rather than adding its commit to the page.
 */
async function readReport(
  { db, actor, reviewId, audit = {} }: Actor,
  read: Pick<Parameters<typeof recordReviewRead>[1], 'kind' | 'details'>,
) {
  const review = await loadReview(db, { actor, reviewId, permission: seeResultsOf });
  const [report] = await Promise.all([
    reportOf(db, actor, review),
    recordReviewRead(db, { actor, review, ...read }, audit),
  ]);
  return { review, report };
}

/**
 * The review's results as one value for a download. For an anonymous review no individual
 * answer leaves this function, and an element's counts only from enough answers.
 */
export async function getReviewExport({ format, ...request }: Actor & { format: ExportFormat }): Promise<ReviewReport> {
  return (await readReport(request, { kind: 'review.export', details: { format } })).report;
}

/** The report with the review it is of: the heat map page also says whether peer challenge is on. */
export async function getHeatMap(request: Actor) {
  return readReport(request, { kind: 'review.heat-map' });
}

/** The report of a review already loaded for someone allowed to see its results (a lead is). */
export async function reportOf(db: AppDb, actor: Viewer | null, review: repository.ReviewRow): Promise<ReviewReport> {
  const reviewId = review.id;
  const [{ document, number }, { rows }, agreed] = await Promise.all([
    frameworkOf(db, actor, review),
    ratingsWithPeople(db, reviewId),
    ratingsRepository.listAgreed(db, reviewId),
  ]);
  const evidence = review.anonymous
    ? []
    : await ratingsRepository.listEvidence(
        db,
        rows.map((row) => row.rating.id),
      );
  const levels = document.scale.levels;
  const agreedByElement = new Map(agreed.map((each) => [each.elementKey, each]));
  return {
    reviewId,
    title: review.title,
    organisationName: review.organisationName,
    frameworkName: document.name,
    frameworkVersionNumber: number,
    status: review.status,
    anonymous: review.anonymous,
    minimumResponses: review.minimumResponses,
    closedAt: review.closedAt,
    generatedAt: new Date(),
    levels: levels.map((level, rank) => ({ key: level.key, label: level.label, colour: level.colour, rank })),
    headings: coveredHeadings(document, review.headingKeys).map((heading) => ({
      key: heading.key,
      name: heading.name,
      elements: heading.elements.map((element) => {
        const ofElement = rows.filter((row) => row.rating.elementKey === element.key);
        // The trust's view of itself: the partner trust's answers are shown beside it, not counted in it.
        const own = ofElement.filter((row) => !row.group.partner);
        const distribution = distributionOf(
          own.map((row) => row.rating.levelKey),
          levels,
        );
        const agreedRating = agreedByElement.get(element.key);
        return {
          key: element.key,
          name: element.name,
          agreed: agreedRating ? { levelKey: agreedRating.levelKey, rationale: agreedRating.rationale } : null,
          ratings: review.anonymous
            ? []
            : ofElement.map(({ rating, participant, group }) => ({
                participantName: participant.displayName,
                groupName: group.name,
                levelKey: rating.levelKey,
                rationale: rating.rationale,
                evidenceText: rating.evidenceText,
                evidenceNames: evidence.filter((each) => each.ratingId === rating.id).map((each) => each.name),
              })),
          responses: own.filter((row) => row.rating.levelKey !== null).length,
          distribution: enoughResponses(distribution, review) ? distribution : null,
        };
      }),
    })),
  };
}

export interface GroupComparisonPage {
  review: repository.ReviewRow;
  groups: repository.GroupRow[];
  elements: Map<string, { name: string; headingName: string }>;
  comparisons: ElementComparison[];
  levels: ReviewReport['levels'];
}

export async function getGroupComparison({ db, actor, reviewId, audit = {} }: Actor): Promise<GroupComparisonPage> {
  const review = await loadReview(db, { actor, reviewId, permission: seeResultsOf });
  const [{ document }, { groups, rows }] = await Promise.all([
    frameworkOf(db, actor, review),
    ratingsWithPeople(db, reviewId),
  ]);
  const headings = coveredHeadings(document, review.headingKeys);
  const elements = new Map(
    headings.flatMap((heading) =>
      heading.elements.map((element) => [element.key, { name: element.name, headingName: heading.name }] as const),
    ),
  );
  const comparisons = compareGroups({
    elementKeys: [...elements.keys()],
    groupIds: groups.map((group) => group.id),
    answers: rows.map((row) => ({
      elementKey: row.rating.elementKey,
      groupId: row.group.id,
      levelKey: row.rating.levelKey,
    })),
    levels: document.scale.levels,
    anonymity: review,
  });
  const levels = document.scale.levels.map((level, rank) => ({ ...level, rank }));
  await recordReviewRead(db, { actor, review, kind: 'review.group-comparison' }, audit);
  return { review, groups, elements, comparisons, levels };
}

export interface PeerChallengeElement {
  key: string;
  name: string;
  /** The trust's agreed rating, or its own groups' middle answer while none is agreed. */
  trust: { levelKey: string | null; agreed: boolean; rationale: string };
  partner: Array<{ name: string; levelKey: string | null; comment: string }>;
}

/**
 * The partner trust's ratings and comments beside the trust's own view, for both trusts'
 * participants (and nobody else). Only the agreed rating, or a summary, of the trust's side is
 * shown: the partner trust does not see who in the trust said what.
 */
export async function getPeerChallenge({ db, actor, reviewId, audit = {} }: Actor) {
  const review = await loadReview(db, { actor, reviewId, permission: takePartIn });
  const [{ document }, { groups, rows }, agreed] = await Promise.all([
    frameworkOf(db, actor, review),
    ratingsWithPeople(db, reviewId),
    ratingsRepository.listAgreed(db, reviewId),
  ]);
  const partnerGroup = groups.find((group) => group.partner);
  if (!partnerGroup) throw AppError.notFound();
  const levels = document.scale.levels;
  const headings = coveredHeadings(document, review.headingKeys).map((heading) => ({
    key: heading.key,
    name: heading.name,
    elements: heading.elements.map((element): PeerChallengeElement => {
      const ofElement = rows.filter((row) => row.rating.elementKey === element.key);
      const agreedRating = agreed.find((each) => each.elementKey === element.key);
      const own = distributionOf(
        ofElement.filter((row) => !row.group.partner).map((row) => row.rating.levelKey),
        levels,
      );
      const ownSummary = enoughResponses(own, review) ? medianLevel(own, levels) : null;
      return {
        key: element.key,
        name: element.name,
        trust: agreedRating
          ? { levelKey: agreedRating.levelKey, agreed: true, rationale: agreedRating.rationale }
          : { levelKey: ownSummary, agreed: false, rationale: '' },
        partner: review.anonymous
          ? []
          : ofElement
              .filter((row) => row.group.partner)
              .map((row) => ({
                name: row.participant.displayName,
                levelKey: row.rating.levelKey,
                comment: row.rating.rationale,
              })),
      };
    }),
  }));
  // A partner-trust rater is shown no way to the trust's own results.
  const seesResults = (await allowedIds(db, { actor, permission: seeResultsOf, ids: [reviewId] })).has(reviewId);
  await recordReviewRead(db, { actor, review, kind: 'review.peer-challenge' }, audit);
  return { review, partnerGroup, seesResults, levels: levels.map((level, rank) => ({ ...level, rank })), headings };
}

export interface HistoryRow {
  key: string;
  name: string;
  headingName: string;
  previous: string | null;
  current: string | null;
  movement: Movement;
}

/** This review's agreed ratings beside those of the last closed review of the same framework. */
export async function getHistory({ db, actor, reviewId, audit = {} }: Actor) {
  const review = await loadReview(db, { actor, reviewId, permission: seeResultsOf });
  const { document } = await frameworkOf(db, actor, review);
  const previous = await repository.findPreviousClosedReview(db, review);
  const [currentAgreed, previousAgreed] = await Promise.all([
    ratingsRepository.listAgreed(db, reviewId),
    previous ? ratingsRepository.listAgreed(db, previous.id) : Promise.resolve([]),
  ]);
  const levelOf = (rows: ratingsRepository.AgreedRow[], key: string) =>
    rows.find((row) => row.elementKey === key)?.levelKey ?? null;
  const rows: HistoryRow[] = coveredHeadings(document, review.headingKeys).flatMap((heading) =>
    heading.elements.map((element) => {
      const before = levelOf(previousAgreed, element.key);
      const now = levelOf(currentAgreed, element.key);
      return {
        key: element.key,
        name: element.name,
        headingName: heading.name,
        previous: before,
        current: now,
        movement: movementOf(before, now, document.scale.levels),
      };
    }),
  );
  const levels = document.scale.levels.map((level, rank) => ({ ...level, rank }));
  await recordReviewRead(db, { actor, review, kind: 'review.history' }, audit);
  return { review, previous, rows, levels };
}
