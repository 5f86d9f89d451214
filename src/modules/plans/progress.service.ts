import { assertAllowed } from '../../platform/access/access.ts';
import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import * as actionsRepository from './actions.repository.ts';
import { recordPlanRead } from './plan-reads.ts';
import { assertOpen, loadPlan } from './plan-access.service.ts';
import { seePlan, updateAction } from './plans.policy.ts';

/** What a progress update needs to keep an uploaded file: see platform/files. */
export interface EvidenceStore {
  save(file: { data: Buffer; originalName: string; contentType: string }): Promise<{
    storedName: string;
    originalName: string;
    contentType: string;
    size: number;
  }>;
  remove(storedName: string): Promise<void>;
}

export interface ProgressInput {
  updatedOn: string;
  note: string;
  link: string | null;
  file: { data: Buffer; originalName: string; contentType: string } | null;
}

/** The action a progress update is posted to, for someone who may update it in a plan still open. */
async function actionToUpdate(db: AppDb, actor: Viewer | null, planId: string, actionId: string) {
  const plan = await loadPlan(db, { actor, planId, permission: seePlan });
  await assertAllowed(db, { actor, permission: updateAction, ids: [actionId], whenDenied: 'not-found' });
  const action = await actionsRepository.findAction(db, planId, actionId);
  if (!action) throw AppError.notFound();
  return { plan, action };
}

export async function getProgressForm({
  db,
  actor,
  planId,
  actionId,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  actionId: string;
}) {
  const found = await actionToUpdate(db, actor, planId, actionId);
  assertOpen(found.plan);
  return found;
}

/**
 * Posts a dated progress update with its evidence. The file is stored as the row is written;
 * if the row is not written (an error, or the same form sent twice), the file is removed again.
 */
export async function postProgressUpdate({
  db,
  actor,
  planId,
  actionId,
  input,
  creationKey,
  fileStore,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  actionId: string;
  input: ProgressInput;
  creationKey: string;
  fileStore: EvidenceStore;
}): Promise<void> {
  // The stored file's name, once there is one: removed again unless its row is written.
  const written: string[] = [];
  try {
    const inserted = await db.transaction(async (tx) => {
      const { plan } = await actionToUpdate(tx, actor, planId, actionId);
      assertOpen(plan);
      const file = input.file ? await fileStore.save(input.file) : null;
      if (file) written.push(file.storedName);
      return actionsRepository.insertUpdate(tx, {
        planId,
        actionId,
        updatedOn: input.updatedOn,
        note: input.note,
        link: input.link,
        fileName: file?.originalName ?? null,
        storedName: file?.storedName ?? null,
        contentType: file?.contentType ?? null,
        size: file?.size ?? null,
        authorPersonId: actor?.personId ?? null,
        creationKey,
      });
    });
    if (!inserted) await Promise.allSettled(written.map((name) => fileStore.remove(name)));
  } catch (error) {
    await Promise.allSettled(written.map((name) => fileStore.remove(name)));
    throw error;
  }
}

/** An evidence file, for anyone who reads the plan; to everyone else, not found. */
export async function getProgressFile({
  db,
  actor,
  planId,
  updateId,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  planId: string;
  updateId: string;
  audit: AuditRequestContext;
}): Promise<{ name: string; storedName: string; contentType: string }> {
  const plan = await loadPlan(db, { actor, planId, permission: seePlan });
  const row = await actionsRepository.findUpdateFile(db, planId, updateId);
  if (!row?.storedName || !row.fileName) throw AppError.notFound();
  await recordPlanRead(db, { actor, plan, kind: 'plan.evidence-file', details: { evidenceId: updateId } }, audit);
  return {
    name: row.fileName,
    storedName: row.storedName,
    contentType: row.contentType ?? 'application/octet-stream',
  };
}
