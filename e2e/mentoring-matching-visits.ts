import { randomUUID } from 'node:crypto';
import { chemistryConversations } from '../src/modules/partnerships/matching.tables.ts';
import type { AppDb } from '../src/platform/db/database.ts';
import { addMembership, createOrganisation, createPerson } from '../test/support/factories.ts';
import { createMentorProfile, createPartnership, createService } from '../test/support/partnership-factories.ts';
import type { SignedIn } from '../test/support/sign-in.ts';
import type { PageVisit, Visitor } from './support/page-visit.ts';

/** The ids of the matching scene a visitor is given before the page opens. */
interface MatchingScene {
  partnershipId: string;
  profileId: string;
  conversationId: string;
}

const MENTOR_NAME = 'Morgan Mentor';

/**
 * Mentor profiles, matching and chemistry conversations. A programme manager opens them on a
 * partnership of their own provider in matching, with two mentors (one checked, one in the
 * mentee's trust) and a conversation scheduled; a chief executive opens the mentee side's pages
 * on their own partnership; a mentor opens their own profile.
 */
export function mentoringMatchingVisits(db: AppDb): PageVisit[] {
  const scenes = new Map<string, MatchingScene>();

  async function sceneFor(signedIn: SignedIn, visitor: Visitor): Promise<MatchingScene> {
    const asMentee = visitor === 'ceo';
    const provider = asMentee
      ? await createOrganisation(db, { kind: 'provider', name: 'Browser Suite Provider' })
      : signedIn.organisation;
    const menteeTrust = asMentee
      ? signedIn.organisation
      : await createOrganisation(db, { name: 'Browser Suite Trust' });
    const service = await createService(db, { provider });
    const mentor = await createPerson(db, { displayName: MENTOR_NAME });
    await addMembership(db, mentor.id, provider.id, 'mentor');
    const profileId = await createMentorProfile(db, { mentor, provider, checked: false });
    const checked = await createPerson(db, { displayName: 'Casey Checked' });
    await addMembership(db, checked.id, provider.id, 'mentor');
    await createMentorProfile(db, { mentor: checked, provider, region: 'North West' });
    const partnershipId = await createPartnership(db, {
      service,
      mentee: asMentee ? signedIn.person : await createPerson(db, { displayName: 'Sam Mentee' }),
      menteeTrust,
      state: 'chemistry',
      title: 'Browser suite mentoring',
    });
    const [conversation] = await db
      .insert(chemistryConversations)
      .values({
        partnershipId,
        mentorPersonId: mentor.id,
        startsAt: new Date('2031-07-14T13:30:00Z'),
        place: 'https://video.example.test/room',
        creationKey: randomUUID(),
      })
      .returning({ id: chemistryConversations.id });
    return { partnershipId, profileId, conversationId: conversation?.id ?? '' };
  }

  const visit = (
    name: string,
    route: string,
    visitor: Visitor,
    heading: string,
    pathOf: (scene: MatchingScene) => string = (scene) => route.replace(':id', scene.partnershipId),
  ): PageVisit => ({
    name,
    route,
    path: route,
    visitors: [visitor],
    status: 200,
    heading: () => heading,
    prepare: async (signedIn) => {
      if (signedIn) scenes.set(name, await sceneFor(signedIn, visitor));
    },
    pathFor: () => {
      const scene = scenes.get(name);
      return scene ? pathOf(scene) : route;
    },
  });

  return [
    visit('mentor-my-profile', '/mentoring/my-profile', 'mentor', 'Your mentor profile', () => '/mentoring/my-profile'),
    visit('mentor-pool', '/mentoring/mentors', 'programme_manager', 'Mentors', () => '/mentoring/mentors'),
    visit(
      'mentor-profile-check',
      '/mentoring/mentors/:profileId',
      'programme_manager',
      MENTOR_NAME,
      (scene) => `/mentoring/mentors/${scene.profileId}`,
    ),
    visit('matching-preferences', '/partnerships/:id/preferences', 'ceo', 'Your preferences for a mentor'),
    visit('matching', '/partnerships/:id/matching', 'programme_manager', 'Matching'),
    visit('chemistry-new', '/partnerships/:id/chemistry/new', 'programme_manager', 'Schedule a chemistry conversation'),
    visit(
      'chemistry-conversation',
      '/partnerships/:id/chemistry/:conversationId',
      'ceo',
      `Chemistry conversation with ${MENTOR_NAME}`,
      (scene) => `/partnerships/${scene.partnershipId}/chemistry/${scene.conversationId}`,
    ),
  ];
}
