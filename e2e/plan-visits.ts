import { randomUUID } from 'node:crypto';
import { planCarriedPriorities, planComments, planShares } from '../src/modules/plans/plan-sharing.tables.ts';
import { planProgressUpdates } from '../src/modules/plans/plans.tables.ts';
import type { AppDb } from '../src/platform/db/database.ts';
import { createOrganisation, createPerson } from '../test/support/factories.ts';
import { createAction, createMilestone, createPlan, createPriority } from '../test/support/plan-factories.ts';
import { builtinVersion, createReview, createReviewLead } from '../test/support/review-factories.ts';
import type { SignedIn } from '../test/support/sign-in.ts';
import type { PageVisit } from './support/page-visit.ts';

/** The ids of the plan a visitor's trust is given before a plan page opens. */
interface PlanScene {
  planId: string;
  priorityId: string;
  actionId: string;
  milestoneId: string;
  reviewId: string;
  elementKey: string;
}

/**
 * Every page of development plans, each opened by a trust's chief executive on a plan of their
 * own trust (made for them first): one priority from a review, an overdue action waiting for
 * another, a progress update with a file, a milestone, a mentor's comment on the priority with a
 * reply, and the plan shared with the mentor (and, until it was stopped, with a partner trust).
 * The next plan's page opens on a closed plan of theirs with two medium-term priorities.
 */
export async function planVisits(db: AppDb): Promise<PageVisit[]> {
  const version = await builtinVersion(db, 'trust-development');
  const scenes = new Map<string, PlanScene>();

  async function sceneFor(signedIn: SignedIn): Promise<PlanScene> {
    const planId = await createPlan(db, { organisation: signedIn.organisation, title: 'Browser suite plan' });
    const priorityId = await createPriority(db, planId, { title: 'Clarity of purpose' });
    const first = await createAction(db, { planId, priorityId, owner: signedIn.person, dueDate: '2020-01-31' });
    const actionId = await createAction(db, {
      planId,
      priorityId,
      owner: signedIn.person,
      title: 'Share the vision with every school',
      rag: 'amber',
      status: 'in_progress',
      dependsOnActionId: first,
    });
    await db.insert(planProgressUpdates).values({
      planId,
      actionId,
      updatedOn: '2026-03-02',
      note: 'Shared with the first two schools.',
      link: 'https://example.test/vision',
      creationKey: randomUUID(),
    });
    const milestoneId = await createMilestone(db, planId);
    const mentor = await createPerson(db, { displayName: 'Mina Mentor' });
    const partner = await createOrganisation(db, { kind: 'trust', name: 'Browser Suite Partner Trust' });
    await db.insert(planShares).values([
      { planId, personId: mentor.id, access: 'comment', sharedByPersonId: signedIn.person.id },
      {
        planId,
        organisationId: partner.id,
        access: 'read',
        sharedByPersonId: signedIn.person.id,
        revokedAt: new Date(),
        revokedByPersonId: signedIn.person.id,
      },
    ]);
    const [comment] = await db
      .insert(planComments)
      .values({
        planId,
        priorityId,
        authorPersonId: mentor.id,
        body: 'How will you know pupils can say it too?',
        creationKey: randomUUID(),
      })
      .returning({ id: planComments.id });
    await db.insert(planComments).values({
      planId,
      priorityId,
      replyToCommentId: comment?.id ?? null,
      authorPersonId: signedIn.person.id,
      body: 'Through the pupil parliament, each term.',
      creationKey: randomUUID(),
    });
    const reviewId = await createReview(db, { organisation: signedIn.organisation, version });
    await createReviewLead(db, reviewId, signedIn.person);
    const elementKey = version.document.headings[0]?.elements[0]?.key ?? '';
    return { planId, priorityId, actionId, milestoneId, reviewId, elementKey };
  }

  const visit = (
    name: string,
    route: string,
    heading: string | RegExp,
    pathOf: (scene: PlanScene) => string = (scene) => route.replace(':id', scene.planId),
  ): PageVisit => ({
    name,
    route,
    path: route,
    visitors: ['ceo'],
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
  const plan = (scene: PlanScene) => `/plans/${scene.planId}`;

  // A closed plan with what it carries forward, for the page that starts the next one.
  const closedPlans = new Map<string, string>();
  const nextPlan: PageVisit = {
    name: 'plan-next',
    route: '/plans/:id/next',
    path: '/plans/:id/next',
    visitors: ['ceo'],
    status: 200,
    heading: () => 'Start the next plan',
    prepare: async (signedIn) => {
      if (!signedIn) return;
      const planId = await createPlan(db, { organisation: signedIn.organisation, status: 'closed' });
      await db.insert(planCarriedPriorities).values([
        { planId, title: 'Pupil voice in every school', detail: 'Every school council meets the board.', position: 0 },
        { planId, title: 'Coaching beyond middle leaders', position: 1 },
      ]);
      closedPlans.set(signedIn.person.id, planId);
    },
    pathFor: (signedIn) => {
      const planId = signedIn ? closedPlans.get(signedIn.person.id) : undefined;
      return planId ? `/plans/${planId}/next` : '/plans/:id/next';
    },
  };
  return [
    visit('plans', '/plans', 'Development plans'),
    visit('plan-new', '/plans/new', 'Create a plan'),
    visit('plan-my-actions', '/plans/my-actions', 'Your actions'),
    visit('plan', '/plans/:id', /^Browser suite plan/),
    visit('plan-edit', '/plans/:id/edit', 'Plan details'),
    visit('plan-timeline', '/plans/:id/timeline', 'Actions by month'),
    visit('plan-priority-new', '/plans/:id/priorities/new', 'Add a priority'),
    visit(
      'plan-priority-from-review',
      '/plans/:id/priorities/new',
      'Add a priority',
      (scene) => `${plan(scene)}/priorities/new?review=${scene.reviewId}&element=${scene.elementKey}`,
    ),
    visit(
      'plan-from-review',
      '/plans/from-review/:reviewId/:elementKey',
      'Make this a priority',
      (scene) => `/plans/from-review/${scene.reviewId}/${scene.elementKey}`,
    ),
    visit(
      'plan-priority',
      '/plans/:id/priorities/:priorityId',
      'Change the priority',
      (scene) => `${plan(scene)}/priorities/${scene.priorityId}`,
    ),
    visit(
      'plan-action-new',
      '/plans/:id/priorities/:priorityId/actions/new',
      'Add an action',
      (scene) => `${plan(scene)}/priorities/${scene.priorityId}/actions/new`,
    ),
    visit(
      'plan-action',
      '/plans/:id/actions/:actionId',
      'Share the vision with every school',
      (scene) => `${plan(scene)}/actions/${scene.actionId}`,
    ),
    visit(
      'plan-action-edit',
      '/plans/:id/actions/:actionId/edit',
      'Change the action',
      (scene) => `${plan(scene)}/actions/${scene.actionId}/edit`,
    ),
    visit(
      'plan-update-new',
      '/plans/:id/actions/:actionId/updates/new',
      'Post a progress update',
      (scene) => `${plan(scene)}/actions/${scene.actionId}/updates/new`,
    ),
    visit('plan-milestone-new', '/plans/:id/milestones/new', 'Add a milestone'),
    visit('plan-sharing', '/plans/:id/sharing', 'Sharing and reads'),
    visit(
      'plan-comments',
      '/plans/:id/priorities/:priorityId/comments',
      'Comments on “Clarity of purpose”',
      (scene) => `${plan(scene)}/priorities/${scene.priorityId}/comments`,
    ),
    visit('plan-close', '/plans/:id/close', 'Close the plan'),
    nextPlan,
    visit(
      'plan-milestone',
      '/plans/:id/milestones/:milestoneId',
      'Change the milestone',
      (scene) => `${plan(scene)}/milestones/${scene.milestoneId}`,
    ),
  ];
}
