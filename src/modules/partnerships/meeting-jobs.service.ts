import type { AppDb } from '../../platform/db/database.ts';
import type { JobsLogger } from '../../platform/jobs/jobs.ts';
import type { MailMessage, Mailer } from '../../platform/mail/mailer.ts';
import * as repository from './meeting-jobs.repository.ts';
import { formatDuration, formatMeetingStart } from './meetings.dates.ts';
import { partyLeads } from './parties.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { createSchoolCalendar, halfTermWithoutMeeting, type SchoolCalendar } from './school-calendar.ts';

/** Reminders go for meetings starting within this long. */
export const REMINDER_WINDOW_MS = 24 * 60 * 60 * 1000;

const linkTo = (publicUrl: string, path: string) => `${publicUrl.replace(/\/+$/, '')}${path}`;

/**
 * A meeting's reminder: when, how long and where, and a link. Never the agenda, preparation or
 * notes (an email can be read by whoever reads the inbox), nor whose partnership it is.
 */
export function composeReminder({
  to,
  name,
  meeting,
  publicUrl,
}: {
  to: string;
  name: string;
  meeting: repository.ReminderMeetingRow;
  publicUrl: string;
}): MailMessage {
  const when = formatMeetingStart(meeting.startsAt);
  const where = [meeting.place && `Place: ${meeting.place}`, meeting.videoLink && `Video link: ${meeting.videoLink}`];
  return {
    to,
    subject: `Reminder: mentoring meeting on ${when}`,
    text: [
      `Dear ${name},`,
      '',
      `This is a reminder of your mentoring meeting on ${when} (UK time), lasting ${formatDuration(meeting.durationMinutes)}.`,
      '',
      ...where.filter((line): line is string => Boolean(line)),
      ...(where.some(Boolean) ? [''] : []),
      'The meeting, with its agenda, is in Tandem:',
      linkTo(publicUrl, partnershipPaths.of(meeting.partnershipId, 'meeting', { meetingId: meeting.id })),
    ].join('\n'),
  };
}

/**
 * Emails every participant a reminder of each planned meeting starting in the next 24 hours,
 * once per meeting: the meeting is claimed (reminder_sent_at set where it was empty) before its
 * messages are written, so a second run, two runs at once or a retry send nothing again. When a
 * message cannot be written the claim is given back and the run fails, for the job's retry; each
 * message's idempotency key keeps that retry from writing again those written before the failure.
 */
export async function sendMeetingReminders({
  db,
  mailer,
  publicUrl,
  now = new Date(),
  logger,
}: {
  db: AppDb;
  mailer: Pick<Mailer, 'send'>;
  publicUrl: string;
  now?: Date;
  logger?: Pick<JobsLogger, 'warn'>;
}): Promise<{ meetings: number; messages: number }> {
  const meetings = await repository.listMeetingsToRemind(db, {
    from: now,
    until: new Date(now.getTime() + REMINDER_WINDOW_MS),
  });
  const recipients = await repository.listRecipients(db, [...new Set(meetings.map((each) => each.partnershipId))]);
  const run = { meetings: 0, messages: 0 };
  let failures = 0;
  for (const meeting of meetings) {
    if (!(await repository.claimReminder(db, meeting.id, now))) continue;
    const to = recipients.filter((each) => each.partnershipId === meeting.partnershipId);
    try {
      for (const person of to) {
        await mailer.send({
          ...composeReminder({ to: person.email, name: person.displayName, meeting, publicUrl }),
          // The start is part of the key: a meeting moved after its reminder is reminded of again.
          idempotencyKey: `meeting-reminder:${meeting.id}:${meeting.startsAt.toISOString()}:${person.personId}`,
        });
        run.messages += 1;
      }
      run.meetings += 1;
    } catch (error) {
      await repository.releaseReminder(db, meeting.id);
      failures += 1;
      logger?.warn(
        { meetingId: meeting.id, error: error instanceof Error ? error.message : String(error) },
        'meeting reminder not sent',
      );
    }
  }
  if (failures > 0) throw new Error(`${failures} meeting reminders were not sent`);
  return run;
}

export function nudgeSubject(halfTerm: { name: string; schoolYear: string }): string {
  return `No mentoring meeting booked this half-term (${halfTerm.name}, ${halfTerm.schoolYear})`;
}

/**
 * Emails the mentee side's lead (in a triad, each trust's lead) of each partnership in its meetings
 * stage that has no meeting booked or held in the half-term in progress, once per half-term.
 * Nobody is nudged in holidays.
 *
 * Once per half-term: each nudge is claimed (partnership_meeting_nudges) before its email is
 * written, so two runs at once or a retry send one; an email that could not be written gives the
 * claim back for the retry, whose idempotency keys skip the leads already written to.
 */
export async function sendMeetingNudges({
  db,
  mailer,
  publicUrl,
  now = new Date(),
  calendar = createSchoolCalendar(),
}: {
  db: AppDb;
  mailer: Pick<Mailer, 'send'>;
  publicUrl: string;
  now?: Date;
  calendar?: SchoolCalendar;
}): Promise<{ sent: number }> {
  const due = (await repository.listPartnershipsMeeting(db)).flatMap((partnership) => {
    const halfTerm = halfTermWithoutMeeting(calendar, now, partnership.starts);
    return halfTerm ? [{ id: partnership.id, halfTerm }] : [];
  });
  const recipients = await repository.listRecipients(
    db,
    due.map((each) => each.id),
  );
  let sent = 0;
  for (const { id, halfTerm } of due) {
    // The mentored: the mentee side, or in a triad every peer trust, each challenged by the others.
    const leads = partyLeads(
      recipients.filter((each) => each.partnershipId === id && (each.side === 'mentee' || each.side === 'peer')),
    );
    const link = linkTo(publicUrl, partnershipPaths.of(id, 'meetingNew'));
    const subject = nudgeSubject(halfTerm);
    const claim = { partnershipId: id, schoolYear: halfTerm.schoolYear, halfTerm: halfTerm.key };
    if (leads.length === 0 || !(await repository.claimNudge(db, claim))) continue;
    try {
      for (const lead of leads) {
        await mailer.send({
          idempotencyKey: `meeting-nudge:${id}:${halfTerm.schoolYear}:${halfTerm.key}:${lead.personId}`,
          to: lead.email,
          subject,
          text: [
            `Dear ${lead.displayName},`,
            '',
            `Your mentoring partnership has no meeting booked in this half-term (${halfTerm.name}, which ends on ${halfTerm.end}).`,
            'A meeting each half-term keeps the partnership going. You can book one here:',
            link,
          ].join('\n'),
        });
        sent += 1;
      }
    } catch (error) {
      await repository.releaseNudge(db, claim);
      throw error;
    }
  }
  return { sent };
}
