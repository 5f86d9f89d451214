import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { FormErrors, parseForm, type FormValues } from '../../platform/forms/forms.ts';
import { parseId } from '../../platform/http/app-error.ts';
import type { PartnershipsOptions } from './index.ts';
import { formVersion, mentorProfileForm } from './mentor-profiles.schemas.ts';
import {
  checkProfile,
  getMyProfile,
  getPoolProfile,
  listMentorPool,
  saveMyProfile,
} from './mentor-profiles.service.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { MentorPoolPage, MentorProfileCheckPage } from './views/mentor-pool-pages.tsx';
import { MentorProfilePage, profileValues } from './views/mentor-profile-page.tsx';

const { routes } = partnershipPaths;

const doneMessages = {
  saved: 'Your profile has been saved',
  'check-cleared':
    'Your profile has been saved. You changed what matching reads, so the provider must check it again before you are offered to mentees',
  checked: 'The profile has been marked as checked',
} as const;

function doneFrom(query: unknown): string | null {
  const done = (query as { done?: unknown } | undefined)?.done;
  return typeof done === 'string' && done in doneMessages ? doneMessages[done as keyof typeof doneMessages] : null;
}

function providerFrom(query: unknown): string | null {
  const provider = (query as { provider?: unknown } | undefined)?.provider;
  return provider === undefined ? null : parseId(provider);
}

/** The order of the profile form's fields, for the error summary. */
const fieldOrder = [
  'biography',
  'values',
  'experienceTags',
  'experience',
  'phases',
  'trustSizes',
  'region',
  'trust',
  'capacity',
  'available',
  'availabilityNote',
  'conflicts',
];
const fieldIds = { experience: 'experience', phases: 'phases', trustSizes: 'trustSizes', available: 'available' };

export async function mentorProfileRoutes(app: FastifyInstance, { db }: PartnershipsOptions): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  async function profilePage(
    request: FastifyRequest,
    reply: FastifyReply,
    providerId: string | null,
    sent: { values: FormValues; errors: FormErrors; status: number } | null,
  ) {
    const mine = await getMyProfile({ db, actor: request.viewer, providerId });
    const errors = sent?.errors ?? FormErrors.none();
    return reply.renderPage({
      title: 'Your mentor profile',
      status: sent?.status ?? 200,
      ...(errors.any ? { hasErrors: true } : {}),
      content: (
        <MentorProfilePage
          mine={mine}
          values={sent?.values ?? profileValues(mine)}
          errors={errors}
          done={sent ? null : doneFrom(request.query)}
        />
      ),
    });
  }

  app.get(routes.myProfile, signedIn, async function myProfileGet(request, reply) {
    return profilePage(request, reply, providerFrom(request.query), null);
  });

  app.post(routes.myProfile, signedIn, async function myProfilePost(request, reply) {
    // Refuse anyone who mentors for no provider before reading what they sent.
    await getMyProfile({ db, actor: request.viewer });
    const form = parseForm(mentorProfileForm, request.body, fieldIds);
    const typedProvider = typeof form.values.provider === 'string' ? form.values.provider : '';
    const providerId = /^[0-9a-f-]{36}$/i.test(typedProvider) ? typedProvider.toLowerCase() : null;
    const show = (messages: Array<{ field: string; message: string }>, status = 400, values = form.values) => {
      const rank = (field: string) => (fieldOrder.includes(field) ? fieldOrder.indexOf(field) : fieldOrder.length);
      const errors = new FormErrors(
        messages.toSorted((a, b) => rank(a.field) - rank(b.field)),
        fieldIds,
      );
      return profilePage(request, reply, providerId, { values, errors, status });
    };
    if (!form.ok) return profilePage(request, reply, providerId, { ...form, status: 400 });
    const result = await saveMyProfile({ db, actor: request.viewer, data: form.data });
    if (result.outcome === 'invalid') return show(result.problems);
    if (result.outcome === 'stale') {
      const current = await getMyProfile({ db, actor: request.viewer, providerId });
      return show(
        [
          {
            field: 'biography',
            message:
              'Your profile was saved elsewhere after you opened this page. Check what you typed below, then save again',
          },
        ],
        409,
        { ...form.values, version: current.profile ? String(current.profile.version) : '' },
      );
    }
    const done = result.checkCleared ? 'check-cleared' : 'saved';
    const query = providerId ? `&provider=${providerId}` : '';
    return reply.redirect(`${partnershipPaths.myProfile(done)}${query}`, 303);
  });

  app.get(routes.mentors, signedIn, async function mentorsGet(request, reply) {
    const pool = await listMentorPool({ db, actor: request.viewer });
    return reply.renderPage({ title: 'Mentors', content: <MentorPoolPage pool={pool} /> });
  });

  async function checkPage(request: FastifyRequest, reply: FastifyReply, stale: boolean) {
    const profile = await getPoolProfile({
      db,
      actor: request.viewer,
      profileId: parseId((request.params as { profileId?: unknown }).profileId),
    });
    return reply.renderPage({
      title: `Mentor profile: ${profile.name}`,
      status: stale ? 409 : 200,
      content: <MentorProfileCheckPage profile={profile} done={stale ? null : doneFrom(request.query)} stale={stale} />,
    });
  }

  app.get(routes.mentor, signedIn, async function mentorGet(request, reply) {
    return checkPage(request, reply, false);
  });

  app.post(routes.mentor, signedIn, async function mentorPost(request, reply) {
    const profileId = parseId((request.params as { profileId?: unknown }).profileId);
    const version = formVersion.parse((request.body as { version?: unknown } | undefined)?.version);
    const outcome = await checkProfile({ db, actor: request.viewer, profileId, version });
    if (outcome === 'stale') return checkPage(request, reply, true);
    return reply.redirect(partnershipPaths.mentor(profileId, 'checked'), 303);
  });
}
