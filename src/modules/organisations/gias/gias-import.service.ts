import type { AppDb } from '../../../platform/db/database.ts';
import { importFile, type FilePlan, type FileReport, type ImportOptions, type Pending } from './batch-import.ts';
import { readCsv, type CsvSource } from './csv-reader.ts';
import * as repository from './gias-import.repository.ts';
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
  if (files.trusts) {
    const plan: FilePlan<TrustRecord, TrustRecord> = {
      kind: 'trusts',
      source: files.trusts,
      columns: trustColumns,
      validate: validateTrustRow,
      key: (trust) => trust.groupUid,
      keyName: 'Group UID',
      prepare: ({ record }) => record,
      write: async (tx, batch) => ({
        ...(await repository.upsertTrusts(tx, records(batch))),
        rejections: [],
      }),
    };
    reports.push(await importFile(db, plan, options));
  }
  if (files.establishments) {
    // Read once, after the trusts: a school names its trust by group UID, the link is by id.
    const trustIds = await repository.listTrustIdsByGroupUid(db);
    const plan: FilePlan<SchoolRecord, repository.SchoolWrite> = {
      kind: 'establishments',
      source: files.establishments,
      columns: establishmentColumns,
      validate: validateEstablishmentRow,
      key: (school) => school.urn,
      keyName: 'URN',
      prepare: ({ line, record: { trustUid, ...school } }, report) => {
        const trustId = trustUid === null ? null : (trustIds.get(trustUid) ?? null);
        if (trustUid !== null && trustId === null) {
          report.warnings.push({
            line,
            reason: `Trusts (code) ${trustUid} is not a trust in the register; the school is imported without its trust`,
          });
        }
        return { ...school, trustId };
      },
      write: async (tx, batch) => ({
        ...(await repository.upsertSchools(tx, records(batch))),
        rejections: [],
      }),
    };
    reports.push(await importFile(db, plan, options));
  }
  if (files.ofsted) {
    const plan: FilePlan<OfstedRecord, OfstedRecord> = {
      kind: 'ofsted',
      source: files.ofsted,
      columns: ofstedColumns,
      validate: validateOfstedRow,
      key: (rating) => rating.urn,
      keyName: 'URN',
      prepare: ({ record }) => record,
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
    reports.push(await importFile(db, plan, options));
  }
  return reports;
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
