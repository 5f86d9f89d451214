import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, test } from 'node:test';
import { eq } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createPerson, createPersonWithRole } from '../../../test/support/factories.ts';
import { createPartnership, createService } from '../../../test/support/partnership-factories.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { getProviderDashboard, reviewOverdue } from './dashboard.service.ts';
import { partnershipTimeEntries } from './meetings.tables.ts';
import { listPartnershipsOfProviders } from './partnerships.repository.ts';
import { summariesOf } from './partnerships.service.ts';
import { partnerships, partnershipStates, type PartnershipState } from './partnerships.tables.ts';
import type { BudgetComponent } from './time-budget.ts';

const database = await createTestDatabase();
after(() => database.close());
const { db } = database;

const { person, organisation: provider } = await createPersonWithRole(db, 'programme_manager');
const actor: Viewer = {
  personId: person.id,
  displayName: person.displayName,
  email: person.email,
  mfaEnabled: true,
  memberships: [{ organisationId: provider.id, organisationName: provider.name, role: 'programme_manager' }],
};
const service = await createService(db, { provider });
const mentee = await createPerson(db, { displayName: 'Dana Mentee' });

/** The day the review of a partnership ending on 31 August 2027 falls due: 120 days before. */
const TODAY = '2027-05-03';

async function partnership(title: string, state: PartnershipState, endsOn: string | null) {
  const id = await createPartnership(db, { service, mentee, title, state });
  await db.update(partnerships).set({ endsOn }).where(eq(partnerships.id, id));
  return id;
}

async function logTime(partnershipId: string, component: BudgetComponent, minutes: number, counts = true) {
  await db.insert(partnershipTimeEntries).values({
    partnershipId,
    component,
    minutes,
    occurredOn: '2026-10-01',
    countsAgainstBudget: counts,
    creationKey: randomUUID(),
  });
}

// Ends on the last day the review is due by: overdue. Its time counts, but for the call that does not.
const dueToday = await partnership('Due today', 'meetings', '2027-08-31');
await logTime(dueToday, 'meetings', 300);
await logTime(dueToday, 'meetings', 60, false);
// One day later: not yet.
const dueTomorrow = await partnership('Due tomorrow', 'meetings', '2027-09-01');
await logTime(dueTomorrow, 'reading', 90);
await partnership('No end date yet', 'meetings', null);
await partnership('Already reviewing', 'review', '2027-06-01');
// Closed: neither its time nor its budget is in the totals.
const closed = await partnership('Closed', 'closed', '2027-06-01');
await logTime(closed, 'meetings', 600);
// A budget of its own, to see it summed as it is.
const ownBudget = await partnership('Own budget', 'matching', null);
await db
  .update(partnerships)
  .set({ readingMinutes: 100, schoolVisitsMinutes: 200, establishingMinutes: 300, meetingsMinutes: 400 })
  .where(eq(partnerships.id, ownBudget));
await partnership('Past its end', 'meetings', '2027-01-01');
// Another provider's partnership counts for nothing here.
const elsewhere = await createService(db);
await logTime(await createPartnership(db, { service: elsewhere, mentee, title: 'Elsewhere' }), 'meetings', 45);

/** The dashboard's figures as they were worked out before the SQL aggregates: from every partnership loaded. */
async function fromEveryPartnership(today: string) {
  const summaries = await summariesOf(db, await listPartnershipsOfProviders(db, [provider.id]));
  const open = summaries.filter(({ partnership: row }) => row.state !== 'closed');
  return {
    byState: partnershipStates.map((state) => ({
      state,
      count: summaries.filter(({ partnership: row }) => row.state === state).length,
    })),
    reviewsOverdue: summaries.filter(({ partnership: row }) => reviewOverdue(row, today)).length,
    totals: {
      usedMinutes: open.reduce((total, { usage }) => total + usage.overall.usedMinutes, 0),
      plannedMinutes: open.reduce((total, { usage }) => total + usage.overall.plannedMinutes, 0),
    },
  };
}

const dashboardOn = (
  today: string,
  { state = null, page = 1 }: { state?: PartnershipState | null; page?: number } = {},
) => getProviderDashboard({ db, actor, organisationId: provider.id, state, page, today });

test('the counts, reviews overdue and time totals are those of every partnership loaded, closed ones left out of the totals', async () => {
  const dashboard = await dashboardOn(TODAY);
  const { byState, reviewsOverdue, totals } = dashboard;
  assert.deepEqual({ byState, reviewsOverdue, totals }, await fromEveryPartnership(TODAY));
  // The figures themselves, so that the comparison cannot pass with both sides wrong.
  assert.equal(reviewsOverdue, 2, 'due today and past its end');
  assert.deepEqual(totals, { usedMinutes: 390, plannedMinutes: 5 * 3360 + 1000 });
  assert.equal(byState.find((each) => each.state === 'meetings')?.count, 4);
  assert.equal(dashboard.total, 7);
});

test('reviews overdue are counted in SQL on the same days as reviewOverdue says, either side of the boundary', async () => {
  for (const today of ['2026-11-24', '2027-05-02', '2027-05-03', '2027-05-04', '2027-09-01', '2027-12-31']) {
    const { reviewsOverdue, partnerships: rows } = await dashboardOn(today);
    assert.equal(reviewsOverdue, (await fromEveryPartnership(today)).reviewsOverdue, today);
    const flagged = rows.filter((each) => each.reviewOverdue).length;
    assert.equal(flagged, reviewsOverdue, `${today}: the rows tagged are those counted`);
    assert.ok(
      rows.slice(0, flagged).every((each) => each.reviewOverdue),
      `${today}: the reviews overdue come first`,
    );
  }
});

test('the list holds reviews overdue first, then the newest; each row with its people and time used', async () => {
  const { partnerships: rows } = await dashboardOn(TODAY);
  assert.deepEqual(
    rows.map(({ partnership: row }) => row.title),
    ['Past its end', 'Due today', 'Own budget', 'Closed', 'Already reviewing', 'No end date yet', 'Due tomorrow'],
  );
  const due = rows.find(({ partnership: row }) => row.id === dueToday);
  assert.deepEqual(
    due?.participants.map((each) => each.displayName),
    ['Dana Mentee'],
  );
  assert.equal(due?.usage.overall.usedMinutes, 300);
});

test('the list at one state holds only those partnerships, counted as such', async () => {
  const dashboard = await dashboardOn(TODAY, { state: 'meetings' });
  assert.equal(dashboard.total, 4);
  assert.ok(dashboard.partnerships.every(({ partnership: row }) => row.state === 'meetings'));
  assert.equal(dashboard.partnerships.length, 4);
  const none = await dashboardOn(TODAY, { state: 'agreement' });
  assert.deepEqual([none.total, none.partnerships.length, none.pageCount], [0, 0, 1]);
});

test('the rows carry what provider staff may see and nothing else of the partnership', async () => {
  const { partnerships: rows } = await dashboardOn(TODAY);
  assert.deepEqual(Object.keys(rows[0]?.partnership ?? {}).sort(), [
    'endsOn',
    'establishingMinutes',
    'id',
    'kind',
    'meetingsMinutes',
    'readingMinutes',
    'schoolVisitsMinutes',
    'startsOn',
    'state',
    'title',
  ]);
});

test('someone who does not run the provider is told it is not found', async () => {
  const outsider: Viewer = { ...actor, memberships: [] };
  await assert.rejects(
    getProviderDashboard({ db, actor: outsider, organisationId: provider.id, state: null, page: 1, today: TODAY }),
    { statusCode: 404 },
  );
});
