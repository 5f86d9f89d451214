import { allowedIds } from '../../../platform/access/access.ts';
import type { Viewer } from '../../../platform/auth/viewer.ts';
import type { AppDb } from '../../../platform/db/database.ts';
import type { JobsLogger } from '../../../platform/jobs/jobs.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import { addDays, londonToday, mondayOf } from '../../../platform/views/london-time.ts';
import { isOverdue, overdueFirst } from '../plan-progress.ts';
import { seePlan } from '../plans.policy.ts';
import * as repository from './due-actions.repository.ts';
import { composeDigest } from './weekly-digest-mail.ts';

/** "Due this week": today and the six days after it (Monday to Sunday when the job runs on a Monday). */
export const DIGEST_DAYS_AHEAD = 7;

export interface DigestRun {
  /** People emailed by this run. */
  sent: number;
  /** People who had something due but were already sent this week's digest. */
  alreadySent: number;
}

/**
 * Emails each person with open actions overdue or due this week, in plans that are not closed
 * and that they can still read, one digest listing them all. People with nothing due and
 * deactivated accounts are sent nothing.
 *
 * Once a week per person: each digest is claimed (plan_action_digests) before it is written to
 * the outbox, so a second run, two runs at once, or the retry of a run that failed part way
 * send nobody a second copy. One person's message failing does not stop the others; the run
 * then fails at the end, for the job to be retried.
 */
export async function sendWeeklyDigests({
  db,
  mailer,
  publicUrl,
  today = londonToday(),
  logger,
}: {
  db: AppDb;
  mailer: Pick<Mailer, 'send'>;
  publicUrl: string;
  /** "2026-11-23": today in London, given by tests. */
  today?: string;
  logger?: Pick<JobsLogger, 'warn'>;
}): Promise<DigestRun> {
  const rows = await repository.listOpenActionsDueBy(db, { dueBy: addDays(today, DIGEST_DAYS_AHEAD - 1) });
  const weekStart = mondayOf(today);

  const byOwner = new Map<string, repository.DueActionRow[]>();
  for (const row of rows) {
    const owned = byOwner.get(row.ownerPersonId) ?? [];
    owned.push(row);
    byOwner.set(row.ownerPersonId, owned);
  }
  const run: DigestRun = { sent: 0, alreadySent: 0 };
  let failures = 0;
  for (const [personId, owned] of byOwner) {
    const [first] = owned;
    if (!first) continue;
    // The owner as the policy sees them: it asks only who they are.
    const owner: Viewer = {
      personId,
      displayName: first.ownerName,
      email: first.ownerEmail,
      mfaEnabled: false,
      memberships: [],
    };
    const readable = await allowedIds(db, {
      actor: owner,
      permission: seePlan,
      ids: [...new Set(owned.map((row) => row.planId))],
    });
    const actions = overdueFirst(
      owned.filter((row) => readable.has(row.planId)),
      today,
    ).map((row) => ({ ...row, overdue: isOverdue(row, today) }));
    if (actions.length === 0) continue;
    if (!(await repository.claimDigest(db, { personId, weekStart }))) {
      run.alreadySent += 1;
      continue;
    }
    try {
      await mailer.send({
        ...composeDigest({ to: first.ownerEmail, name: first.ownerName, weekStart, actions, publicUrl }),
        idempotencyKey: `plan-digest:${personId}:${weekStart}`,
      });
      run.sent += 1;
    } catch (error) {
      await repository.releaseDigest(db, { personId, weekStart });
      failures += 1;
      // Ids only: the address is personal data.
      logger?.warn({ personId, error: error instanceof Error ? error.message : String(error) }, 'digest not sent');
    }
  }
  if (failures > 0) throw new Error(`${failures} plan action digests were not sent`);
  return run;
}
