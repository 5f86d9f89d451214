import { and, count, desc, eq, ne, sql } from 'drizzle-orm';
import type { AppDb } from '../../platform/db/database.ts';
import { partnershipTimeEntries } from './meetings.tables.ts';
import { termAndBudgetColumns } from './partnership-columns.ts';
import { partnerships, type PartnershipState } from './partnerships.tables.ts';

/**
 * The provider's dashboard, counted in SQL: a provider may run hundreds of partnerships, so the
 * counts and totals are aggregates and only one page of partnerships is read. Only what provider
 * staff may see is selected; no content.
 */

/**
 * Whether a partnership's third-term review is overdue: still in its meetings, ending on or before
 * `dueBy` (today plus the days before the end that the review is due). reviewOverdue in
 * dashboard.service.ts says the same for one partnership; `is true` makes a missing end date false.
 */
const reviewOverdue = (dueBy: string) =>
  sql<boolean>`(${partnerships.state} = ${'meetings' satisfies PartnershipState} and ${partnerships.endsOn} <= ${dueBy}::date) is true`;

const ofProvider = (providerId: string) => eq(partnerships.providerOrganisationId, providerId);

const notClosed = ne(partnerships.state, 'closed' satisfies PartnershipState);

export interface StateTally {
  state: PartnershipState;
  count: number;
  reviewsOverdue: number;
  /**
   * The budgets of these partnerships and the time used against them, when they are still running:
   * 0 for those closed, which no total counts (and which pile up over the years, so are not summed).
   */
  plannedMinutes: number;
  usedMinutes: number;
}

/** The provider's partnerships counted at each state they are at, in one grouped query. */
export async function tallyByState(
  db: AppDb,
  { providerId, dueBy }: { providerId: string; dueBy: string },
): Promise<StateTally[]> {
  // Each partnership's time is summed beside it, from the budget index alone.
  const used = db
    .select({ minutes: sql<number>`sum(${partnershipTimeEntries.minutes})`.as('minutes') })
    .from(partnershipTimeEntries)
    .where(
      and(
        eq(partnershipTimeEntries.partnershipId, partnerships.id),
        eq(partnershipTimeEntries.countsAgainstBudget, true),
        notClosed,
      ),
    )
    .as('used');
  const planned = sql`${partnerships.readingMinutes} + ${partnerships.schoolVisitsMinutes} + ${partnerships.establishingMinutes} + ${partnerships.meetingsMinutes}`;
  return db
    .select({
      state: partnerships.state,
      count: count(),
      reviewsOverdue: sql<number>`count(*) filter (where ${reviewOverdue(dueBy)})`.mapWith(Number),
      plannedMinutes: sql<number>`coalesce(sum(${planned}) filter (where ${notClosed}), 0)`.mapWith(Number),
      usedMinutes: sql<number>`coalesce(sum(${used.minutes}), 0)`.mapWith(Number),
    })
    .from(partnerships)
    .leftJoinLateral(used, sql`true`)
    .where(ofProvider(providerId))
    .groupBy(partnerships.state);
}

/** A row of the dashboard's list: what it shows of a partnership, and its budget for the time used. */
const dashboardColumns = {
  id: partnerships.id,
  title: partnerships.title,
  kind: partnerships.kind,
  state: partnerships.state,
  ...termAndBudgetColumns,
};

export type DashboardRow = Pick<typeof partnerships.$inferSelect, keyof typeof dashboardColumns>;

/**
 * One page of the provider's partnerships, all or those at `state`. Reviews overdue come first, as
 * they are what the provider has to act on; then the newest first, as on the partnerships list, with
 * the id to settle ties so that no partnership is on two pages.
 */
export async function listPartnershipsPage(
  db: AppDb,
  {
    providerId,
    state,
    dueBy,
    limit,
    offset,
  }: { providerId: string; state: PartnershipState | null; dueBy: string; limit: number; offset: number },
): Promise<DashboardRow[]> {
  return db
    .select(dashboardColumns)
    .from(partnerships)
    .where(and(ofProvider(providerId), state ? eq(partnerships.state, state) : undefined))
    .orderBy(desc(reviewOverdue(dueBy)), desc(partnerships.createdAt), desc(partnerships.id))
    .limit(limit)
    .offset(offset);
}
