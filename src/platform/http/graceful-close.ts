import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * On close, Fastify stops taking connections and drops idle ones, but a keep-alive
 * connection busy with a request would then sit open until its timeout (72 s). Answering
 * that last request with `Connection: close` lets the shutdown end as soon as it is sent.
 */
export const gracefulClosePlugin = fp(
  async (app: FastifyInstance) => {
    let closing = false;
    app.addHook('preClose', async () => {
      closing = true;
    });
    app.addHook('onSend', async (_request, reply, payload) => {
      if (closing) reply.header('connection', 'close');
      return payload;
    });
  },
  { name: 'tandem-graceful-close' },
);
