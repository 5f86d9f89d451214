import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { MEETING_STATES, loadForContent, overspendWarnings, type Overspend } from './meetings.service.ts';
import { assertState, recordPartnershipRead } from './partnership-access.service.ts';
import * as partnerships from './partnerships.repository.ts';
import * as timeEntries from './time-entries.repository.ts';
import { budgetUsage, timeBudgetProblems, type BudgetUsage } from './time-budget.ts';

export interface ConversationInput {
  /** "2026-11-30" */
  occurredOn: string;
  minutes: number;
  description: string;
  countsAgainstBudget: boolean;
}

export async function getConversationForm({
  db,
  actor,
  partnershipId,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
}) {
  const partnership = await loadForContent(db, actor, partnershipId);
  assertState(partnership, MEETING_STATES);
  return { partnership };
}

/**
 * Logs an ad hoc conversation between meetings, against the meetings part of the budget unless
 * the person says it does not count, warning first when counting it would overspend.
 */
export async function logConversation({
  db,
  actor,
  partnershipId,
  input,
  confirmOverspend,
  creationKey,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  input: ConversationInput;
  confirmOverspend: boolean;
  creationKey: string;
}): Promise<{ outcome: 'saved' } | Overspend> {
  return db.transaction(async (tx) => {
    const partnership = await loadForContent(tx, actor, partnershipId, true);
    assertState(partnership, MEETING_STATES);
    if (input.countsAgainstBudget) {
      const proposed = { component: 'meetings' as const, minutes: input.minutes };
      const warnings = await overspendWarnings(tx, partnership, proposed);
      if (warnings.length > 0 && !confirmOverspend) return { outcome: 'overspend', warnings };
    }
    await timeEntries.insertTimeEntry(tx, {
      partnershipId,
      component: 'meetings',
      minutes: input.minutes,
      occurredOn: input.occurredOn,
      description: input.description,
      adHoc: true,
      countsAgainstBudget: input.countsAgainstBudget,
      loggedByPersonId: actor?.personId ?? null,
      creationKey: `conversation:${partnershipId}:${creationKey}`,
    });
    return { outcome: 'saved' };
  });
}

/** Planned, used and remaining time per part and overall, with what is booked; the look is audited. */
export async function getBudgetPage({
  db,
  actor,
  partnershipId,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  audit: AuditRequestContext;
}): Promise<{
  partnership: partnerships.PartnershipRow;
  usage: BudgetUsage | null;
  bookedMinutes: number;
}> {
  const partnership = await loadForContent(db, actor, partnershipId);
  const budget = partnerships.budgetOf(partnership);
  const { used, booked } = await timeEntries.listUsedAndBooked(db, partnershipId);
  await recordPartnershipRead(db, { actor, partnership, kind: 'partnership.budget' }, audit);
  return {
    partnership,
    usage: timeBudgetProblems(budget).length === 0 ? budgetUsage(budget, used) : null,
    bookedMinutes: booked.reduce((total, each) => total + each.minutes, 0),
  };
}
