import { assertAllowed } from '../../platform/access/access.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { fetchPageOrLast, type Paged } from '../../platform/db/paging.ts';
import { AppError } from '../../platform/http/app-error.ts';
import * as repository from './dashboard.repository.ts';
import { runProvider } from './partnerships.policy.ts';
import { summariesOf, type PartnershipSummary } from './partnerships.service.ts';
import { partnershipStates, type PartnershipState } from './partnerships.tables.ts';

/** The third-term review is due from this many days before the term ends (its last term). */
export const REVIEW_DUE_DAYS = 120;

export const DASHBOARD_PAGE_SIZE = 25;

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether a partnership still in its meetings has reached its last term without starting its review.
 * The dashboard's counts and order say the same in SQL (dashboard.repository.ts); a test holds them together.
 */
export function reviewOverdue(partnership: Pick<repository.DashboardRow, 'state' | 'endsOn'>, today: string): boolean {
  if (partnership.state !== 'meetings' || !partnership.endsOn) return false;
  const daysLeft = (Date.parse(`${partnership.endsOn}T12:00:00Z`) - Date.parse(`${today}T12:00:00Z`)) / DAY_MS;
  return daysLeft <= REVIEW_DUE_DAYS;
}

/** The last day a partnership may end on and have its review overdue today: today plus REVIEW_DUE_DAYS. */
function reviewDueBy(today: string): string {
  return new Date(Date.parse(`${today}T12:00:00Z`) + REVIEW_DUE_DAYS * DAY_MS).toISOString().slice(0, 10);
}

export interface ProviderDashboard extends Paged {
  provider: { id: string; name: string };
  /** Every state, in the order of the lifecycle, with 0 where the provider has none. */
  byState: Array<{ state: PartnershipState; count: number }>;
  reviewsOverdue: number;
  /** Minutes used and planned across every partnership not closed. */
  totals: { usedMinutes: number; plannedMinutes: number };
  /** The state the list shows; null when it shows every partnership. */
  state: PartnershipState | null;
  /** How many partnerships the list holds, over all its pages. */
  total: number;
  /** The page's partnerships. */
  partnerships: Array<PartnershipSummary<repository.DashboardRow> & { reviewOverdue: boolean }>;
}

/**
 * A provider's partnerships as its staff may see them: how many at each state, time used against
 * the budgets, reviews overdue, and one page of the partnerships (all, or those at one state) with
 * their parties, state, dates and time used. Nothing of any partnership's content is read here.
 */
export async function getProviderDashboard({
  db,
  actor,
  organisationId,
  state,
  page,
  today,
}: {
  db: AppDb;
  actor: Viewer | null;
  organisationId: string;
  state: PartnershipState | null;
  page: number;
  /** "2026-11-24", London. */
  today: string;
}): Promise<ProviderDashboard> {
  await assertAllowed(db, { actor, permission: runProvider, ids: [organisationId], whenDenied: 'not-found' });
  const name = actor?.memberships.find((each) => each.organisationId === organisationId)?.organisationName;
  if (!name) throw AppError.notFound();
  const dueBy = reviewDueBy(today);
  const counted = await repository.tallyByState(db, { providerId: organisationId, dueBy });
  const sumOf = (field: keyof Omit<repository.StateTally, 'state'>) =>
    counted.reduce((sum, each) => sum + each[field], 0);
  const countOf = (wanted: PartnershipState) => counted.find((each) => each.state === wanted)?.count ?? 0;
  const total = state ? countOf(state) : sumOf('count');
  const { rows, ...paged } = await fetchPageOrLast(page, DASHBOARD_PAGE_SIZE, async (limit, offset) => ({
    rows: await repository.listPartnershipsPage(db, { providerId: organisationId, state, dueBy, limit, offset }),
    total,
  }));
  const summaries = await summariesOf(db, rows);
  return {
    ...paged,
    provider: { id: organisationId, name },
    byState: partnershipStates.map((each) => ({ state: each, count: countOf(each) })),
    reviewsOverdue: sumOf('reviewsOverdue'),
    totals: { usedMinutes: sumOf('usedMinutes'), plannedMinutes: sumOf('plannedMinutes') },
    state,
    partnerships: summaries.map((summary) => ({
      ...summary,
      reviewOverdue: reviewOverdue(summary.partnership, today),
    })),
  };
}
