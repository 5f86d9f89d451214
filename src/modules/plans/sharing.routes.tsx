import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { choice, email, requiredText } from '../../platform/forms/fields.ts';
import { FormErrors, parseForm, type FormValues } from '../../platform/forms/forms.ts';
import { planDoneMessages, planPaths } from './plans.paths.ts';
import { doneFrom, paramId } from './plans.request.ts';
import { shareAccessLevels, type ShareAccess } from './plan-sharing.tables.ts';
import { getSharing, revokePlanShare, sharePlan, type ShareWith } from './sharing.service.ts';
import { SharingPage, type ShareForm } from './views/sharing-page.tsx';

const { routes } = planPaths;

const accessChoice = choice(shareAccessLevels, 'Select whether they may comment, or only read');

const shareForms = {
  person: z.object({ email: email('Enter the email address of the person to share with'), personAccess: accessChoice }),
  trust: z.object({
    trust: requiredText('Enter the name or Companies House number of the trust to share with', { maxLength: 200 }),
    trustAccess: accessChoice,
  }),
};

type SentShare = { form: ShareForm; values: FormValues } & (
  { ok: true; shareWith: ShareWith; access: ShareAccess } | { ok: false; errors: FormErrors }
);

/** Reads whichever of the page's two forms was sent (anything unrecognised as the person form). */
function parseShare(body: unknown): SentShare {
  if ((body as { with?: unknown } | undefined)?.with === 'trust') {
    const parsed = parseForm(shareForms.trust, body);
    if (!parsed.ok) return { form: 'trust', ...parsed };
    const { trust, trustAccess } = parsed.data;
    return { form: 'trust', ok: true, values: parsed.values, shareWith: { trust }, access: trustAccess };
  }
  const parsed = parseForm(shareForms.person, body);
  if (!parsed.ok) return { form: 'person', ...parsed };
  const { email: address, personAccess } = parsed.data;
  return { form: 'person', ok: true, values: parsed.values, shareWith: { email: address }, access: personAccess };
}

export async function sharingRoutes(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  async function page(
    request: FastifyRequest,
    reply: FastifyReply,
    sent: { form: ShareForm; values: FormValues; errors: FormErrors } | null,
  ) {
    const sharing = await getSharing({ db, actor: request.viewer, planId: paramId(request, 'id') });
    const done = doneFrom(request.query);
    const errors = sent?.errors ?? FormErrors.none();
    return reply.renderPage({
      title: `Sharing and reads: ${sharing.plan.title}`,
      ...(errors.any ? { status: 400, hasErrors: true } : {}),
      content: (
        <SharingPage
          sharing={sharing}
          form={sent?.form ?? null}
          values={sent?.values ?? {}}
          errors={errors}
          done={done && !sent ? planDoneMessages[done] : null}
        />
      ),
    });
  }

  app.get(routes.sharing, signedIn, async function sharingGet(request, reply) {
    return page(request, reply, null);
  });

  app.post(routes.sharing, signedIn, async function sharingPost(request, reply) {
    const planId = paramId(request, 'id');
    // Refuse outsiders before saying anything about what they typed.
    await getSharing({ db, actor: request.viewer, planId });
    const sent = parseShare(request.body);
    if (!sent.ok) return page(request, reply, sent);
    const { shareWith, access } = sent;
    const result = await sharePlan({
      db,
      actor: request.viewer,
      planId,
      shareWith,
      access,
      audit: auditContext(request),
    });
    if (result.outcome === 'refused') {
      const field = sent.form === 'person' ? 'email' : 'trust';
      return page(request, reply, { ...sent, errors: new FormErrors([{ field, message: result.message }]) });
    }
    return reply.redirect(planPaths.sharing(planId, result.outcome === 'shared' ? 'shared' : 'share-unchanged'), 303);
  });

  app.post(routes.shareRevoke, signedIn, async function shareRevokePost(request, reply) {
    const planId = paramId(request, 'id');
    const shareId = paramId(request, 'shareId');
    await revokePlanShare({ db, actor: request.viewer, planId, shareId, audit: auditContext(request) });
    return reply.redirect(planPaths.sharing(planId, 'share-revoked'), 303);
  });
}
