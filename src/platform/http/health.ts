import type { FastifyInstance } from 'fastify';

/**
 * /healthz: the process is up (for restarts). /readyz: the database answers too (for
 * load balancers deciding where to send traffic).
 */
export async function healthRoutes(app: FastifyInstance, { ping }: { ping: () => Promise<boolean> }): Promise<void> {
  app.get('/healthz', { logLevel: 'warn' }, async (_request, reply) => reply.send({ status: 'ok' }));
  app.get('/readyz', { logLevel: 'warn' }, async (_request, reply) => {
    const database = await ping();
    return reply.status(database ? 200 : 503).send({ status: database ? 'ok' : 'unavailable', database });
  });
}
