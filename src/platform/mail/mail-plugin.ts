import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { AppDb } from '../db/database.ts';
import type { RetryPolicy } from '../jobs/jobs.ts';
import { createMailer, type Mailer, type MailSettings } from './mailer.ts';

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
  }
}

/** `app.mailer` for every module: messages go through the outbox and, with SMTP, a job. */
export const mailPlugin = fp(
  async (app: FastifyInstance, options: { db: AppDb; mail: MailSettings; retry?: RetryPolicy }) => {
    const logger = app.log.child({ component: 'mail' });
    app.decorate('mailer', createMailer({ ...options, jobs: app.jobs, logger }));
  },
  { name: 'tandem-mail', dependencies: ['tandem-jobs'] },
);
