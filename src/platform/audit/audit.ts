/**
 * The audit log: who did what to whose account, when and from where. Append-only (the
 * database refuses UPDATE, DELETE and TRUNCATE on audit_events), and never holding a
 * password, token, code or any content.
 *
 * Record an event where the change happens, in the same transaction when there is one:
 *
 *   import { auditContext, recordAuditEvent } from '../../platform/audit/audit.ts';
 *
 *   await recordAuditEvent(
 *     db, // the AppDb, or the transaction the change is made in
 *     { action: 'sign_in.succeeded', actorPersonId: person.id, subjectPersonId: person.id },
 *     auditContext(request), // ip, user agent and request id from the FastifyRequest
 *   );
 *
 *   recordAuditEvent(db, event, context?) → Promise<{ id: string; occurredAt: Date }>
 *     event.action            one of `auditActions` below
 *     event.actorPersonId     who did it; omit when nobody is signed in (a failed sign-in)
 *     event.subjectPersonId   whose account it is about; they see it on "Account activity"
 *     event.organisationId    where, when it concerns one organisation (a role change)
 *     event.details           small facts, sanitised (see sanitise.ts); conventions:
 *       sign_in.succeeded     { secondFactor?: 'authenticator' | 'recovery_code' }
 *       sign_in.failed        { reason: 'wrong_password' | 'wrong_mfa_code' | 'account_locked'
 *                               | 'throttled' | 'deactivated' | 'unknown_email', email?: the
 *                               address typed, only for 'unknown_email' and only when it looks like one }
 *       sign_out              { everywhere?: true }
 *       password.changed      { via?: 'settings' | 'reset' | 'invitation' }
 *       role.changed          { role?: string, previousRole?: string }
 *       invitation.sent       { role?: string }
 *       organisation.created  { kind: string }
 *       organisation.changed  { fields: string[] } — the names of the fields changed, never their values
 *       confidential.read     { kind: string, id: string, …small facts such as format } — what was read,
 *                             never its text; organisationId is whose content it is, whose owners see the
 *                             reads. Kinds are named by the reading module ('review.heat-map', id: the review).
 *       benchmark.consented / benchmark.withdrawn   {} — a trust (organisationId) joins or leaves the benchmarks
 *       plan.shared / plan.share_revoked   { planId, access: 'read' | 'comment', withOrganisationId? } — a plan
 *                             (organisationId: the trust whose plan it is) shared with a person (subjectPersonId)
 *                             or a trust (withOrganisationId), or no longer
 *       partnership.participant_removed   { id: the partnership, side, lead } — the person removed is the subject;
 *                             filed under no organisation, so a trust's log never shows who is mentored
 *       partnership.lead_changed   { id: the partnership, side, lead: boolean } — the subject made a lead contact
 *                             of their party, or no longer one; filed as above
 *       email_lookup.refused  { reason: 'too_many_misses', purpose } — the actor looked up too many addresses
 *                             with no account this hour (platform/http/lookup-limit.ts)
 *     event.occurredAt        only for tests and imports; otherwise the database clock
 *   auditContext(request) → { ip, userAgent, requestId }; services given no request pass {}.
 */
import type { FastifyRequest } from 'fastify';
import type { AppDb } from '../db/database.ts';
import { auditEvents } from './audit.tables.ts';
import { sanitiseDetails, shortText, trimUserAgent } from './sanitise.ts';

export const auditActions = [
  'sign_in.succeeded',
  'sign_in.failed',
  'sign_out',
  'password.changed',
  'mfa.enabled',
  'mfa.disabled',
  'invitation.sent',
  'invitation.accepted',
  'role.changed',
  'account.locked',
  'account.deactivated',
  'account.reactivated',
  'organisation.created',
  'organisation.changed',
  'confidential.read',
  'benchmark.consented',
  'benchmark.withdrawn',
  'plan.shared',
  'plan.share_revoked',
  'partnership.participant_removed',
  'partnership.lead_changed',
  'email_lookup.refused',
] as const;

export type AuditAction = (typeof auditActions)[number];

export function isAuditAction(value: string): value is AuditAction {
  return (auditActions as readonly string[]).includes(value);
}

export interface AuditEventInput {
  action: AuditAction;
  actorPersonId?: string | null;
  subjectPersonId?: string | null;
  organisationId?: string | null;
  details?: Record<string, unknown>;
  /** When it happened; the database clock unless a test or an import says otherwise. */
  occurredAt?: Date;
}

/** Where a request came from: taken from the request by `auditContext`, or empty for jobs. */
export interface AuditRequestContext {
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
}

/** The request's address (after the proxy rules in config), browser and id, for `recordAuditEvent`. */
export function auditContext(request: FastifyRequest): AuditRequestContext {
  return { ip: request.ip, userAgent: request.headers['user-agent'] ?? null, requestId: request.id };
}

/** "::ffff:192.0.2.1" is how Node shows an IPv4 client on a dual-stack socket; people know "192.0.2.1". */
function displayIp(ip: string | null | undefined): string | null {
  const short = shortText(ip);
  return short?.startsWith('::ffff:') && short.includes('.') ? short.slice('::ffff:'.length) : short;
}

/** Appends one event to the audit log. Throws if the insert fails, so the caller's transaction fails with it. */
export async function recordAuditEvent(
  db: AppDb,
  event: AuditEventInput,
  context: AuditRequestContext = {},
): Promise<{ id: string; occurredAt: Date }> {
  const [row] = await db
    .insert(auditEvents)
    .values({
      action: event.action,
      actorPersonId: event.actorPersonId ?? null,
      subjectPersonId: event.subjectPersonId ?? null,
      organisationId: event.organisationId ?? null,
      ip: displayIp(context.ip),
      userAgent: trimUserAgent(context.userAgent),
      requestId: shortText(context.requestId),
      details: sanitiseDetails(event.details ?? {}),
      ...(event.occurredAt ? { occurredAt: event.occurredAt } : {}),
    })
    .returning({ id: auditEvents.id, occurredAt: auditEvents.occurredAt });
  if (!row) throw new Error('audit event not recorded');
  return row;
}
