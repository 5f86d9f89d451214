import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { JobsConnection } from './connection.ts';
import { createJobs, type Jobs } from './jobs.ts';

declare module 'fastify' {
  interface FastifyInstance {
    jobs: Jobs;
  }
}

/**
 * `app.jobs`, for modules to register and send jobs while the app is built. The worker is not
 * started here: the server starts it once listening is near, and tests run jobs by hand.
 * Fastify runs onClose hooks last-registered first, so registered after the database's own
 * hook, this one stops the jobs (letting a running one finish) before the database closes.
 */
export const jobsPlugin = fp(
  async (app: FastifyInstance, options: { connection: JobsConnection }) => {
    const jobs = createJobs({ connection: options.connection, logger: app.log.child({ component: 'jobs' }) });
    app.decorate('jobs', jobs);
    app.addHook('onClose', () => jobs.stop());
  },
  { name: 'tandem-jobs' },
);
