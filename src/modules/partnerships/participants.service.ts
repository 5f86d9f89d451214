import { assertAllowed } from '../../platform/access/access.ts';
import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { fetchPageOrLast, type Paged } from '../../platform/db/paging.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { lookUpWithinMissLimit, lookupLimitedMessage } from '../../platform/http/lookup-limit.ts';
import {
  loadPartnership,
  mayOn,
  partnershipReadDescriptions,
  type PartnershipReadKind,
} from './partnership-access.service.ts';
import { actAsMentee, managePartnership, seePartnershipSummary } from './partnerships.policy.ts';
import * as repository from './partnerships.repository.ts';
import type { PartnershipKind, PartnershipSide } from './partnerships.tables.ts';

/** The sides people take in each kind of partnership. */
export const sidesOf: Record<PartnershipKind, readonly PartnershipSide[]> = {
  ceo_mentoring: ['mentee', 'mentor'],
  trust_to_trust: ['mentee', 'mentor'],
  peer_triad: ['peer'],
  coaching: ['mentee', 'mentor'],
};

/** Who takes part, for participants and the provider's staff; `manage` when the actor may add people. */
export async function getParticipants({
  db,
  actor,
  partnershipId,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
}) {
  const partnership = await loadPartnership(db, { actor, partnershipId, permission: seePartnershipSummary });
  const [participants, manage] = await Promise.all([
    repository.listParticipants(db, [partnershipId]),
    mayOn(db, actor, managePartnership, partnershipId),
  ]);
  return { partnership, participants, manage };
}

export type AddOutcome =
  { outcome: 'added'; name: string } | { outcome: 'refused'; field: 'email' | 'trust'; message: string };

/**
 * Adds a person to a side, for the provider's staff: a trust-to-trust partnership's lead contacts
 * and other participants, a triad's peers. Someone already taking part keeps their place.
 */
export async function addParticipant({
  db,
  actor,
  partnershipId,
  email,
  side,
  lead,
  trust,
  audit,
}: {
  db: AppDb;
  actor: Viewer;
  partnershipId: string;
  email: string;
  side: PartnershipSide;
  lead: boolean;
  /** The trust they take part for, as typed; empty for none. */
  trust: string;
  audit: AuditRequestContext;
}): Promise<AddOutcome> {
  return db.transaction(async (tx) => {
    // Outsiders are told it does not exist; participants, that adding people is the provider's.
    const partnership = await loadPartnership(tx, {
      actor,
      partnershipId,
      permission: seePartnershipSummary,
      forUpdate: true,
    });
    await assertAllowed(tx, { actor, permission: managePartnership, ids: [partnershipId] });
    if (!sidesOf[partnership.kind].includes(side)) throw AppError.notFound();
    const lookup = await lookUpWithinMissLimit(
      tx,
      { personId: actor.personId, purpose: 'partnership.participant', audit },
      () => repository.findActivePersonByEmail(tx, email),
    );
    if (lookup.outcome === 'limited') return { outcome: 'refused', field: 'email', message: lookupLimitedMessage };
    const person = lookup.outcome === 'found' ? lookup.found : null;
    if (!person) {
      return {
        outcome: 'refused',
        field: 'email',
        message: 'No one with a Tandem account uses that email address. Invite them to Tandem first',
      };
    }
    let organisationId: string | null = null;
    if (trust !== '') {
      const found = await repository.findTrustByName(tx, trust);
      if (found.length !== 1 || !found[0]) {
        return {
          outcome: 'refused',
          field: 'trust',
          message:
            found.length === 0
              ? 'No trust has that name or Companies House number'
              : 'More than one trust has that name: enter its Companies House number',
        };
      }
      organisationId = found[0].id;
    }
    await repository.insertParticipant(tx, { partnershipId, personId: person.id, side, lead, organisationId });
    // The first trust named on each side is that side's trust: the diagnostic and the plan are about them.
    if (organisationId && side === 'mentor' && !partnership.mentorTrustId) {
      await repository.setLinks(tx, partnershipId, { mentorTrustId: organisationId });
    }
    if (organisationId && side === 'mentee' && !partnership.menteeTrustId) {
      await repository.setLinks(tx, partnershipId, { menteeTrustId: organisationId });
    }
    return { outcome: 'added', name: person.displayName };
  });
}

export const READS_PAGE_SIZE = 50;

export interface PartnershipReads extends Paged {
  partnership: repository.PartnershipRow;
  reads: Array<{ occurredAt: Date; readerName: string; description: string }>;
  total: number;
}

/** Who has read the partnership's content, for its mentee side (SPEC: the mentee can see that log). */
export async function listPartnershipReads({
  db,
  actor,
  partnershipId,
  page,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  page: number;
}): Promise<PartnershipReads> {
  const partnership = await loadPartnership(db, { actor, partnershipId, permission: actAsMentee });
  const { rows, total, ...paged } = await fetchPageOrLast(page, READS_PAGE_SIZE, (limit, offset) =>
    repository.listReads(db, partnershipId, { limit, offset }),
  );
  return {
    ...paged,
    partnership,
    total,
    reads: rows.map((read) => ({
      occurredAt: read.occurredAt,
      readerName: read.readerName ?? 'Someone whose account has gone',
      description:
        (partnershipReadDescriptions as Record<string, string>)[read.kind as PartnershipReadKind] ??
        'Read the partnership',
    })),
  };
}
