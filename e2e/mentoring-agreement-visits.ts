import { randomUUID } from 'node:crypto';
import { partnershipAgreements } from '../src/modules/partnerships/agreements.tables.ts';
import {
  documentRequests,
  partnershipDocuments,
  schoolVisits,
} from '../src/modules/partnerships/preparation.tables.ts';
import type { PartnershipState } from '../src/modules/partnerships/partnerships.tables.ts';
import { DEFAULT_AGREEMENT_TEMPLATE } from '../src/modules/partnerships/service-defaults.ts';
import type { AppDb } from '../src/platform/db/database.ts';
import { createOrganisation, createPerson } from '../test/support/factories.ts';
import { createPartnership, createService } from '../test/support/partnership-factories.ts';
import type { SignedIn } from '../test/support/sign-in.ts';
import type { PageVisit, Visitor } from './support/page-visit.ts';

interface Scene {
  id: string;
  requestId: string;
}

/**
 * The agreement and preparation pages of a partnership. A chief executive opens them as the
 * mentee (their own trust, with three open schools, is the mentee trust), a mentor as the mentor
 * (with the "I have read the documents" button), and a programme manager the new-version form
 * of a partnership of their own provider. Each partnership has an agreement in its first version,
 * two checklist items (one given as a link) and two school visits, one done.
 */
export async function mentoringAgreementVisits(db: AppDb): Promise<PageVisit[]> {
  const scenes = new Map<string, Scene>();

  async function sceneFor(signedIn: SignedIn, visitor: Visitor, state: PartnershipState): Promise<Scene> {
    const provider =
      visitor === 'programme_manager'
        ? signedIn.organisation
        : await createOrganisation(db, { kind: 'provider', name: 'Browser Suite Mentoring' });
    const service = await createService(db, { provider, name: 'Browser suite CEO mentoring' });
    const menteeTrust =
      visitor === 'ceo' ? signedIn.organisation : await createOrganisation(db, { name: 'Browser Suite Trust' });
    const mentee = visitor === 'ceo' ? signedIn.person : await createPerson(db, { displayName: 'Sam Patel' });
    const mentor = visitor === 'mentor' ? signedIn.person : await createPerson(db, { displayName: 'Ada Mentor' });
    const id = await createPartnership(db, {
      service,
      mentee,
      mentor,
      menteeTrust,
      state,
      title: `${mentee.displayName} (${menteeTrust.name})`,
    });
    await db.insert(partnershipAgreements).values({
      partnershipId: id,
      number: 1,
      text: DEFAULT_AGREEMENT_TEMPLATE.replaceAll('{', '').replaceAll('}', ''),
    });
    const requests = await db
      .insert(documentRequests)
      .values([
        { partnershipId: id, title: 'Strategic plan', standard: true, position: 0, creationKey: randomUUID() },
        { partnershipId: id, title: 'Risk register', standard: true, position: 1, creationKey: randomUUID() },
      ])
      .returning({ id: documentRequests.id });
    const requestId = requests[0]?.id ?? '';
    await db.insert(partnershipDocuments).values({
      partnershipId: id,
      requestId,
      link: 'https://example.test/strategy',
      note: 'The current plan, agreed in July.',
      addedByPersonId: mentee.id,
      creationKey: randomUUID(),
    });
    const schools = [];
    for (const name of ['Alder Primary', 'Birch Academy', 'Cedar School']) {
      schools.push(await createOrganisation(db, { kind: 'school', name, trustId: menteeTrust.id, status: 'open' }));
    }
    await db.insert(schoolVisits).values([
      {
        partnershipId: id,
        schoolId: schools[0]?.id ?? '',
        visitOn: '2026-10-01',
        status: 'done',
        meeting: 'Head',
        creationKey: randomUUID(),
      },
      { partnershipId: id, schoolId: schools[1]?.id ?? '', visitOn: '2026-10-08', creationKey: randomUUID() },
    ]);
    return { id, requestId };
  }

  const visit = (
    name: string,
    route: string,
    heading: string,
    { visitor = 'ceo', state = 'preparation' }: { visitor?: Visitor; state?: PartnershipState } = {},
    pathOf: (scene: Scene) => string = (scene) => route.replace(':id', scene.id),
  ): PageVisit => ({
    name,
    route,
    path: route,
    visitors: [visitor],
    status: 200,
    heading: () => heading,
    prepare: async (signedIn) => {
      if (signedIn) scenes.set(name, await sceneFor(signedIn, visitor, state));
    },
    pathFor: () => {
      const scene = scenes.get(name);
      return scene ? pathOf(scene) : route;
    },
  });

  return [
    visit('mentoring-agreement', '/partnerships/:id/agreement', 'Agreement', { state: 'agreement' }),
    visit('mentoring-agreement-mentor', '/partnerships/:id/agreement', 'Agreement', {
      visitor: 'mentor',
      state: 'agreement',
    }),
    visit(
      'mentoring-agreement-new-version',
      '/partnerships/:id/agreement/new-version',
      'Make a new version of the agreement',
      {
        visitor: 'programme_manager',
        state: 'agreement',
      },
    ),
    visit('mentoring-preparation', '/partnerships/:id/preparation', 'Preparation'),
    visit('mentoring-preparation-mentor', '/partnerships/:id/preparation', 'Preparation', { visitor: 'mentor' }),
    visit('mentoring-document-request-new', '/partnerships/:id/documents/new', 'Add an item for the mentor to read'),
    visit(
      'mentoring-document-request',
      '/partnerships/:id/documents/:requestId',
      'Strategic plan',
      {},
      (scene) => `/partnerships/${scene.id}/documents/${scene.requestId}`,
    ),
    visit('mentoring-visit-new', '/partnerships/:id/visits/new', 'Plan a school visit'),
  ];
}
