import { randomUUID } from 'node:crypto';
import { enquiries } from '../src/modules/partnerships/partnerships.tables.ts';
import type { AppDb } from '../src/platform/db/database.ts';
import { createOrganisation } from '../test/support/factories.ts';
import { createService } from '../test/support/partnership-factories.ts';
import type { SignedIn } from '../test/support/sign-in.ts';
import type { PageVisit } from './support/page-visit.ts';

/**
 * The pages of a provider's mentoring services and enquiries: each programme manager is given a
 * service of their own provider with one new enquiry first. The public enquiry form and its
 * confirmation are opened signed out and by a trust's chief executive, on another provider's service.
 */
export async function mentoringServiceVisits(db: AppDb): Promise<PageVisit[]> {
  const publicService = await createService(db, {
    provider: await createOrganisation(db, { kind: 'provider', name: 'Browser Suite Mentoring' }),
    name: 'Browser suite CEO mentoring',
  });
  const scenes = new Map<string, { serviceId: string; enquiryId: string }>();

  async function sceneFor(signedIn: SignedIn) {
    const service = await createService(db, { provider: signedIn.organisation, name: 'Browser suite service' });
    const [enquiry] = await db
      .insert(enquiries)
      .values({
        serviceId: service.id,
        name: 'Sam Patel',
        email: `sam-${randomUUID().slice(0, 8)}@example.test`,
        jobTitle: 'Chief executive',
        organisationName: 'Carrow Trust',
        message: 'I would like a mentor for my second year.',
        creationKey: randomUUID(),
      })
      .returning({ id: enquiries.id });
    return { serviceId: service.id, enquiryId: enquiry?.id ?? '' };
  }

  const managed = (
    name: string,
    route: string,
    heading: string,
    pathOf: (scene: { serviceId: string; enquiryId: string }) => string = () => route,
  ): PageVisit => ({
    name,
    route,
    path: route,
    visitors: ['programme_manager'],
    status: 200,
    heading: () => heading,
    prepare: async (signedIn) => {
      if (signedIn) scenes.set(name, await sceneFor(signedIn));
    },
    pathFor: () => {
      const scene = scenes.get(name);
      return scene ? pathOf(scene) : route;
    },
  });

  const enquire = `/mentoring/services/${publicService.id}/enquire`;
  return [
    managed('mentoring-services', '/mentoring/services', 'Mentoring services'),
    managed('mentoring-service-new', '/mentoring/services/new', 'Create a mentoring service'),
    managed(
      'mentoring-service',
      '/mentoring/services/:serviceId',
      'Browser suite service',
      (scene) => `/mentoring/services/${scene.serviceId}`,
    ),
    managed(
      'mentoring-service-edit',
      '/mentoring/services/:serviceId/edit',
      'Change the service',
      (scene) => `/mentoring/services/${scene.serviceId}/edit`,
    ),
    managed('mentoring-enquiries', '/mentoring/enquiries', 'Enquiries'),
    managed(
      'mentoring-enquiry',
      '/mentoring/enquiries/:enquiryId',
      'Sam Patel',
      (scene) => `/mentoring/enquiries/${scene.enquiryId}`,
    ),
    {
      name: 'mentoring-enquire',
      route: '/mentoring/services/:serviceId/enquire',
      path: enquire,
      visitors: ['signed-out', 'ceo'],
      status: 200,
      heading: () => 'Ask about Browser suite CEO mentoring',
    },
    {
      name: 'mentoring-enquiry-sent',
      route: '/mentoring/services/:serviceId/enquire/sent',
      path: `${enquire}/sent`,
      visitors: ['signed-out'],
      status: 200,
      heading: () => 'Enquiry sent',
    },
  ];
}
