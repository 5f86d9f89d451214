import { recordAuditEvent, type AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';

/**
 * The reads of a plan's content that go into the audit log (action `confidential.read`,
 * details `{ kind, id: planId, … }`), and how each is told on the plan's "Sharing and reads"
 * page. Kinds are stored, so a kind is renamed only with its old name kept here.
 *
 * Not recorded: a person reading their own individual plan (nobody else's content is read).
 */
export const planReadKinds = [
  'plan.overview',
  'plan.action',
  'plan.evidence-file',
  'plan.timeline',
  'plan.export',
  'plan.comments',
] as const;

export type PlanReadKind = (typeof planReadKinds)[number];

const readDescriptions: Record<PlanReadKind, string> = {
  'plan.overview': 'Looked at the plan',
  'plan.action': 'Looked at an action and its progress',
  'plan.evidence-file': 'Downloaded an evidence file from a progress update',
  'plan.timeline': 'Looked at the timeline of actions by month',
  'plan.export': 'Downloaded the plan',
  'plan.comments': 'Read the comments on a priority',
};

export function describePlanRead(kind: string, details: Record<string, unknown>): string {
  const described = (readDescriptions as Record<string, string>)[kind] ?? 'Read the plan';
  return kind === 'plan.export' && typeof details['format'] === 'string'
    ? `${described} as ${details['format'] === 'pdf' ? 'a PDF' : 'a CSV file of its actions'}`
    : described;
}

/**
 * Writes one read of a plan's content to the audit log. Call it in the service that reads, after
 * the reader has been allowed and the content found, so that a refused request records nothing.
 * A trust's plan files the read under the trust; an individual plan under its owner.
 */
export async function recordPlanRead(
  db: AppDb,
  {
    actor,
    plan,
    kind,
    details = {},
  }: {
    actor: Viewer | null;
    plan: { id: string; organisationId: string | null; ownerPersonId: string | null };
    kind: PlanReadKind;
    /** Small facts beside the kind (`format`, `actionId`), never the content. */
    details?: Record<string, string>;
  },
  audit: AuditRequestContext,
): Promise<void> {
  if (plan.ownerPersonId !== null && plan.ownerPersonId === actor?.personId) return;
  await recordAuditEvent(
    db,
    {
      action: 'confidential.read',
      actorPersonId: actor?.personId ?? null,
      organisationId: plan.organisationId,
      subjectPersonId: plan.ownerPersonId,
      details: { ...details, kind, id: plan.id },
    },
    audit,
  );
}
