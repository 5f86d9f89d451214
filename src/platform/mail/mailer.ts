import nodemailer from 'nodemailer';
import type { AppDb } from '../db/database.ts';
import type { JobContext, Jobs, JobsLogger, RetryPolicy } from '../jobs/jobs.ts';
import * as outbox from './outbox.repository.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /**
   * For messages a job writes, which a retry may write again: a message with a key already in
   * the outbox is not written twice (see the outbox table).
   */
  idempotencyKey?: string;
}

export interface Mailer {
  /** Writes the message to the outbox, then (with a mail server configured) queues it for sending. */
  send(message: MailMessage): Promise<{ id: string }>;
  readonly configured: boolean;
}

export interface MailSettings {
  readonly smtpUrl: string | undefined;
  readonly from: string;
}

/** The job that delivers one outbox message; its data is the message id, never the message. */
export const DELIVER_MAIL_JOB = 'mail-deliver';

export const NOT_CONFIGURED = 'Not sent: no mail server configured';
const NOT_QUEUED = 'Not queued for sending';

/**
 * Six attempts over about an hour: 1–2, 2–4, 4–8, 8–16 and 16–32 minutes apart. Long
 * enough to ride out a mail server restarting, short enough that a sign-in link is still useful.
 */
const DEFAULT_RETRY: Required<RetryPolicy> = { retryLimit: 5, retryDelay: 60, retryBackoff: true };

/** Headers are one line: a line break in an address or subject would let content forge headers. */
const HEADER_BREAK = /[\r\n]/;

export function createMailer(options: {
  db: AppDb;
  jobs: Jobs;
  mail: MailSettings;
  logger: JobsLogger;
  retry?: RetryPolicy;
}): Mailer {
  const { db, jobs, mail, logger } = options;
  const transport = mail.smtpUrl
    ? nodemailer.createTransport({
        url: mail.smtpUrl,
        // Fail an attempt in seconds rather than hold the worker for nodemailer's minutes.
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      })
    : undefined;

  if (transport) {
    jobs.register<{ messageId: string }>(DELIVER_MAIL_JOB, async ({ messageId }, job) => deliver(messageId, job), {
      ...DEFAULT_RETRY,
      ...options.retry,
    });
  }

  async function deliver(messageId: string, job: JobContext): Promise<void> {
    const message = await outbox.findMessage(db, messageId);
    // Already sent (a retry after the worker stopped mid-way), or deleted: nothing to do.
    if (!message || message.status !== 'queued' || !transport) return;
    await outbox.recordAttempt(db, messageId);
    try {
      await transport.sendMail({
        from: mail.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        ...(message.html ? { html: message.html } : {}),
      });
    } catch (error) {
      const final = job.retryCount >= job.retryLimit;
      const reason = describe(error);
      await outbox.recordFailure(db, messageId, { error: reason, final });
      // Ids only: the body holds sign-in links and the address is personal data.
      logger.warn({ messageId, attempt: job.retryCount + 1, final, error: reason }, 'mail not delivered');
      throw error;
    }
    await outbox.markSent(db, messageId);
    logger.info({ messageId, attempt: job.retryCount + 1 }, 'mail sent');
  }

  return {
    configured: transport !== undefined,
    async send(message) {
      if (HEADER_BREAK.test(message.to) || HEADER_BREAK.test(message.subject)) {
        throw new Error('A mail address or subject must be one line');
      }
      const { row, inserted } = await outbox.insertMessage(db, {
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html ?? null,
        lastError: transport ? null : NOT_CONFIGURED,
        idempotencyKey: message.idempotencyKey ?? null,
      });
      // Written before: queue it again only if queueing it failed then (delivery skips a sent message).
      if (!inserted && !row.lastError?.startsWith(NOT_QUEUED)) return { id: row.id };
      if (!transport) {
        logger.info({ messageId: row.id }, 'mail kept in the outbox: no mail server configured');
        return { id: row.id };
      }
      try {
        await jobs.send(DELIVER_MAIL_JOB, { messageId: row.id });
      } catch (error) {
        // The message is safe in the outbox; say there why it did not go.
        await outbox.recordQueueError(db, row.id, `${NOT_QUEUED}: ${describe(error)}`);
        throw error;
      }
      if (!inserted) await outbox.clearQueueError(db, row.id);
      logger.info({ messageId: row.id }, 'mail queued');
      return { id: row.id };
    },
  };
}

/** The error's message, capped: an SMTP server's reply, never the message itself. */
function describe(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}
