import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { londonToday } from '../../platform/views/london-time.ts';
import { assertState, type PartnershipRow } from './partnership-access.service.ts';
import { actAsMentor, seePartnershipContent } from './partnerships.policy.ts';
import * as partnershipsRepository from './partnerships.repository.ts';
import {
  changeStates,
  load,
  readingDoneAt,
  readingKey,
  VISITS_NEEDED,
  visitsKey,
  type Actor,
} from './preparation-access.service.ts';
import * as repository from './preparation.repository.ts';
import type { BudgetComponent } from './time-budget.ts';

/** Preparation's two days: visits to the mentee trust's schools, and the mentor's reading, each logged once. */

/** The most one time entry holds (the table's own limit): a longer day is logged in parts. */
const MAX_ENTRY_MINUTES = 1440;

/** The mentee trust's open schools and the visits planned so far, for a participant planning one. */
export async function getVisitForm({ db, actor, partnershipId }: { db: AppDb; actor: Actor; partnershipId: string }) {
  const partnership = await load(db, actor, partnershipId, seePartnershipContent);
  assertState(partnership, changeStates);
  return {
    partnership,
    schools: await repository.listTrustSchools(db, partnership.menteeTrustId),
    visits: await repository.listVisits(db, partnershipId),
  };
}

export async function planVisit({
  db,
  actor,
  partnershipId,
  visit,
  creationKey,
}: {
  db: AppDb;
  actor: Actor;
  partnershipId: string;
  visit: { schoolId: string; visitOn: string; meeting: string };
  creationKey: string;
}): Promise<void> {
  await db.transaction(async (tx) => {
    const { schools } = await getVisitForm({ db: tx, actor, partnershipId });
    if (!schools.some((school) => school.id === visit.schoolId)) {
      throw new AppError('Invalid', 'A visit is to one of the mentee trust’s schools');
    }
    await repository.insertVisit(tx, { partnershipId, ...visit, creationKey });
  });
}

/** Logs a preparation day once, in parts of at most a day and night each. */
async function logDay(
  db: AppDb,
  {
    partnershipId,
    component,
    minutes,
    key,
    description,
    actor,
  }: {
    partnershipId: string;
    component: BudgetComponent;
    minutes: number;
    key: string;
    description: string;
    actor: Viewer;
  },
) {
  const occurredOn = londonToday();
  for (let part = 0; part * MAX_ENTRY_MINUTES < minutes; part += 1) {
    await repository.insertTimeEntry(db, {
      partnershipId,
      component,
      minutes: Math.min(MAX_ENTRY_MINUTES, minutes - part * MAX_ENTRY_MINUTES),
      occurredOn,
      description,
      loggedByPersonId: actor.personId,
      creationKey: part === 0 ? key : `${key}:${part + 1}`,
    });
  }
}

/** Once reading and two visits are done, a partnership in preparation moves on to establishing. */
async function moveOnWhenPrepared(db: AppDb, partnership: PartnershipRow): Promise<void> {
  if (partnership.state !== 'preparation') return;
  const reading = await readingDoneAt(db, partnership);
  const visits = await repository.countDoneVisits(db, partnership.id);
  if (reading && visits >= VISITS_NEEDED) await partnershipsRepository.setState(db, partnership.id, 'establishing');
}

/** A participant marks a visit done; the second done visit logs the school visits day. */
export async function markVisitDone({
  db,
  actor,
  partnershipId,
  visitId,
}: {
  db: AppDb;
  actor: Actor;
  partnershipId: string;
  visitId: string;
}): Promise<void> {
  if (!actor) throw AppError.notFound();
  await db.transaction(async (tx) => {
    const partnership = await load(tx, actor, partnershipId, seePartnershipContent, true);
    assertState(partnership, changeStates);
    if (!(await repository.markVisitDone(tx, partnershipId, visitId))) throw AppError.notFound();
    if ((await repository.countDoneVisits(tx, partnershipId)) >= VISITS_NEEDED) {
      await logDay(tx, {
        partnershipId,
        component: 'school-visits',
        minutes: partnership.schoolVisitsMinutes,
        key: visitsKey(partnershipId),
        description: 'School visits day',
        actor,
      });
    }
    await moveOnWhenPrepared(tx, partnership);
  });
}

/** The mentor side says the documents are read: the reading day is logged, once. */
export async function markReadingDone({
  db,
  actor,
  partnershipId,
}: {
  db: AppDb;
  actor: Actor;
  partnershipId: string;
}): Promise<void> {
  if (!actor) throw AppError.notFound();
  await db.transaction(async (tx) => {
    const partnership = await load(tx, actor, partnershipId, actAsMentor, true);
    assertState(partnership, changeStates);
    await logDay(tx, {
      partnershipId,
      component: 'reading',
      minutes: partnership.readingMinutes,
      key: readingKey(partnershipId),
      description: 'Reading day: the documents asked for',
      actor,
    });
    await moveOnWhenPrepared(tx, partnership);
  });
}
