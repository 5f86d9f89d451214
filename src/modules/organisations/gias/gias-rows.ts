import { z } from 'zod';
import type { EstablishmentStatus, TrustType } from '../organisations.tables.ts';

/**
 * One GIAS row in, one typed record or one reason out. Reasons name the column as the file
 * spells it and quote the value, so whoever fixes the file can find it ("URN "abc" is not a number").
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

/** Every cell is text; a missing cell (short row) reads as empty. PostgreSQL text cannot hold NUL. */
const cell = (column: string) =>
  z
    .string({ error: `${column} is not text` })
    .optional()
    .transform((value, context) => {
      const trimmed = (value ?? '').trim();
      if (trimmed.includes('\u0000')) {
        context.addIssue({ code: 'custom', message: `${column} contains a NUL character` });
        return z.NEVER;
      }
      return trimmed;
    });

/** GIAS writes "Not applicable" (or "Not Applicable") where other registers leave a cell empty. */
const optionalText = (column: string) =>
  cell(column).transform((value) => (value === '' || /^not applicable$/i.test(value) ? null : value));

const requiredText = (column: string) =>
  cell(column).transform((value, context) => {
    if (value === '') {
      context.addIssue({ code: 'custom', message: `${column} is empty` });
      return z.NEVER;
    }
    return value;
  });

/** URNs, UIDs and pupil counts: digits only, and small enough for an integer column. */
const wholeNumber = (column: string, required: boolean) =>
  cell(column).transform((value, context): number | null => {
    if (value === '') {
      if (!required) return null;
      context.addIssue({ code: 'custom', message: `${column} is empty` });
      return z.NEVER;
    }
    if (!/^\d{1,9}$/.test(value)) {
      context.addIssue({ code: 'custom', message: `${column} ${shown(value)} is not a number` });
      return z.NEVER;
    }
    return Number(value);
  });

const requiredNumber = (column: string) => wholeNumber(column, true).transform((value) => value ?? 0);

/** GIAS dates are dd-mm-yyyy; ISO dates are taken too, for files that passed through a spreadsheet. */
const optionalDate = (column: string) =>
  cell(column).transform((value, context): string | null => {
    if (value === '') return null;
    const gias = /^(\d{2})[-/](\d{2})[-/](\d{4})$/.exec(value);
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    const [year = '', month = '', day = ''] = gias ? [gias[3], gias[2], gias[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
    const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
    const real =
      date.getUTCFullYear() === Number(year) &&
      date.getUTCMonth() === Number(month) - 1 &&
      date.getUTCDate() === Number(day);
    if (!real) {
      context.addIssue({ code: 'custom', message: `${column} ${shown(value)} is not a date (dd-mm-yyyy)` });
      return z.NEVER;
    }
    return `${year}-${month}-${day}`;
  });

const trustTypeNames: Record<string, TrustType> = {
  'multi-academy trust': 'multi_academy',
  'single-academy trust': 'single_academy',
};

const statusNames: Record<string, EstablishmentStatus> = {
  open: 'open',
  'open, but proposed to close': 'open_proposed_to_close',
  'proposed to open': 'proposed_to_open',
  closed: 'closed',
};

const notARow = { error: 'the row is not a set of named fields' };

const trustRow = z
  .object(
    {
      'Group UID': requiredNumber('Group UID'),
      'Group Name': requiredText('Group Name'),
      // Anything else GIAS calls a trust (a foundation "Trust") is "other"; an empty type stays unknown.
      'Group Type': cell('Group Type').transform((value) =>
        value === '' ? null : (trustTypeNames[value.toLowerCase()] ?? 'other'),
      ),
      // Spreadsheets drop the leading zeros of a number like 07318714; Scottish and NI ones start with letters.
      'Companies House Number': cell('Companies House Number').transform((value, context) => {
        if (value === '') return null;
        const normalised = /^\d{1,8}$/.test(value) ? value.padStart(8, '0') : value.toUpperCase();
        if (!/^([0-9]{8}|[A-Z]{2}[0-9]{6})$/.test(normalised)) {
          context.addIssue({
            code: 'custom',
            message: `Companies House Number ${shown(value)} is not 8 digits, or 2 letters and 6 digits`,
          });
          return z.NEVER;
        }
        return normalised;
      }),
      'Group Town': optionalText('Group Town'),
      'Group Postcode': optionalText('Group Postcode'),
    },
    notARow,
  )
  .transform((row): TrustRecord => ({
    groupUid: row['Group UID'],
    name: row['Group Name'],
    trustType: row['Group Type'],
    companiesHouseNumber: row['Companies House Number'],
    town: row['Group Town'],
    postcode: row['Group Postcode'],
  }));

const establishmentRow = z
  .object(
    {
      URN: requiredNumber('URN'),
      EstablishmentName: requiredText('EstablishmentName'),
      'TypeOfEstablishment (name)': optionalText('TypeOfEstablishment (name)'),
      'EstablishmentStatus (name)': cell('EstablishmentStatus (name)').transform((value, context) => {
        const status = statusNames[value.toLowerCase()];
        if (value === '') {
          context.addIssue({ code: 'custom', message: 'EstablishmentStatus (name) is empty' });
          return z.NEVER;
        }
        if (!status) {
          context.addIssue({
            code: 'custom',
            message: `EstablishmentStatus (name) ${shown(value)} is not Open, Closed, Proposed to open or Open, but proposed to close`,
          });
          return z.NEVER;
        }
        return status;
      }),
      'PhaseOfEducation (name)': optionalText('PhaseOfEducation (name)'),
      'LA (name)': optionalText('LA (name)'),
      'GOR (name)': optionalText('GOR (name)'),
      Town: optionalText('Town'),
      Postcode: optionalText('Postcode'),
      NumberOfPupils: wholeNumber('NumberOfPupils', false),
      'Trusts (code)': wholeNumber('Trusts (code)', false),
    },
    notARow,
  )
  .transform((row): SchoolRecord => ({
    urn: row.URN,
    name: row.EstablishmentName,
    phase: row['PhaseOfEducation (name)'],
    establishmentType: row['TypeOfEstablishment (name)'],
    status: row['EstablishmentStatus (name)'],
    localAuthority: row['LA (name)'],
    region: row['GOR (name)'],
    town: row.Town,
    postcode: row.Postcode,
    pupilCount: row.NumberOfPupils,
    trustUid: row['Trusts (code)'],
  }));

const ofstedRow = z
  .object(
    {
      URN: requiredNumber('URN'),
      'OfstedRating (name)': optionalText('OfstedRating (name)'),
      OfstedLastInsp: optionalDate('OfstedLastInsp'),
    },
    notARow,
  )
  .transform((row): OfstedRecord => ({
    urn: row.URN,
    rating: row['OfstedRating (name)'],
    inspectionDate: row.OfstedLastInsp,
  }));

function validateWith<T>(schema: z.ZodType<T>, fields: unknown): Validated<T> {
  const result = schema.safeParse(fields);
  if (result.success) return { ok: true, record: result.data };
  return { ok: false, reason: result.error.issues.map((issue) => issue.message).join('; ') || 'the row is not valid' };
}

export const validateTrustRow = (fields: unknown): Validated<TrustRecord> => validateWith(trustRow, fields);
export const validateEstablishmentRow = (fields: unknown): Validated<SchoolRecord> =>
  validateWith(establishmentRow, fields);
export const validateOfstedRow = (fields: unknown): Validated<OfstedRecord> => validateWith(ofstedRow, fields);
