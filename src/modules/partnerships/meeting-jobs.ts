import type { AppDb } from '../../platform/db/database.ts';
import type { Jobs, JobsLogger } from '../../platform/jobs/jobs.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { sendMeetingNudges, sendMeetingReminders } from './meeting-jobs.service.ts';

export const MEETING_REMINDERS_JOB = 'partnership-meeting-reminders';
export const MEETING_NUDGES_JOB = 'partnership-meeting-nudges';

/** Every 15 minutes: a meeting starting within 24 hours is reminded of within a quarter of an hour of qualifying. */
export const MEETING_REMINDERS_CRON = '*/15 * * * *';
/** Mondays at 8am, London time. */
export const MEETING_NUDGES_CRON = '0 8 * * 1';

/** Declares the meeting reminders and the half-term nudges, and their schedules. */
export function registerMeetingJobs(
  jobs: Jobs,
  { db, mailer, publicUrl, logger }: { db: AppDb; mailer: Mailer; publicUrl: string; logger?: JobsLogger },
): void {
  jobs.register(
    MEETING_REMINDERS_JOB,
    async () => {
      await sendMeetingReminders({ db, mailer, publicUrl, ...(logger ? { logger } : {}) });
    },
    { retryLimit: 3, retryDelay: 120, retryBackoff: true },
  );
  jobs.schedule(MEETING_REMINDERS_JOB, MEETING_REMINDERS_CRON);
  jobs.register(
    MEETING_NUDGES_JOB,
    async () => {
      await sendMeetingNudges({ db, mailer, publicUrl });
    },
    { retryLimit: 3, retryDelay: 300, retryBackoff: true },
  );
  jobs.schedule(MEETING_NUDGES_JOB, MEETING_NUDGES_CRON);
}
