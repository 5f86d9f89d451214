import { randomUUID } from 'node:crypto';
import { goalReviews, partnershipEstablishing, partnershipGoals } from '../src/modules/partnerships/meetings.tables.ts';
import type { PartnershipState } from '../src/modules/partnerships/partnerships.tables.ts';
import type { AppDb } from '../src/platform/db/database.ts';
import { createPerson } from '../test/support/factories.ts';
import { createPartnership, createService } from '../test/support/partnership-factories.ts';
import type { SignedIn } from '../test/support/sign-in.ts';
import type { PageVisit } from './support/page-visit.ts';

interface Scene {
  partnershipId: string;
  goalId: string;
}

/**
 * Establishing a partnership, its goals, the third-term review and the decision, each opened by a
 * chief executive who is the mentee of a partnership made for them first: establishing with its
 * record and a goal (so the button to start the meetings shows), and a review with two goals, every
 * view written for the decision page (so both choices show) and one still to write on the review page.
 */
export async function mentoringEstablishingVisits(db: AppDb): Promise<PageVisit[]> {
  const service = await createService(db, { name: 'Browser suite CEO mentoring' });
  const scenes = new Map<string, Scene>();

  async function sceneFor(signedIn: SignedIn, state: PartnershipState, allWritten: boolean): Promise<Scene> {
    const mentor = await createPerson(db, { displayName: 'Mina Mentor' });
    const partnershipId = await createPartnership(db, {
      service,
      mentee: signedIn.person,
      mentor,
      menteeTrust: signedIn.organisation,
      state,
      title: `${signedIn.person.displayName} (${signedIn.organisation.name})`,
    });
    await db.insert(partnershipEstablishing).values({
      partnershipId,
      leadershipStory: 'A primary head who became the trust’s first chief executive.',
      currentNeeds: 'A central team that can carry school improvement.',
      objectives: 'A school improvement model used in every school.',
    });
    const goals = await db
      .insert(partnershipGoals)
      .values([
        {
          partnershipId,
          title: 'Grow the central team',
          measureOfSuccess: 'Two school improvement partners in post by Easter',
          position: 0,
          creationKey: randomUUID(),
        },
        {
          partnershipId,
          title: 'A board that challenges',
          measureOfSuccess: 'A skills audit acted on',
          position: 1,
          creationKey: randomUUID(),
        },
      ])
      .returning({ id: partnershipGoals.id });
    const goalId = goals[0]?.id ?? '';
    if (state === 'review') {
      const views = goals.flatMap((goal) => [
        {
          goalId: goal.id,
          side: 'mentor' as const,
          progress: 'Good progress: one partner appointed.',
          authorPersonId: mentor.id,
        },
        ...(allWritten
          ? [{ goalId: goal.id, side: 'mentee' as const, progress: 'On track.', authorPersonId: signedIn.person.id }]
          : []),
      ]);
      await db.insert(goalReviews).values(views.map((view) => ({ ...view, partnershipId })));
    }
    return { partnershipId, goalId };
  }

  const visit = (
    name: string,
    route: string,
    heading: string,
    state: PartnershipState,
    { allWritten = false }: { allWritten?: boolean } = {},
  ): PageVisit => ({
    name,
    route,
    path: route,
    visitors: ['ceo'],
    status: 200,
    heading: () => heading,
    prepare: async (signedIn) => {
      if (signedIn) scenes.set(name, await sceneFor(signedIn, state, allWritten));
    },
    pathFor: () => {
      const scene = scenes.get(name);
      return scene ? route.replace(':id', scene.partnershipId).replace(':goalId', scene.goalId) : route;
    },
  });

  return [
    visit('partnership-establishing', '/partnerships/:id/establishing', 'Establishing the partnership', 'establishing'),
    visit('partnership-goal-new', '/partnerships/:id/goals/new', 'Add a goal', 'establishing'),
    visit('partnership-goal', '/partnerships/:id/goals/:goalId', 'Change the goal', 'establishing'),
    visit('partnership-review', '/partnerships/:id/review', 'Third-term review', 'review'),
    visit('partnership-decision', '/partnerships/:id/decision', 'Extend or close the partnership', 'review', {
      allWritten: true,
    }),
  ];
}
