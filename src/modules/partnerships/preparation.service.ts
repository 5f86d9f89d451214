import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { assertState, mayOn, recordPartnershipRead, type PartnershipRow } from './partnership-access.service.ts';
import { actAsMentee, actAsMentor, seePartnershipContent } from './partnerships.policy.ts';
import * as repository from './preparation.repository.ts';
import { changeStates, load, readingDoneAt, type Actor } from './preparation-access.service.ts';

export type { DocumentRow, RequestRow, SchoolRow, VisitRow } from './preparation.repository.ts';
export { VISITS_NEEDED } from './preparation-access.service.ts';

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
