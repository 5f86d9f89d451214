import { allowedIds } from '../../platform/access/access.ts';
import { recordAuditEvent, type AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { lookUpWithinMissLimit, lookupLimitedMessage } from '../../platform/http/lookup-limit.ts';
import { loadPlan } from './plan-access.service.ts';
import { describePlanRead } from './plan-reads.ts';
import type { ShareAccess } from './plan-sharing.tables.ts';
import { editPlan, planLeaderRoles, seePlan } from './plans.policy.ts';
import type { PlanRow } from './plans.repository.ts';
import * as repository from './sharing.repository.ts';

export type { ShareRow, SharedPlanRow } from './sharing.repository.ts';

/** How many of the latest reads the sharing page lists. */
export const READS_SHOWN = 50;

export interface PlanSharing {
  plan: PlanRow;
  live: repository.ShareRow[];
  revoked: repository.ShareRow[];
  reads: Array<{ occurredAt: Date; readerName: string; description: string }>;
}

/**
 * The plan's shares, live and past, and who has read it lately: for those who change the plan
 * (a closed plan too: its owners may still show it to a new mentor). Anyone else: not found.
 */
export async function getSharing({
  db,
  actor,
  planId,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
}): Promise<PlanSharing> {
  const plan = await loadPlan(db, { actor, planId, permission: editPlan });
  const [shares, reads] = await Promise.all([
    repository.listShares(db, planId),
    repository.listPlanReads(db, plan, READS_SHOWN),
  ]);
  return {
    plan,
    live: shares.filter((share) => share.revokedAt === null),
    revoked: shares.filter((share) => share.revokedAt !== null),
    reads: reads.map((read) => ({
      occurredAt: read.occurredAt,
      readerName: read.readerName ?? 'Someone whose account has gone',
      description: describePlanRead(read.kind, read.details),
    })),
  };
}

/** Whom the plan is shared with: as typed on the sharing page, or a trust another module names (a mentor trust). */
export type ShareWith = { email: string } | { trust: string } | { organisationId: string };

export type ShareOutcome =
  | { outcome: 'shared'; recipientName: string }
  | { outcome: 'unchanged'; recipientName: string }
  | { outcome: 'refused'; message: string };

/** Finds the person or trust typed, or says in words why they cannot be shared with. */
async function recipientOf(
  db: AppDb,
  { actor, plan, shareWith, audit }: { actor: Viewer; plan: PlanRow; shareWith: ShareWith; audit: AuditRequestContext },
): Promise<{ recipient: repository.Recipient; name: string } | { refused: string }> {
  if ('email' in shareWith) {
    const { email } = shareWith;
    const lookup = await lookUpWithinMissLimit(db, { personId: actor.personId, purpose: 'plan.share', audit }, () =>
      repository.findActivePersonByEmail(db, email),
    );
    if (lookup.outcome === 'limited') return { refused: lookupLimitedMessage };
    const person = lookup.outcome === 'found' ? lookup.found : null;
    if (!person) {
      return {
        refused:
          'No one with a Tandem account uses that email address. Check it, or ask them to be invited to Tandem first',
      };
    }
    if (person.id === actor.personId || person.id === plan.ownerPersonId) {
      return { refused: 'That is your own email address: you can read this plan already' };
    }
    return { recipient: { personId: person.id }, name: person.displayName };
  }
  const trusts =
    'trust' in shareWith
      ? await repository.findTrustsNamed(db, shareWith.trust)
      : await repository.findTrustsById(db, shareWith.organisationId);
  const [trust] = trusts;
  if (!trust) {
    return {
      refused:
        'No trust has that name or Companies House number. Enter its name as the register gives it, or its number',
    };
  }
  if (trusts.length > 1) {
    return { refused: 'More than one trust has that name. Enter its Companies House number instead' };
  }
  if (trust.id === plan.organisationId) {
    return { refused: `This is ${trust.name}’s own plan: its people can read it already` };
  }
  return { recipient: { organisationId: trust.id }, name: trust.name };
}

/**
 * Shares the plan with a person (a mentor, or anyone named) or a partner trust, to read or to read
 * and comment; sharing again with the same recipient changes the access. Recorded in the audit log.
 */
export async function sharePlan({
  db,
  actor,
  planId,
  shareWith,
  access,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  shareWith: ShareWith;
  access: ShareAccess;
  audit: AuditRequestContext;
}): Promise<ShareOutcome> {
  if (!actor) throw AppError.notFound();
  return db.transaction(async (tx) => {
    const plan = await loadPlan(tx, { actor, planId, permission: editPlan, forUpdate: true });
    const found = await recipientOf(tx, { actor, plan, shareWith, audit });
    if ('refused' in found) return { outcome: 'refused', message: found.refused };
    const { changed } = await repository.upsertShare(tx, {
      planId,
      recipient: found.recipient,
      access,
      sharedByPersonId: actor.personId,
    });
    if (!changed) return { outcome: 'unchanged', recipientName: found.name };
    await recordAuditEvent(tx, shareEvent('plan.shared', { actor, plan, access, recipient: found.recipient }), audit);
    return { outcome: 'shared', recipientName: found.name };
  });
}

/** Who the share is with, as the audit log records it: a person as its subject, a trust in the details. */
function shareEvent(
  action: 'plan.shared' | 'plan.share_revoked',
  {
    actor,
    plan,
    access,
    recipient,
  }: { actor: Viewer; plan: PlanRow; access: ShareAccess; recipient: repository.Recipient },
) {
  return {
    action,
    actorPersonId: actor.personId,
    organisationId: plan.organisationId,
    subjectPersonId: 'personId' in recipient ? recipient.personId : null,
    details: {
      planId: plan.id,
      access,
      ...('organisationId' in recipient ? { withOrganisationId: recipient.organisationId } : {}),
    },
  };
}

/** Stops a share; a share already stopped (a second press) changes nothing and is not an error. */
export async function revokePlanShare({
  db,
  actor,
  planId,
  shareId,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  shareId: string;
  audit: AuditRequestContext;
}): Promise<void> {
  if (!actor) throw AppError.notFound();
  await db.transaction(async (tx) => {
    const plan = await loadPlan(tx, { actor, planId, permission: editPlan, forUpdate: true });
    const revoked = await repository.revokeShare(tx, { planId, shareId, revokedByPersonId: actor.personId });
    if (!revoked) return;
    const { recipient, access } = revoked;
    await recordAuditEvent(tx, shareEvent('plan.share_revoked', { actor, plan, access, recipient }), audit);
  });
}

/** Plans others have shared with the actor (or a trust they lead), which they may read now. */
export async function listPlansSharedWithMe({ db, actor }: { db: AppDb; actor: Viewer | null }) {
  if (!actor) return [];
  const rows = await repository.listSharedWith(db, actor.personId, planLeaderRoles);
  const visible = await allowedIds(db, { actor, permission: seePlan, ids: rows.map((row) => row.id) });
  return rows
    .filter((row) => visible.has(row.id))
    .sort((a, b) => b.periodStart.localeCompare(a.periodStart) || a.title.localeCompare(b.title));
}
