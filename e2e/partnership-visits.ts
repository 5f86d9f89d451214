import { createPerson } from '../test/support/factories.ts';
import { createPartnership, createService } from '../test/support/partnership-factories.ts';
import type { PartnershipKind } from '../src/modules/partnerships/partnerships.tables.ts';
import type { AppDb } from '../src/platform/db/database.ts';
import type { SignedIn } from '../test/support/sign-in.ts';
import type { PageVisit } from './support/page-visit.ts';

/**
 * The partnerships list, a partnership's page, who takes part and the mentee's read log, each
 * opened by a trust's chief executive who is mentored; the provider's dashboard, who takes part
 * with the buttons that change it, and the page asking whether to remove someone, by its
 * programme manager.
 */
export async function partnershipVisits(db: AppDb): Promise<PageVisit[]> {
  const partnershipOf = new Map<string, string>();

  async function menteeScene(signedIn: SignedIn, kind: PartnershipKind = 'ceo_mentoring'): Promise<string> {
    const service = await createService(db, { kind });
    const mentor = await createPerson(db, { displayName: 'Morgan Mentor' });
    return createPartnership(db, {
      service,
      kind,
      mentee: signedIn.person,
      mentor,
      menteeTrust: signedIn.organisation,
      title: 'Browser suite partnership',
    });
  }

  const menteeVisit = (
    name: string,
    route: string,
    heading: string | RegExp,
    kind: PartnershipKind = 'ceo_mentoring',
  ): PageVisit => ({
    name,
    route,
    path: route,
    visitors: ['ceo'],
    status: 200,
    heading: () => heading,
    prepare: async (signedIn) => {
      if (signedIn) partnershipOf.set(name, await menteeScene(signedIn, kind));
    },
    pathFor: () => route.replace(':id', partnershipOf.get(name) ?? ':id'),
  });

  /** A partnership of the programme manager's provider with a second mentor, who is not a lead, to change. */
  const providerScenes = new Map<string, { id: string; secondMentorId: string }>();
  const providerVisit = (
    name: string,
    route: string,
    pathOf: (scene: { id: string; secondMentorId: string }) => string,
    heading: string | RegExp,
  ): PageVisit => ({
    name,
    route,
    path: route,
    visitors: ['programme_manager'],
    status: 200,
    heading: () => heading,
    prepare: async (signedIn) => {
      if (!signedIn) return;
      const service = await createService(db, { provider: signedIn.organisation });
      const secondMentor = await createPerson(db, { displayName: 'Sasha Second' });
      const id = await createPartnership(db, {
        service,
        mentee: await createPerson(db, { displayName: 'Dana Mentee' }),
        mentor: await createPerson(db, { displayName: 'Morgan Mentor' }),
        others: [{ person: secondMentor, side: 'mentor' }],
      });
      providerScenes.set(name, { id, secondMentorId: secondMentor.id });
    },
    pathFor: () => {
      const scene = providerScenes.get(name);
      return scene ? pathOf(scene) : route;
    },
  });

  return [
    menteeVisit('partnership-list', '/partnerships', 'Mentoring'),
    menteeVisit('partnership', '/partnerships/:id', /^Browser suite partnership/),
    menteeVisit('partnership-participants', '/partnerships/:id/participants', 'Who takes part'),
    menteeVisit('partnership-reads', '/partnerships/:id/reads', 'Who has read this partnership'),
    menteeVisit(
      'partnership-diagnostic',
      '/partnerships/:id/diagnostic',
      'Diagnostic review and development plan',
      'trust_to_trust',
    ),
    {
      name: 'provider-dashboard',
      route: '/mentoring/providers/:organisationId/dashboard',
      path: '/mentoring/providers/:organisationId/dashboard',
      visitors: ['programme_manager'],
      status: 200,
      heading: () => 'Partnerships dashboard',
      prepare: async (signedIn) => {
        if (!signedIn) return;
        const service = await createService(db, { provider: signedIn.organisation });
        const mentee = await createPerson(db, { displayName: 'Dana Mentee' });
        await createPartnership(db, { service, mentee, title: 'Dashboard partnership' });
      },
      pathFor: (signedIn) => `/mentoring/providers/${signedIn?.organisation.id ?? ':organisationId'}/dashboard`,
    },
    providerVisit(
      'partnership-participants-managed',
      '/partnerships/:id/participants',
      (scene) => `/partnerships/${scene.id}/participants`,
      'Who takes part',
    ),
    providerVisit(
      'partnership-participant-remove',
      '/partnerships/:id/participants/:personId/remove',
      (scene) => `/partnerships/${scene.id}/participants/${scene.secondMentorId}/remove`,
      /^Remove .* from the partnership\?$/,
    ),
  ];
}
