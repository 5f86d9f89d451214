/**
 * The pages the load benchmark asks for, each as the person who would look at it, signed in by a
 * session started here: at England scale, the largest trust with a chief executive in mentoring;
 * on the embedded database, the demo trust with a closed review and a plan added to the demo data.
 */
import { eq, sql } from 'drizzle-orm';
import { organisations } from '../../src/modules/organisations/organisations.tables.ts';
import { partnershipPaths } from '../../src/modules/partnerships/partnerships.paths.ts';
import { startSession } from '../../src/modules/people/index.ts';
import { people } from '../../src/modules/people/people.tables.ts';
import { planPaths } from '../../src/modules/plans/plans.paths.ts';
import { benchmarkPaths } from '../../src/modules/reviews/benchmarks.paths.ts';
import { reviewPaths } from '../../src/modules/reviews/index.ts';
import { SESSION_COOKIE } from '../../src/platform/auth/viewer.ts';
import { queryRows, type AppDb } from '../../src/platform/db/database.ts';
import { createAction, createPlan, createPriority } from '../../test/support/plan-factories.ts';
import { createReviewScene } from '../../test/support/review-scene.ts';

export interface BenchPage {
  label: string;
  path: string;
  cookie: string;
  /** The p99 target in milliseconds. */
  p99TargetMs: number;
}

interface Subjects {
  ceoId: string;
  reviewId: string;
  planId: string;
  partnershipId: string;
  providerId: string;
  programmeManagerId: string;
}

async function cookieFor(db: AppDb, personId: string): Promise<string> {
  return `${SESSION_COOKIE}=${await startSession({ db, personId })}`;
}

async function pagesOf(db: AppDb, subjects: Subjects, targets: { page: number; heavy: number }): Promise<BenchPage[]> {
  const ceo = await cookieFor(db, subjects.ceoId);
  const manager = await cookieFor(db, subjects.programmeManagerId);
  const page = (label: string, path: string, cookie: string, p99TargetMs = targets.page) => ({
    label,
    path,
    cookie,
    p99TargetMs,
  });
  return [
    page("trust's home page", '/', ceo),
    page('heat map', reviewPaths.heatMap(subjects.reviewId), ceo),
    page('group comparison', reviewPaths.groupComparison(subjects.reviewId), ceo),
    page('plan overview', planPaths.plan(subjects.planId), ceo),
    page('partnership page', partnershipPaths.of(subjects.partnershipId, 'partnership'), ceo),
    page('provider dashboard', partnershipPaths.dashboard(subjects.providerId), manager, targets.heavy),
    page('benchmark aggregate', benchmarkPaths.benchmarks(subjects.reviewId), ceo, targets.heavy),
  ];
}

/** The trust with the most schools whose chief executive is in a CEO mentoring partnership's meetings. */
export async function scalePages(db: AppDb): Promise<BenchPage[]> {
  const [found] = await queryRows<Subjects>(
    db,
    sql`select m.person_id as "ceoId", r.id as "reviewId", pl.id as "planId", p.id as "partnershipId",
          p.provider_organisation_id as "providerId",
          (select person_id from memberships where organisation_id = p.provider_organisation_id
             and role = 'programme_manager' order by person_id limit 1) as "programmeManagerId"
        from partnerships p
        join partnership_participants pp on pp.partnership_id = p.id and pp.side = 'mentee' and pp.lead
        join memberships m on m.person_id = pp.person_id and m.role = 'ceo'
        join reviews r on r.organisation_id = m.organisation_id and r.status = 'closed'
        join plans pl on pl.organisation_id = m.organisation_id
        where p.kind = 'ceo_mentoring' and p.state = 'meetings'
        order by (select count(*) from organisations s where s.trust_id = m.organisation_id) desc, m.person_id
        limit 1`,
  );
  if (!found) throw new Error('The scale database has no seeded activity: run "npm run seed:scale" first');
  return pagesOf(db, found, { page: 50, heavy: 100 });
}

/** The demo data, and on top of it a closed review of the demo trust (ten raters) and its plan. */
export async function demoPages(db: AppDb): Promise<BenchPage[]> {
  const [demo] = await queryRows<Omit<Subjects, 'reviewId' | 'planId'> & { trustId: string }>(
    db,
    sql`select ceo.id as "ceoId", m.organisation_id as "trustId", p.id as "partnershipId",
          p.provider_organisation_id as "providerId", pm.id as "programmeManagerId"
        from people ceo
        join memberships m on m.person_id = ceo.id and m.role = 'ceo'
        join partnership_participants pp on pp.person_id = ceo.id
        join partnerships p on p.id = pp.partnership_id
        join people pm on pm.email = 'pm@demo.tandem.test'
        where ceo.email = 'ceo@demo.tandem.test'`,
  );
  if (!demo) throw new Error('The demo data has no chief executive in a partnership');
  const [trust] = await db.select().from(organisations).where(eq(organisations.id, demo.trustId));
  const [lead] = await db.select().from(people).where(eq(people.id, demo.ceoId));
  if (!trust || !lead) throw new Error('The demo trust or its chief executive is missing');
  const scene = await createReviewScene(db, {
    previousOf: { trust, lead },
    raters: 10,
    levelOf: (element, rater) => (element + rater) % 4,
    agreed: Object.fromEntries(Array.from({ length: 14 }, (_, element) => [element, element % 4])),
    closed: true,
  });
  const planId = await createPlan(db, { organisation: trust });
  for (let position = 0; position < 5; position += 1) {
    const priorityId = await createPriority(db, planId, { title: `Priority ${position + 1}`, position });
    for (let action = 0; action < 4; action += 1) {
      await createAction(db, { planId, priorityId, owner: lead });
    }
  }
  return pagesOf(db, { ...demo, reviewId: scene.reviewId, planId }, { page: 150, heavy: 150 });
}
