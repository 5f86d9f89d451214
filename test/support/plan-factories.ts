import { randomUUID } from 'node:crypto';
import {
  planActions,
  planMilestones,
  planPriorities,
  plans,
  type ActionStatus,
  type PlanStatus,
  type RagRating,
} from '../../src/modules/plans/plans.tables.ts';
import type { Role } from '../../src/modules/people/roles.ts';
import type { Viewer } from '../../src/platform/auth/viewer.ts';
import type { AppDb } from '../../src/platform/db/database.ts';
import { createPersonWithRole, type OrganisationRow, type PersonRow } from './factories.ts';

/**
 * Development plans for tests, inserted straight into the tables (see factories.ts): the scene
 * a test needs, without going through the plans service.
 */

export async function createPlan(
  db: AppDb,
  {
    organisation,
    owner,
    title = 'Trust development plan 2026 to 2027',
    status = 'active',
    periodStart = '2026-09-01',
    periodEnd = '2027-08-31',
  }: {
    organisation?: OrganisationRow;
    owner?: PersonRow;
    title?: string;
    status?: PlanStatus;
    periodStart?: string;
    periodEnd?: string;
  },
): Promise<string> {
  const [row] = await db
    .insert(plans)
    .values({
      organisationId: organisation?.id ?? null,
      ownerPersonId: organisation ? null : (owner?.id ?? null),
      title,
      status,
      closedAt: status === 'closed' ? new Date() : null,
      periodStart,
      periodEnd,
      creationKey: randomUUID(),
    })
    .returning({ id: plans.id });
  if (!row) throw new Error('plan not created');
  return row.id;
}

export async function createPriority(
  db: AppDb,
  planId: string,
  { title = 'Strengthen governance', position = 0 }: { title?: string; position?: number } = {},
): Promise<string> {
  const [row] = await db
    .insert(planPriorities)
    .values({ planId, title, intendedOutcome: 'Trustees hold leaders to account', position, creationKey: randomUUID() })
    .returning({ id: planPriorities.id });
  if (!row) throw new Error('priority not created');
  return row.id;
}

export async function createAction(
  db: AppDb,
  {
    planId,
    priorityId,
    owner,
    title = 'Review the scheme of delegation',
    dueDate = '2027-01-31',
    status = 'not_started',
    rag = 'green',
    dependsOnActionId = null,
  }: {
    planId: string;
    priorityId: string;
    owner: PersonRow;
    title?: string;
    dueDate?: string;
    status?: ActionStatus;
    rag?: RagRating;
    dependsOnActionId?: string | null;
  },
): Promise<string> {
  const [row] = await db
    .insert(planActions)
    .values({
      planId,
      priorityId,
      title,
      ownerPersonId: owner.id,
      dueDate,
      status,
      rag,
      dependsOnActionId,
      creationKey: randomUUID(),
    })
    .returning({ id: planActions.id });
  if (!row) throw new Error('action not created');
  return row.id;
}

export async function createMilestone(
  db: AppDb,
  planId: string,
  { title = 'Board approves the plan', dueOn = '2026-10-15' }: { title?: string; dueOn?: string } = {},
): Promise<string> {
  const [row] = await db
    .insert(planMilestones)
    .values({ planId, title, dueOn, creationKey: randomUUID() })
    .returning({ id: planMilestones.id });
  if (!row) throw new Error('milestone not created');
  return row.id;
}

/** A person holding `role` in `organisation` (a new trust when not given), as a service sees them. */
export async function planViewer(
  db: AppDb,
  role: Role,
  organisation?: OrganisationRow,
): Promise<{ viewer: Viewer; person: PersonRow; organisation: OrganisationRow }> {
  const { person, organisation: home } = await createPersonWithRole(db, role, organisation);
  const viewer: Viewer = {
    personId: person.id,
    displayName: person.displayName,
    email: person.email,
    mfaEnabled: true,
    memberships: [{ organisationId: home.id, organisationName: home.name, role }],
  };
  return { viewer, person, organisation: home };
}

/** The new-plan form's fields as a browser sends them, for a plan running September 2026 to August 2027. */
export function planFormFields(fields: Record<string, string> = {}): Record<string, string> {
  return {
    'periodStart-day': '1',
    'periodStart-month': '9',
    'periodStart-year': '2026',
    'periodEnd-day': '31',
    'periodEnd-month': '8',
    'periodEnd-year': '2027',
    status: 'active',
    ...fields,
  };
}
