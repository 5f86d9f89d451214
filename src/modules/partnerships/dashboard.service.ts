import { assertAllowed } from '../../platform/access/access.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { runProvider } from './partnerships.policy.ts';
import * as repository from './partnerships.repository.ts';
import { summariesOf, type PartnershipSummary } from './partnerships.service.ts';
import { partnershipStates, type PartnershipState } from './partnerships.tables.ts';

/** The third-term review is due from this many days before the term ends (its last term). */
export const REVIEW_DUE_DAYS = 120;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whether a partnership still in its meetings has reached its last term without starting its review. */
export function reviewOverdue(
  partnership: Pick<repository.PartnershipRow, 'state' | 'endsOn'>,
  today: string,
): boolean {
  if (partnership.state !== 'meetings' || !partnership.endsOn) return false;
  const daysLeft = (Date.parse(`${partnership.endsOn}T12:00:00Z`) - Date.parse(`${today}T12:00:00Z`)) / DAY_MS;
  return daysLeft <= REVIEW_DUE_DAYS;
}

export interface ProviderDashboard {
  provider: { id: string; name: string };
  byState: Array<{ state: PartnershipState; count: number }>;
  partnerships: Array<PartnershipSummary & { reviewOverdue: boolean }>;
  /** Minutes used and planned across every partnership not closed. */
  totals: { usedMinutes: number; plannedMinutes: number };
}

/**
 * A provider's partnerships as its staff may see them: parties, state, dates, time used against
 * the budget, and reviews overdue. Nothing of any partnership's content is read here.
 */
export async function getProviderDashboard({
  db,
  actor,
  organisationId,
  today,
}: {
  db: AppDb;
  actor: Viewer | null;
  organisationId: string;
  /** "2026-11-24", London. */
  today: string;
}): Promise<ProviderDashboard> {
  await assertAllowed(db, { actor, permission: runProvider, ids: [organisationId], whenDenied: 'not-found' });
  const name = actor?.memberships.find((each) => each.organisationId === organisationId)?.organisationName;
  if (!name) throw AppError.notFound();
  const summaries = await summariesOf(db, await repository.listPartnershipsOfProviders(db, [organisationId]));
  const open = summaries.filter(({ partnership }) => partnership.state !== 'closed');
  return {
    provider: { id: organisationId, name },
    byState: partnershipStates.map((state) => ({
      state,
      count: summaries.filter(({ partnership }) => partnership.state === state).length,
    })),
    partnerships: summaries.map((summary) => ({
      ...summary,
      reviewOverdue: reviewOverdue(summary.partnership, today),
    })),
    totals: {
      usedMinutes: open.reduce((total, { usage }) => total + usage.overall.usedMinutes, 0),
      plannedMinutes: open.reduce((total, { usage }) => total + usage.overall.plannedMinutes, 0),
    },
  };
}
