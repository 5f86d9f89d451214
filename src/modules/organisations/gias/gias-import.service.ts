import type { AppDb } from '../../../platform/db/database.ts';
import { importFile, type FilePlan, type FileReport, type ImportOptions, type Pending } from './batch-import.ts';
import { readCsv, type CsvSource } from './csv-reader.ts';
import * as repository from './gias-import.repository.ts';
import {
  listStoredRatings,
  listStoredSchools,
  listStoredTrusts,
  type StoredSchool,
  type StoredTrust,
} from './gias-stored.repository.ts';
import {
  establishmentColumns,
  ofstedColumns,
  trustColumns,
  validateEstablishmentRow,
  validateOfstedRow,
  validateTrustRow,
  type OfstedRecord,
  type SchoolRecord,
  type TrustRecord,
} from './gias-rows.ts';

export type { CsvSource } from './csv-reader.ts';
export { CsvFileError } from './csv-reader.ts';
export { DEFAULT_BATCH_SIZE, type FileReport, type GiasFileKind, type LineNote } from './batch-import.ts';

export interface GiasFiles {
  trusts?: CsvSource;
  establishments?: CsvSource;
  ofsted?: CsvSource;
}

/**
 * Imports a GIAS extract: trusts first, then establishments (linked to their trusts by
 * "Trusts (code)" = group UID), then Ofsted ratings by URN. Creates or updates by URN and group
 * UID and writes nothing for a row that matches what is stored, so a second run reports every
 * row unchanged. A row that does not validate is rejected with its line number and the rest
 * carry on; writes go in batches, each batch one transaction.
 *
 * What is stored is read once before each file, so a row that matches it is counted unchanged
 * without being sent to the database at all; the writes compare again in SQL, so a row changed
 * by someone else in the meantime is still written only where it differs.
 *
 * Run by the operator (the command line) and by the demo seed on a fresh instance: there is no
 * signed-in actor, and access is whoever can run the process against the database.
 */
export async function importGiasRegister({
  db,
  files,
  ...options
}: {
  db: AppDb;
  files: GiasFiles;
} & ImportOptions): Promise<FileReport[]> {
  const reports: FileReport[] = [];
  // What is stored is read at the start, all at once: the trusts file changes no school and the
  // establishments file no rating, so nothing read goes stale before its file is imported.
  const storedTrusts = files.trusts && readEarly(listStoredTrusts(db));
  const storedSchools = files.establishments && readEarly(listStoredSchools(db));
  const storedRatings = files.ofsted && readEarly(listStoredRatings(db));
  // Statistics refreshed after a file that created rows, while the next file gets going.
  let analysed: Promise<void> = Promise.resolve();
  const imported = async <T, W>(plan: FilePlan<T, W>) => {
    const report = await importFile(db, plan, options);
    reports.push(report);
    if (report.created > 0) analysed = repository.analyzeOrganisations(db);
  };
  if (files.trusts && storedTrusts) {
    const trusts = await storedTrusts;
    const plan: FilePlan<TrustRecord, TrustRecord> = {
      kind: 'trusts',
      source: files.trusts,
      columns: trustColumns,
      validate: validateTrustRow,
      key: (trust) => trust.groupUid,
      keyName: 'Group UID',
      prepare: ({ record }) => (sameTrust(trusts.get(record.groupUid), record) ? UNCHANGED : { write: record }),
      write: async (tx, batch) => ({
        ...(await repository.upsertTrusts(tx, records(batch))),
        rejections: [],
      }),
    };
    await imported(plan);
  }
  if (files.establishments && storedSchools) {
    // Read after the trusts: a school names its trust by group UID, the link is by id.
    const [trustIds, schools] = await Promise.all([repository.listTrustIdsByGroupUid(db), storedSchools, analysed]);
    const plan: FilePlan<SchoolRecord, repository.SchoolWrite> = {
      kind: 'establishments',
      source: files.establishments,
      columns: establishmentColumns,
      validate: validateEstablishmentRow,
      key: (school) => school.urn,
      keyName: 'URN',
      prepare: ({ line, record }, report) => {
        const { trustUid } = record;
        const trustId = trustUid === null ? null : (trustIds.get(trustUid) ?? null);
        if (trustUid !== null && trustId === null) {
          report.warnings.push({
            line,
            reason: `Trusts (code) ${trustUid} is not a trust in the register; the school is imported without its trust`,
          });
        }
        return sameSchool(schools.get(record.urn), record, trustId)
          ? UNCHANGED
          : { write: { school: record, trustId } };
      },
      write: async (db, batch) => {
        const rows = records(batch);
        // A batch of schools that were all new when the file was started (all of a first import) needs no conflict check.
        const allNew = rows.every(({ school }) => !schools.has(school.urn));
        const outcome = await (allNew ? repository.insertNewSchools : repository.upsertSchools)(db, rows);
        return { ...outcome, rejections: [] };
      },
    };
    await imported(plan);
  }
  if (files.ofsted && storedRatings) {
    const [ratings] = await Promise.all([storedRatings, analysed]);
    const plan: FilePlan<OfstedRecord, OfstedRecord> = {
      kind: 'ofsted',
      source: files.ofsted,
      columns: ofstedColumns,
      validate: validateOfstedRow,
      key: (rating) => rating.urn,
      keyName: 'URN',
      prepare: ({ record }) => {
        const stored = ratings.get(record.urn);
        const same =
          stored !== undefined && stored.rating === record.rating && stored.inspectionDate === record.inspectionDate;
        return same ? UNCHANGED : { write: record };
      },
      // A rating changes a school that exists: it is never "created", and one for no school is refused.
      write: async (tx, batch) => {
        const { updated, missing } = await repository.applyOfstedRatings(tx, records(batch));
        const missingUrns = new Set(missing);
        const rejections = batch
          .filter(({ record }) => missingUrns.has(record.urn))
          .map(({ line, record }) => ({ line, reason: `URN ${record.urn} is not a school in the register` }));
        return { created: 0, updated, rejections };
      },
    };
    await imported(plan);
  }
  await analysed;
  return reports;
}

const UNCHANGED = { unchanged: true } as const;

/** A read started before it is needed: should it fail while another is awaited, it fails when it is. */
function readEarly<T>(read: Promise<T>): Promise<T> {
  read.catch(() => undefined);
  return read;
}

function sameTrust(stored: StoredTrust | undefined, trust: TrustRecord): boolean {
  return (
    stored !== undefined &&
    stored.kind === 'trust' &&
    stored.name === trust.name &&
    stored.trustType === trust.trustType &&
    stored.companiesHouseNumber === trust.companiesHouseNumber &&
    stored.town === trust.town &&
    stored.postcode === trust.postcode
  );
}

function sameSchool(stored: StoredSchool | undefined, school: SchoolRecord, trustId: string | null): boolean {
  return (
    stored !== undefined &&
    stored.kind === 'school' &&
    stored.name === school.name &&
    stored.phase === school.phase &&
    stored.establishmentType === school.establishmentType &&
    stored.status === school.status &&
    stored.localAuthority === school.localAuthority &&
    stored.region === school.region &&
    stored.town === school.town &&
    stored.postcode === school.postcode &&
    stored.pupilCount === school.pupilCount &&
    stored.trustId === trustId
  );
}

/**
 * Reads the header of each file and throws a CsvFileError for one that lacks a column the import
 * needs, so that a file given in the wrong place is reported before anything is written.
 */
export async function checkGiasFiles(files: GiasFiles): Promise<void> {
  const expected = [
    [files.trusts, trustColumns],
    [files.establishments, establishmentColumns],
    [files.ofsted, ofstedColumns],
  ] as const;
  for (const [source, columns] of expected) {
    if (source === undefined) continue;
    const rows = readCsv(source, columns);
    await rows.next();
    await rows.return(undefined);
  }
}

const records = <W>(batch: Array<Pending<W>>): W[] => batch.map(({ record }) => record);
