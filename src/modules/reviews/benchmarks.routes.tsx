import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { requireSignedIn, signedInViewer } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { choice } from '../../platform/forms/fields.ts';
import { FormErrors, parseForm } from '../../platform/forms/forms.ts';
import { parseId } from '../../platform/http/app-error.ts';
import { benchmarkDoneMessages, benchmarkPaths, type BenchmarkDone } from './benchmarks.paths.ts';
import {
  benchmarkFor,
  getBenchmarkConsent,
  setBenchmarkConsent,
  sizeBandKeys,
  type BenchmarkConsent,
} from './benchmarks.service.ts';
import { BenchmarkPage, ConsentPage } from './views/benchmark-pages.tsx';

const { routes } = benchmarkPaths;

const consentSchema = z.object({ takePart: choice(['yes', 'no'], 'Select whether your trust should take part') });

/** Filters come from links and a GET form: anything unreadable means "all". */
const filtersQuery = z.object({
  region: z.string().trim().min(1).max(200).optional().catch(undefined),
  size: z.enum(sizeBandKeys).optional().catch(undefined),
});

const idFrom = (params: unknown) => parseId((params as { id?: unknown }).id);

function doneFrom(query: unknown): BenchmarkDone | null {
  const done = (query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' && done in benchmarkDoneMessages ? (done as BenchmarkDone) : null;
}

export async function benchmarkRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  const consentPage = (
    reply: FastifyReply,
    consent: BenchmarkConsent,
    {
      chosen,
      errors = FormErrors.none(),
      done = null,
    }: { chosen: string; errors?: FormErrors; done?: BenchmarkDone | null },
  ) =>
    reply.renderPage({
      title: `Benchmarking: ${consent.organisation.name}`,
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: <ConsentPage consent={consent} chosen={chosen} errors={errors} done={done} />,
    });

  app.get(routes.consent, signedIn, async function benchmarkConsentGet(request, reply) {
    const actor = signedInViewer(request);
    const consent = await getBenchmarkConsent({ db, actor, organisationId: idFrom(request.params) });
    return consentPage(reply, consent, { chosen: consent.consentedAt ? 'yes' : 'no', done: doneFrom(request.query) });
  });

  app.post(routes.consent, signedIn, async function benchmarkConsentPost(request, reply) {
    const actor = signedInViewer(request);
    const organisationId = idFrom(request.params);
    // Refuses anyone who may not decide before their answer is read.
    const consent = await getBenchmarkConsent({ db, actor, organisationId });
    const form = parseForm(consentSchema, request.body);
    if (!form.ok) return consentPage(reply, consent, { chosen: '', errors: form.errors });
    const takePart = form.data.takePart === 'yes';
    await setBenchmarkConsent({ db, actor, organisationId, takePart, audit: auditContext(request) });
    return reply.redirect(benchmarkPaths.consent(organisationId, takePart ? 'consented' : 'withdrawn'), 303);
  });

  app.get(routes.benchmarks, signedIn, async function benchmarksGet(request, reply) {
    const actor = signedInViewer(request);
    const filters = filtersQuery.parse(request.query ?? {});
    const reviewId = idFrom(request.params);
    const benchmark = await benchmarkFor({ db, actor, reviewId, ...filters, audit: auditContext(request) });
    return reply.renderPage({
      title: `Benchmarks: ${benchmark.review.title}`,
      content: <BenchmarkPage benchmark={benchmark} />,
    });
  });
}
