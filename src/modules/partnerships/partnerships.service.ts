import { allowedIds, permissionsOn } from '../../platform/access/access.ts';
import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { loadPartnership, recordPartnershipRead } from './partnership-access.service.ts';
import {
  actAsMentee,
  managePartnership,
  runProvider,
  seePartnershipContent,
  seePartnershipSummary,
} from './partnerships.policy.ts';
import * as repository from './partnerships.repository.ts';
import type { PartnershipSide } from './partnerships.tables.ts';
import { budgetUsage, type BudgetUsage } from './time-budget.ts';

export type { ParticipantRow, PartnershipRow } from './partnerships.repository.ts';

/** What a summary is made from: the id, for the people and time, and the budget. */
type SummaryRow = Pick<
  repository.PartnershipRow,
  'id' | 'readingMinutes' | 'schoolVisitsMinutes' | 'establishingMinutes' | 'meetingsMinutes'
>;

/** What provider staff may see of a partnership, and everything its participants see on its page. */
export interface PartnershipSummary<Row extends SummaryRow = repository.PartnershipRow> {
  partnership: Row;
  participants: repository.ParticipantRow[];
  usage: BudgetUsage;
}

export interface PartnershipOverview extends PartnershipSummary {
  /** A participant: the content pages are open to them. */
  content: boolean;
  /** The mentee side: preferences, chemistry notes, choosing, the read log. */
  mentee: boolean;
  /** The provider's staff: matching, confirming, agreements, participants. */
  manage: boolean;
  side: PartnershipSide | null;
}

/** The people and time used of each partnership: one query for each, whatever the number of rows. */
export async function summariesOf<Row extends SummaryRow>(
  db: AppDb,
  rows: Row[],
): Promise<Array<PartnershipSummary<Row>>> {
  const ids = rows.map((row) => row.id);
  const [participants, used] = await Promise.all([
    repository.listParticipants(db, ids),
    repository.timeUsedBy(db, ids),
  ]);
  return rows.map((partnership) => ({
    partnership,
    participants: participants.filter((each) => each.partnershipId === partnership.id),
    usage: budgetUsage(repository.budgetOf(partnership), used.get(partnership.id) ?? []),
  }));
}

/**
 * The partnership's page: for participants its stages with links to its content (the read is
 * audited), for the provider's staff what they may see (parties, state, dates, time used).
 */
export async function getPartnershipOverview({
  db,
  actor,
  partnershipId,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  audit: AuditRequestContext;
}): Promise<PartnershipOverview> {
  const partnership = await loadPartnership(db, { actor, partnershipId, permission: seePartnershipSummary });
  const [[summary], { content, mentee, manage }] = await Promise.all([
    summariesOf(db, [partnership]),
    permissionsOn(db, {
      actor,
      permissions: { content: seePartnershipContent, mentee: actAsMentee, manage: managePartnership },
      id: partnershipId,
    }),
  ]);
  if (!summary) throw AppError.notFound();
  if (content) await recordPartnershipRead(db, { actor, partnership, kind: 'partnership.overview' }, audit);
  const side = summary.participants.find((each) => each.personId === actor?.personId)?.side ?? null;
  return { ...summary, content, mentee, manage, side };
}

/**
 * The partnerships the actor takes part in, and the providers they run. A provider's own
 * partnerships (thousands, at scale) are on its dashboard, a page at a time, not here.
 */
export async function listPartnerships({ db, actor }: { db: AppDb; actor: Viewer | null }) {
  if (!actor) throw AppError.forbidden();
  const providerIds = [...new Set(actor.memberships.map((each) => each.organisationId))];
  const [runs, mine] = await Promise.all([
    allowedIds(db, { actor, permission: runProvider, ids: providerIds }),
    repository.listPartnershipsOf(db, actor.personId),
  ]);
  const providers = actor.memberships
    .filter((each) => runs.has(each.organisationId))
    .map((each) => ({ id: each.organisationId, name: each.organisationName }));
  return {
    mine: await summariesOf(db, mine),
    providers: [...new Map(providers.map((each) => [each.id, each])).values()],
  };
}
