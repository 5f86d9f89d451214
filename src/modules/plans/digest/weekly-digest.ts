import type { AppDb } from '../../../platform/db/database.ts';
import type { Jobs, JobsLogger } from '../../../platform/jobs/jobs.ts';
import type { Mailer } from '../../../platform/mail/mailer.ts';
import { sendWeeklyDigests } from './weekly-digest.service.ts';

export const WEEKLY_DIGEST_JOB = 'plan-actions-digest';

/** Mondays at 7am, London time: in people's inboxes before the school day starts. */
export const WEEKLY_DIGEST_CRON = '0 7 * * 1';

/**
 * Declares the weekly email of plan actions overdue or due that week, and its schedule. A retry
 * sends only to those the failed run did not reach (see sendWeeklyDigests).
 */
export function registerWeeklyDigest(
  jobs: Jobs,
  { db, mailer, publicUrl, logger }: { db: AppDb; mailer: Mailer; publicUrl: string; logger?: JobsLogger },
): void {
  jobs.register(
    WEEKLY_DIGEST_JOB,
    async () => {
      await sendWeeklyDigests({ db, mailer, publicUrl, ...(logger ? { logger } : {}) });
    },
    { retryLimit: 3, retryDelay: 300, retryBackoff: true },
  );
  jobs.schedule(WEEKLY_DIGEST_JOB, WEEKLY_DIGEST_CRON);
}
