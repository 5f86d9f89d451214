import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { h } from 'preact';
import { ErrorPage, errorContent } from '../views/error-page.tsx';
import { AppError, type ErrorPageText } from './app-error.ts';

/**
 * Every error becomes a page in house style with the right status and no stack trace.
 * Client errors are logged at info (they are the person's, not ours); the rest at error.
 */
export const errorHandlingPlugin = fp(
  async (app: FastifyInstance) => {
    app.setNotFoundHandler((request, reply) => renderError(request, reply, 404));

    app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
      const status = statusFor(error);
      if (status >= 500) request.log.error({ err: error }, 'request failed');
      else request.log.info({ code: error.code, status }, error.message);
      return renderError(request, reply, status, error instanceof AppError ? error.page : undefined);
    });
  },
  { name: 'tandem-error-handling' },
);

function statusFor(error: FastifyError | AppError): number {
  if (error instanceof AppError) return error.statusCode;
  const status = error.statusCode ?? 500;
  if (status === 415) return 400;
  return status >= 400 && status < 600 ? status : 500;
}

function renderError(request: FastifyRequest, reply: FastifyReply, status: number, page?: ErrorPageText): FastifyReply {
  const content = page ?? errorContent(status);
  const { title } = content;
  try {
    return reply.renderPage({ title, status, content: h(ErrorPage, { status, content, requestId: request.id }) });
  } catch (renderFailure) {
    // The page itself could not be drawn (e.g. assets missing): still answer, plainly.
    request.log.error({ err: renderFailure }, 'error page failed to render');
    return reply.status(status).type('text/plain; charset=utf-8').send(`${title}\nReference: ${request.id}`);
  }
}
