import { allowedIds, assertAllowed, type Permission } from '../../platform/access/access.ts';
import { recordAuditEvent, type AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import type { PartnershipState } from './partnerships.tables.ts';
import * as repository from './partnerships.repository.ts';

export type { PartnershipRow, ParticipantRow } from './partnerships.repository.ts';

/**
 * Loads a partnership for someone allowed `permission` on it. A refusal reads exactly like a
 * missing partnership (404): that a person is being mentored is itself confidential.
 */
export async function loadPartnership(
  db: AppDb,
  {
    actor,
    partnershipId,
    permission,
    forUpdate = false,
  }: { actor: Viewer | null; partnershipId: string; permission: Permission; forUpdate?: boolean },
): Promise<repository.PartnershipRow> {
  await assertAllowed(db, { actor, permission, ids: [partnershipId], whenDenied: 'not-found' });
  const partnership = await repository.findPartnership(db, partnershipId, { forUpdate });
  if (!partnership) throw AppError.notFound();
  return partnership;
}

/** Whether the actor may act on the partnership under `permission` (for showing a link or a form). */
export async function mayOn(db: AppDb, actor: Viewer | null, permission: Permission, partnershipId: string) {
  return (await allowedIds(db, { actor, permission, ids: [partnershipId] })).has(partnershipId);
}

const stateNames: Record<PartnershipState, string> = {
  matching: 'matching',
  chemistry: 'chemistry conversations',
  agreement: 'the agreement',
  preparation: 'preparation',
  establishing: 'establishing the partnership',
  meetings: 'meetings',
  review: 'the third-term review',
  closed: 'closed',
};

/**
 * Refuses a change that belongs to another stage, said plainly (409), with the way back: e.g.
 * confirming a match once the agreement is being signed.
 */
export function assertState(partnership: repository.PartnershipRow, allowed: readonly PartnershipState[]): void {
  if (allowed.includes(partnership.state)) return;
  throw AppError.conflict(`This partnership is at ${stateNames[partnership.state]}: that change cannot be made now`, {
    title: 'That cannot be done at this stage',
    paragraphs: [
      `The partnership “${partnership.title}” is at ${stateNames[partnership.state]}, so what you sent has not been saved.`,
      'If it matters, keep a copy of it before you leave this page: go back in your browser to see it again.',
    ],
    link: { href: partnershipPaths.of(partnership.id, 'partnership'), text: 'Go to the partnership' },
  });
}

/**
 * The reads of a partnership's content that go into the audit log (`confidential.read`, details
 * `{ kind, id: partnershipId, … }`); the mentee side sees them on the partnership's read log.
 * Filed under no organisation on purpose: a trust's leaders see their organisation's reads, and
 * the mentee's own trust must see nothing of a chief executive's partnership.
 */
export const partnershipReadKinds = [
  'partnership.overview',
  'partnership.preferences',
  'partnership.chemistry-note',
  'partnership.agreement',
  'partnership.documents',
  'partnership.document-file',
  'partnership.establishing',
  'partnership.goals',
  'partnership.meeting',
  'partnership.meetings',
  'partnership.budget',
  'partnership.review',
  'partnership.diagnostic',
] as const;

export type PartnershipReadKind = (typeof partnershipReadKinds)[number];

export const partnershipReadDescriptions: Record<PartnershipReadKind, string> = {
  'partnership.overview': 'Looked at the partnership’s page',
  'partnership.preferences': 'Read the matching preferences',
  'partnership.chemistry-note': 'Read a chemistry conversation’s outcome note',
  'partnership.agreement': 'Read the agreement',
  'partnership.documents': 'Looked at the documents and visits',
  'partnership.document-file': 'Downloaded a document',
  'partnership.establishing': 'Read the establishing meeting’s record and goals',
  'partnership.goals': 'Read a goal',
  'partnership.meeting': 'Read a meeting, with its private notes',
  'partnership.meetings': 'Looked at the list of meetings and conversations',
  'partnership.budget': 'Looked at the time budget',
  'partnership.review': 'Read the third-term review',
  'partnership.diagnostic': 'Looked at the diagnostic review and development plan',
};

/** Writes one read of the partnership's content, after the reader was allowed and the content found. */
export async function recordPartnershipRead(
  db: AppDb,
  {
    actor,
    partnership,
    kind,
    details = {},
  }: {
    actor: Viewer | null;
    partnership: { id: string };
    kind: PartnershipReadKind;
    /** Small facts beside the kind (`meetingId`), never the content. */
    details?: Record<string, string>;
  },
  audit: AuditRequestContext,
): Promise<void> {
  await recordAuditEvent(
    db,
    {
      action: 'confidential.read',
      actorPersonId: actor?.personId ?? null,
      details: { ...details, kind, id: partnership.id },
    },
    audit,
  );
}
