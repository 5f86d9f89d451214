import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { establishingStates, loadAsParticipant } from './establishing.service.ts';
import * as repository from './goals.repository.ts';
import { assertState, recordPartnershipRead, type PartnershipRow } from './partnership-access.service.ts';

export type { GoalRow, GoalText } from './goals.repository.ts';

/** Goals of the partnership, with measures of success: written by either side while establishing or meeting. */

export interface GoalForm {
  partnership: PartnershipRow;
  /** The goal being changed; none for a new one. */
  goal: repository.GoalRow | null;
  editable: boolean;
}

/** The new-goal form: only while goals may be written. */
export async function getNewGoalForm({
  db,
  actor,
  partnershipId,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
}): Promise<GoalForm> {
  const { partnership } = await loadAsParticipant(db, { actor, partnershipId });
  assertState(partnership, establishingStates);
  return { partnership, goal: null, editable: true };
}

/** Adds a goal after the others; the same creation key sent again adds nothing more. */
export async function addGoal({
  db,
  actor,
  partnershipId,
  text,
  creationKey,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  text: repository.GoalText;
  creationKey: string;
}): Promise<string> {
  return db.transaction(async (tx) => {
    // Held, so that two goals added at once take different places.
    const { partnership } = await loadAsParticipant(tx, { actor, partnershipId, forUpdate: true });
    assertState(partnership, establishingStates);
    const goalId = await repository.insertGoal(tx, { partnershipId, ...text, creationKey });
    if (!goalId) throw AppError.conflict('That form was used for another partnership');
    return goalId;
  });
}

/** A goal's page: its form while goals may be written, otherwise the goal as it is. A read of content. */
export async function getGoalForm({
  db,
  actor,
  partnershipId,
  goalId,
  audit,
  forWriting = false,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  goalId: string;
  /** Given for a look at the page, which is a read of content; a form sent back is not recorded again. */
  audit?: AuditRequestContext;
  /** For a form sent back: refused (409) unless goals may be written now. */
  forWriting?: boolean;
}): Promise<GoalForm & { goal: repository.GoalRow }> {
  const { partnership } = await loadAsParticipant(db, { actor, partnershipId });
  const goal = await repository.findGoal(db, partnershipId, goalId);
  if (!goal) throw AppError.notFound();
  if (forWriting) assertState(partnership, establishingStates);
  if (audit) {
    await recordPartnershipRead(db, { actor, partnership, kind: 'partnership.goals', details: { goalId } }, audit);
  }
  return { partnership, goal, editable: establishingStates.includes(partnership.state) };
}

export type GoalSaveOutcome = { outcome: 'saved' } | { outcome: 'stale'; current: repository.GoalRow };

/** Changes a goal over the version its form was opened on; otherwise the person sees what is saved now. */
export async function saveGoal({
  db,
  actor,
  partnershipId,
  goalId,
  version,
  text,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  goalId: string;
  version: number;
  text: repository.GoalText;
}): Promise<GoalSaveOutcome> {
  return db.transaction(async (tx) => {
    const { partnership } = await loadAsParticipant(tx, { actor, partnershipId, forUpdate: true });
    const current = await repository.findGoal(tx, partnershipId, goalId);
    if (!current) throw AppError.notFound();
    assertState(partnership, establishingStates);
    if (await repository.updateGoal(tx, { partnershipId, goalId, version, values: text })) return { outcome: 'saved' };
    return { outcome: 'stale', current };
  });
}
