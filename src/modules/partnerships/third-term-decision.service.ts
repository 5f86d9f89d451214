import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { addDays, londonToday } from '../../platform/views/london-time.ts';
import { partyLeads } from './parties.ts';
import { assertState, recordPartnershipRead } from './partnership-access.service.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { insertParticipant, insertPartnership, listParticipants, setState } from './partnerships.repository.ts';
import * as repository from './third-term-review.repository.ts';
import { missingViews, reviewContent, type MissingView, type ReviewPage } from './third-term-review.service.ts';

/**
 * The decision after the third-term review: extend for a further year (a new, linked partnership
 * with its own budget, a fee by agreement and a new agreement to accept), or close, recording what
 * the mentee will sustain without the mentor. The mentee side decides with its mentor, and a lead
 * of the mentee side (in a triad, of the peers) records it: the provider sees no review, so it
 * records no decision.
 */

export type Decision = { kind: 'extend'; feePence: number } | { kind: 'close'; sustainNote: string };

export interface DecisionPage extends ReviewPage {
  missing: MissingView[];
  /** The actor records the decision: a lead of the mentee side. */
  mayDecide: boolean;
  /** The partnership that extends this one, once extended. */
  next: { id: string } | null;
}

/** Whoever answers for the mentored: the mentee side's lead, or in a triad any trust's. */
const decides = ({ me, participants }: ReviewPage) =>
  partyLeads(participants.filter((each) => each.side === 'mentee' || each.side === 'peer')).some(
    (each) => each.personId === me.personId,
  );

async function decisionContent(db: AppDb, actor: Viewer | null, partnershipId: string, forUpdate = false) {
  const page = await reviewContent(db, { actor, partnershipId, forUpdate });
  return {
    ...page,
    missing: missingViews(page.goals, page.reviews, page.sides),
    mayDecide: decides(page),
    next: await repository.findNextPartnership(db, partnershipId),
  } satisfies DecisionPage;
}

/** The decision page: what is still to review, or the two choices. It lists goals, so it is a read of the review. */
export async function getDecisionPage({
  db,
  actor,
  partnershipId,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  audit: AuditRequestContext;
}): Promise<DecisionPage> {
  const page = await decisionContent(db, actor, partnershipId);
  assertState(page.partnership, ['meetings', 'review', 'closed']);
  await recordPartnershipRead(db, { actor, partnership: page.partnership, kind: 'partnership.review' }, audit);
  return page;
}

function alreadyClosed(page: DecisionPage): AppError {
  return AppError.conflict('This partnership is already closed', {
    title: 'This partnership is already closed',
    paragraphs: [
      page.next
        ? `The decision was made: “${page.partnership.title}” continues as a further year, and this year is closed. Nothing has changed.`
        : `The decision was made: “${page.partnership.title}” is closed. Nothing has changed.`,
    ],
    link: page.next
      ? { href: partnershipPaths.of(page.next.id, 'partnership'), text: 'Go to the further year' }
      : { href: partnershipPaths.of(page.partnership.id, 'partnership'), text: 'Go to the partnership' },
  });
}

/** The further year: from `startsOn` to the day before the same date a year later. */
export function furtherYear(endsOn: string | null): { startsOn: string; endsOn: string } {
  const startsOn = addDays(endsOn ?? londonToday(), 1);
  const [year = 0, month = 1, day = 1] = startsOn.split('-').map(Number);
  // Date.UTC rolls 29 February of a year without one over to 1 March; the day before is 28 February.
  const yearOn = Date.UTC(year + 1, month - 1, day);
  return { startsOn, endsOn: addDays(new Date(yearOn).toISOString().slice(0, 10), -1) };
}

export type DecideOutcome =
  { outcome: 'extended'; nextId: string } | { outcome: 'closed' } | { outcome: 'missing'; page: DecisionPage };

/**
 * Records the decision in one transaction, holding the partnership: a second press finds it
 * closed and changes nothing. Every side's view of every goal must be written first.
 */
export async function decide({
  db,
  actor,
  partnershipId,
  decision,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  decision: Decision;
}): Promise<DecideOutcome> {
  if (!actor) throw AppError.notFound();
  return db.transaction(async (tx) => {
    const page = await decisionContent(tx, actor, partnershipId, true);
    const { partnership } = page;
    if (partnership.state === 'closed') throw alreadyClosed(page);
    if (!page.mayDecide) throw AppError.forbidden('A lead of the mentee side records the decision');
    assertState(partnership, ['review']);
    if (page.missing.length > 0 || page.goals.length === 0) return { outcome: 'missing', page };
    const closedAt = new Date();
    if (decision.kind === 'close') {
      await setState(tx, partnershipId, 'closed', {
        closedAt,
        closedByPersonId: actor.personId,
        sustainNote: decision.sustainNote,
      });
      return { outcome: 'closed' };
    }
    const defaults = await repository.findServiceDefaults(tx, partnership.serviceId);
    if (!defaults) throw new Error('the partnership’s service is missing');
    const nextId = await insertPartnership(tx, {
      serviceId: partnership.serviceId,
      providerOrganisationId: partnership.providerOrganisationId,
      kind: partnership.kind,
      state: 'agreement',
      title: partnership.title,
      menteeTrustId: partnership.menteeTrustId,
      mentorTrustId: partnership.mentorTrustId,
      ...furtherYear(partnership.endsOn),
      ...defaults,
      feePence: decision.feePence,
      // The same match, confirmed by the mentee side's decision to go on with it: who decided, and when.
      matchConfirmedAt: closedAt,
      matchConfirmedByPersonId: actor.personId,
      previousPartnershipId: partnershipId,
      creationKey: `extends:${partnershipId}`,
    });
    for (const each of await listParticipants(tx, [partnershipId])) {
      await insertParticipant(tx, {
        partnershipId: nextId,
        personId: each.personId,
        side: each.side,
        organisationId: each.organisationId,
        lead: each.lead,
      });
    }
    await setState(tx, partnershipId, 'closed', { closedAt, closedByPersonId: actor.personId });
    return { outcome: 'extended', nextId };
  });
}
