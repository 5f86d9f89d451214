import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { londonToday } from '../../platform/views/london-time.ts';
import {
  assertState,
  loadPartnership,
  mayOn,
  recordPartnershipRead,
  type PartnershipRow,
} from './partnership-access.service.ts';
import { actAsMentee, actAsMentor, seePartnershipContent } from './partnerships.policy.ts';
import type { Permission } from '../../platform/access/access.ts';
import * as partnershipsRepository from './partnerships.repository.ts';
import type { PartnershipState } from './partnerships.tables.ts';
import * as repository from './preparation.repository.ts';
import type { BudgetComponent } from './time-budget.ts';

export type { DocumentRow, RequestRow, SchoolRow, VisitRow } from './preparation.repository.ts';

/** Documents and visits are added once the agreement is accepted, and until the partnership closes. */
const changeStates: readonly PartnershipState[] = ['preparation', 'establishing', 'meetings', 'review'];

/** The school visits day counts as done from this many visits done. */
export const VISITS_NEEDED = 2;

/** The most one time entry holds (the table's own limit): a longer day is logged in parts. */
const MAX_ENTRY_MINUTES = 1440;

const readingKey = (partnershipId: string) => `reading:${partnershipId}`;
const visitsKey = (partnershipId: string) => `school-visits:${partnershipId}`;

type Actor = Viewer | null;

async function load(db: AppDb, actor: Actor, partnershipId: string, permission: Permission, forUpdate = false) {
  return loadPartnership(db, { actor, partnershipId, permission, forUpdate });
}

/** Whether the reading day is done: logged, or nothing to log (a budget with no reading time). */
async function readingDoneAt(db: AppDb, partnership: PartnershipRow): Promise<Date | null | 'no-time'> {
  const logged = (await repository.timeEntriesByKey(db, [readingKey(partnership.id)])).get(readingKey(partnership.id));
  if (logged) return logged;
  return partnership.readingMinutes === 0 ? 'no-time' : null;
}

export interface PreparationPage {
  partnership: PartnershipRow;
  requests: Array<repository.RequestRow & { documents: repository.DocumentRow[] }>;
  visits: repository.VisitRow[];
  visitsDone: number;
  readingDone: Date | null | 'no-time';
  /** The mentee side: adds items and gives documents. */
  asMentee: boolean;
  /** The mentor side: says the reading is done. */
  asMentor: boolean;
  /** Documents and visits may be added at this stage. */
  open: boolean;
}

/** The checklist with what is in, and the visits: for the partnership's participants alone, audited. */
export async function getPreparation({
  db,
  actor,
  partnershipId,
  audit,
}: {
  db: AppDb;
  actor: Actor;
  partnershipId: string;
  audit: AuditRequestContext;
}): Promise<PreparationPage> {
  const partnership = await load(db, actor, partnershipId, seePartnershipContent);
  const requests = await repository.listRequests(db, partnershipId);
  const documents = await repository.listDocuments(
    db,
    requests.map((each) => each.id),
  );
  const visits = await repository.listVisits(db, partnershipId);
  await recordPartnershipRead(db, { actor, partnership, kind: 'partnership.documents' }, audit);
  return {
    partnership,
    requests: requests.map((request) => ({
      ...request,
      documents: documents.filter((each) => each.requestId === request.id),
    })),
    visits,
    visitsDone: visits.filter((each) => each.status === 'done').length,
    readingDone: await readingDoneAt(db, partnership),
    asMentee: await mayOn(db, actor, actAsMentee, partnershipId),
    asMentor: await mayOn(db, actor, actAsMentor, partnershipId),
    open: changeStates.includes(partnership.state),
  };
}

/** The partnership, for the mentee side adding to its checklist at a stage that allows it. */
export async function getRequestForm({ db, actor, partnershipId }: { db: AppDb; actor: Actor; partnershipId: string }) {
  const partnership = await load(db, actor, partnershipId, actAsMentee);
  assertState(partnership, changeStates);
  return partnership;
}

export async function addDocumentRequest({
  db,
  actor,
  partnershipId,
  title,
  detail,
  creationKey,
}: {
  db: AppDb;
  actor: Actor;
  partnershipId: string;
  title: string;
  detail: string;
  creationKey: string;
}): Promise<void> {
  if (!actor) throw AppError.notFound();
  await db.transaction(async (tx) => {
    const partnership = await load(tx, actor, partnershipId, actAsMentee, true);
    assertState(partnership, changeStates);
    await repository.insertRequest(tx, { partnershipId, title, detail, addedByPersonId: actor.personId, creationKey });
  });
}

/** One request with what was given for it, for the mentee side to give more. */
export async function getGiveForm({
  db,
  actor,
  partnershipId,
  requestId,
}: {
  db: AppDb;
  actor: Actor;
  partnershipId: string;
  requestId: string;
}) {
  const partnership = await load(db, actor, partnershipId, actAsMentee);
  const request = await repository.findRequest(db, partnershipId, requestId);
  if (!request) throw AppError.notFound();
  assertState(partnership, changeStates);
  return { partnership, request, documents: await repository.listDocuments(db, [requestId]) };
}

/** What keeps uploaded files: see platform/files. */
export interface DocumentStore {
  save(file: { data: Buffer; originalName: string; contentType: string }): Promise<{
    storedName: string;
    originalName: string;
    contentType: string;
    size: number;
  }>;
  remove(storedName: string): Promise<void>;
}

/**
 * Gives a file, a link or both for a request, with a note. The file is stored as the row is
 * written; if the row is not written (an error, or the same form sent twice) it is removed again.
 */
export async function giveDocument({
  db,
  actor,
  partnershipId,
  requestId,
  input,
  creationKey,
  fileStore,
}: {
  db: AppDb;
  actor: Actor;
  partnershipId: string;
  requestId: string;
  input: {
    link: string | null;
    note: string;
    file: { data: Buffer; originalName: string; contentType: string } | null;
  };
  creationKey: string;
  fileStore: DocumentStore;
}): Promise<void> {
  if (!actor) throw AppError.notFound();
  if (!input.link && !input.file) throw new AppError('Invalid', 'Give a file or a link');
  const written: string[] = [];
  try {
    const inserted = await db.transaction(async (tx) => {
      const { partnership } = await getGiveForm({ db: tx, actor, partnershipId, requestId });
      const file = input.file ? await fileStore.save(input.file) : null;
      if (file) written.push(file.storedName);
      return repository.insertDocument(tx, {
        partnershipId: partnership.id,
        requestId,
        link: input.link,
        fileName: file?.originalName ?? null,
        storedName: file?.storedName ?? null,
        contentType: file?.contentType ?? null,
        size: file?.size ?? null,
        note: input.note,
        addedByPersonId: actor.personId,
        creationKey,
      });
    });
    if (!inserted) await Promise.allSettled(written.map((name) => fileStore.remove(name)));
  } catch (error) {
    await Promise.allSettled(written.map((name) => fileStore.remove(name)));
    throw error;
  }
}

/** A document's file, for the partnership's participants; each download is audited. */
export async function getDocumentFile({
  db,
  actor,
  partnershipId,
  documentId,
  audit,
}: {
  db: AppDb;
  actor: Actor;
  partnershipId: string;
  documentId: string;
  audit: AuditRequestContext;
}): Promise<{ name: string; storedName: string; contentType: string }> {
  const partnership = await load(db, actor, partnershipId, seePartnershipContent);
  const row = await repository.findDocumentFile(db, partnershipId, documentId);
  if (!row?.storedName || !row.fileName) throw AppError.notFound();
  await recordPartnershipRead(
    db,
    { actor, partnership, kind: 'partnership.document-file', details: { documentId } },
    audit,
  );
  return { name: row.fileName, storedName: row.storedName, contentType: row.contentType ?? 'application/octet-stream' };
}

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
