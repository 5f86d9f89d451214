import type { EstablishmentStatus, TrustType } from '../organisations.tables.ts';

/**
 * One GIAS row in, one typed record or one reason out. Reasons name the column as the file
 * spells it and quote the value, so whoever fixes the file can find it ("URN "abc" is not a number").
 *
 * Rows are checked by plain functions rather than zod schemas: the import checks every row of the
 * register, and the schemas took most of the time the import spent in Node (about 6 µs a row).
 */
export type Validated<T> = { ok: true; record: T } | { ok: false; reason: string };

export interface TrustRecord {
  groupUid: number;
  name: string;
  trustType: TrustType | null;
  companiesHouseNumber: string | null;
  town: string | null;
  postcode: string | null;
}

export interface SchoolRecord {
  urn: number;
  name: string;
  phase: string | null;
  establishmentType: string | null;
  status: EstablishmentStatus;
  localAuthority: string | null;
  region: string | null;
  town: string | null;
  postcode: string | null;
  pupilCount: number | null;
  /** The trust's group UID ("Trusts (code)"); the importer turns it into a link. */
  trustUid: number | null;
}

export interface OfstedRecord {
  urn: number;
  rating: string | null;
  /** ISO date (yyyy-mm-dd). */
  inspectionDate: string | null;
}

export const trustColumns = [
  'Group UID',
  'Group Name',
  'Group Type',
  'Companies House Number',
  'Group Town',
  'Group Postcode',
] as const;

export const establishmentColumns = [
  'URN',
  'EstablishmentName',
  'TypeOfEstablishment (name)',
  'EstablishmentStatus (name)',
  'PhaseOfEducation (name)',
  'LA (name)',
  'GOR (name)',
  'Town',
  'Postcode',
  'NumberOfPupils',
  'Trusts (code)',
] as const;

export const ofstedColumns = ['URN', 'OfstedRating (name)', 'OfstedLastInsp'] as const;

/** Long values are cut in messages: a reason is read by a person, not diffed. */
function shown(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** GIAS writes "Not applicable" (or "Not Applicable") where other registers leave a cell empty. */
const NOT_APPLICABLE = /^not applicable$/i;

/**
 * Reads the cells of one row. A bad cell adds its reason and reads as nothing; the row is rejected
 * with every reason, in the order of its columns, once all are read.
 */
class Cells {
  readonly reasons: string[] = [];

  constructor(private readonly fields: Record<string, unknown>) {}

  /** Every cell is text; a missing cell (short row) reads as empty. PostgreSQL text cannot hold NUL. */
  text(column: string): string | null {
    const value = this.fields[column];
    if (value === undefined) return '';
    if (typeof value !== 'string') return this.reject(`${column} is not text`);
    const trimmed = value.trim();
    if (trimmed.includes('\u0000')) return this.reject(`${column} contains a NUL character`);
    return trimmed;
  }

  optionalText(column: string): string | null {
    const value = this.text(column);
    return value === '' || (value !== null && NOT_APPLICABLE.test(value)) ? null : value;
  }

  requiredText(column: string): string {
    const value = this.text(column);
    if (value === '') this.reject(`${column} is empty`);
    return value ?? '';
  }

  /** URNs, UIDs and pupil counts: digits only, and small enough for an integer column. */
  wholeNumber(column: string, { required }: { required: boolean }): number | null {
    const value = this.text(column);
    if (value === null) return null;
    if (value === '') return required ? this.reject(`${column} is empty`) : null;
    if (!/^\d{1,9}$/.test(value)) return this.reject(`${column} ${shown(value)} is not a number`);
    return Number(value);
  }

  /** GIAS dates are dd-mm-yyyy; ISO dates are taken too, for files that passed through a spreadsheet. */
  optionalDate(column: string): string | null {
    const value = this.text(column);
    if (value === null || value === '') return null;
    const gias = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec(value);
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const [year = '', month = '', day = ''] = gias ? [gias[3], gias[2], gias[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    const real =
      date.getUTCFullYear() === Number(year) &&
      date.getUTCMonth() === Number(month) - 1 &&
      date.getUTCDate() === Number(day);
    if (!real) return this.reject(`${column} ${shown(value)} is not a date (dd-mm-yyyy)`);
    return `${year}-${month}-${day}`;
  }

  reject(reason: string): null {
    this.reasons.push(reason);
    return null;
  }

  /** The record, or every reason the row was refused for. */
  result<T>(record: T): Validated<T> {
    return this.reasons.length === 0 ? { ok: true, record } : { ok: false, reason: this.reasons.join('; ') };
  }
}

const NOT_A_ROW: Validated<never> = { ok: false, reason: 'the row is not a set of named fields' };

function cellsOf(fields: unknown): Cells | null {
  if (typeof fields !== 'object' || fields === null || Array.isArray(fields)) return null;
  return new Cells(fields as Record<string, unknown>);
}

const trustTypeNames = new Map<string, TrustType>([
  ['multi-academy trust', 'multi_academy'],
  ['single-academy trust', 'single_academy'],
]);

const statusNames = new Map<string, EstablishmentStatus>([
  ['open', 'open'],
  ['open, but proposed to close', 'open_proposed_to_close'],
  ['proposed to open', 'proposed_to_open'],
  ['closed', 'closed'],
]);

export function validateTrustRow(fields: unknown): Validated<TrustRecord> {
  const cells = cellsOf(fields);
  if (cells === null) return NOT_A_ROW;
  const groupUid = cells.wholeNumber('Group UID', { required: true }) ?? 0;
  const name = cells.requiredText('Group Name');
  // Anything else GIAS calls a trust (a foundation "Trust") is "other"; an empty type stays unknown.
  const type = cells.text('Group Type');
  const trustType = type === null || type === '' ? null : (trustTypeNames.get(type.toLowerCase()) ?? 'other');
  const companiesHouseNumber = companiesHouseNumberOf(cells);
  const town = cells.optionalText('Group Town');
  const postcode = cells.optionalText('Group Postcode');
  return cells.result({ groupUid, name, trustType, companiesHouseNumber, town, postcode });
}

/** Spreadsheets drop the leading zeros of a number like 07318714; Scottish and NI ones start with letters. */
function companiesHouseNumberOf(cells: Cells): string | null {
  const column = 'Companies House Number';
  const value = cells.text(column);
  if (value === null || value === '') return null;
  const normalised = /^\d{1,8}$/.test(value) ? value.padStart(8, '0') : value.toUpperCase();
  if (/^([0-9]{8}|[A-Z]{2}[0-9]{6})$/.test(normalised)) return normalised;
  return cells.reject(`${column} ${shown(value)} is not 8 digits, or 2 letters and 6 digits`);
}

export function validateEstablishmentRow(fields: unknown): Validated<SchoolRecord> {
  const cells = cellsOf(fields);
  if (cells === null) return NOT_A_ROW;
  const urn = cells.wholeNumber('URN', { required: true }) ?? 0;
  const name = cells.requiredText('EstablishmentName');
  const establishmentType = cells.optionalText('TypeOfEstablishment (name)');
  const status = statusOf(cells);
  const phase = cells.optionalText('PhaseOfEducation (name)');
  const localAuthority = cells.optionalText('LA (name)');
  const region = cells.optionalText('GOR (name)');
  const town = cells.optionalText('Town');
  const postcode = cells.optionalText('Postcode');
  const pupilCount = cells.wholeNumber('NumberOfPupils', { required: false });
  const trustUid = cells.wholeNumber('Trusts (code)', { required: false });
  return cells.result({
    urn,
    name,
    phase,
    establishmentType,
    status,
    localAuthority,
    region,
    town,
    postcode,
    pupilCount,
    trustUid,
  });
}

function statusOf(cells: Cells): EstablishmentStatus {
  const column = 'EstablishmentStatus (name)';
  const value = cells.text(column);
  if (value === null) return 'open';
  const status = statusNames.get(value.toLowerCase());
  if (status) return status;
  cells.reject(
    value === ''
      ? `${column} is empty`
      : `${column} ${shown(value)} is not Open, Closed, Proposed to open or Open, but proposed to close`,
  );
  return 'open';
}

export function validateOfstedRow(fields: unknown): Validated<OfstedRecord> {
  const cells = cellsOf(fields);
  if (cells === null) return NOT_A_ROW;
  const urn = cells.wholeNumber('URN', { required: true }) ?? 0;
  const rating = cells.optionalText('OfstedRating (name)');
  const inspectionDate = cells.optionalDate('OfstedLastInsp');
  return cells.result({ urn, rating, inspectionDate });
}
