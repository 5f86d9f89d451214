import type { Permission } from '../../platform/access/access.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { loadPartnership, type PartnershipRow } from './partnership-access.service.ts';
import type { PartnershipState } from './partnerships.tables.ts';
import * as repository from './preparation.repository.ts';

/** What preparation's two services (documents, and the reading and visits days) share. */

export type Actor = Viewer | null;

/** Documents and visits are added once the agreement is accepted, and until the partnership closes. */
export const changeStates: readonly PartnershipState[] = ['preparation', 'establishing', 'meetings', 'review'];

/** The school visits day counts as done from this many visits done. */
export const VISITS_NEEDED = 2;

/** The creation keys of the two days' time entries: each is logged once. */
export const readingKey = (partnershipId: string) => `reading:${partnershipId}`;
export const visitsKey = (partnershipId: string) => `school-visits:${partnershipId}`;

export async function load(db: AppDb, actor: Actor, partnershipId: string, permission: Permission, forUpdate = false) {
  return loadPartnership(db, { actor, partnershipId, permission, forUpdate });
}

/** Whether the reading day is done: logged, or nothing to log (a budget with no reading time). */
export async function readingDoneAt(db: AppDb, partnership: PartnershipRow): Promise<Date | null | 'no-time'> {
  const logged = (await repository.timeEntriesByKey(db, [readingKey(partnership.id)])).get(readingKey(partnership.id));
  if (logged) return logged;
  return partnership.readingMinutes === 0 ? 'no-time' : null;
}
