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
  const imported = async <T, W>(plan: FilePlan<T, W>) => {
    const report = await importFile(db, plan, options);
    reports.push(report);
    if (report.created > 0) await repository.analyzeOrganisations(db);
  };
  if (files.trusts) {
    const trusts = await listStoredTrusts(db);
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
  if (files.establishments) {
    // Read after the trusts: a school names its trust by group UID, the link is by id.
    const trustIds = await repository.listTrustIdsByGroupUid(db);
    const schools = await listStoredSchools(db);
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
        const school = { ...record, trustId };
        return sameSchool(schools.get(record.urn), school) ? UNCHANGED : { write: school };
      },
      write: async (tx, batch) => ({
        ...(await repository.upsertSchools(tx, records(batch))),
        rejections: [],
      }),
    };
    await imported(plan);
  }
  if (files.ofsted) {
    const ratings = await listStoredRatings(db);
    const notASchool = (urn: number) => `URN ${urn} is not a school in the register`;
    const plan: FilePlan<OfstedRecord, OfstedRecord> = {
      kind: 'ofsted',
      source: files.ofsted,
      columns: ofstedColumns,
      validate: validateOfstedRow,
      key: (rating) => rating.urn,
      keyName: 'URN',
      // A rating changes a school that exists: it is never "created", and one for no school is refused.
      prepare: ({ record }) => {
        const school = ratings.get(record.urn);
        if (school?.kind !== 'school') return { rejected: notASchool(record.urn) };
        const same = school.rating === record.rating && school.inspectionDate === record.inspectionDate;
        return same ? UNCHANGED : { write: record };
      },
      // The school may have gone since it was read: the database has the last word.
      write: async (tx, batch) => {
        const { updated, missing } = await repository.applyOfstedRatings(tx, records(batch));
        const missingUrns = new Set(missing);
        const rejections = batch
          .filter(({ record }) => missingUrns.has(record.urn))
          .map(({ line, record }) => ({ line, reason: notASchool(record.urn) }));
        return { created: 0, updated, rejections };
      },
    };
    await imported(plan);
  }
  return reports;
}

const UNCHANGED = { unchanged: true } as const;

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

/** Ofsted columns are left out: they come from another file. */
function sameSchool(stored: StoredSchool | undefined, school: repository.SchoolWrite): boolean {
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
    stored.trustId === school.trustId
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
