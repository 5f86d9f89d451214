import { z } from 'zod';
import { choice, optionalText, requiredText } from '../../platform/forms/fields.ts';
import type { FormValues } from '../../platform/forms/forms.ts';
import { roles } from '../people/index.ts';
import { organisationKinds, type OrganisationKind } from './organisations.tables.ts';

/** The details a person types for an organisation; identifiers only for the kinds that have them. */
export interface OrganisationDetails {
  name: string;
  urn: number | null;
  groupUid: number | null;
  companiesHouseNumber: string | null;
}

export interface NewOrganisation extends OrganisationDetails {
  kind: OrganisationKind;
}

export const detailFieldNames = ['name', 'urn', 'groupUid', 'companiesHouseNumber'] as const;
export type DetailField = (typeof detailFieldNames)[number];

/** Which identifiers each kind carries (the DfE register's: URN for schools, group UID and company for trusts). */
export const fieldsOfKind: Record<OrganisationKind, readonly DetailField[]> = {
  provider: ['name'],
  group: ['name'],
  trust: ['name', 'groupUid', 'companiesHouseNumber'],
  school: ['name', 'urn'],
};

export const messages = {
  nameMissing: "Enter the organisation's name",
  nameTooLong: "The organisation's name must be 200 characters or fewer",
  kindMissing: 'Select what kind of organisation it is',
  urnMissing: "Enter the school's URN",
  urnFormat: 'URN must be a 6-digit number',
  groupUidMissing: "Enter the trust's group UID",
  groupUidFormat: 'Group UID must be a number, like 2044',
  companiesHouseFormat: 'Companies House number must be 8 characters, like 07318714 or SC123456',
} as const;

const URN = /^[1-9]\d{5}$/;
// Up to 9 digits: always inside PostgreSQL's integer range.
const GROUP_UID = /^[1-9]\d{0,8}$/;
// 8 digits, or 2 letters (SC for Scotland, NI, OC...) and 6 digits: as the register's importer checks them.
const COMPANIES_HOUSE = /^(\d{8}|[A-Z]{2}\d{6})$/;

/** People type "sc 123456" as often as "SC123456": compare and store one way. */
export function normaliseCompaniesHouseNumber(typed: string): string {
  return typed.replace(/\s+/g, '').toUpperCase();
}

const detailFields = {
  name: requiredText(messages.nameMissing, { maxLength: 200, whenTooLong: messages.nameTooLong }),
  // Long input is only ever a wrong number: say what a right one looks like.
  urn: optionalText({ maxLength: 20, whenTooLong: messages.urnFormat }),
  groupUid: optionalText({ maxLength: 20, whenTooLong: messages.groupUidFormat }),
  companiesHouseNumber: optionalText({ maxLength: 20, whenTooLong: messages.companiesHouseFormat }),
};

type TypedDetails = { [field in DetailField]: string };

function problems(kind: OrganisationKind, typed: TypedDetails): Array<{ field: DetailField; message: string }> {
  const found: Array<{ field: DetailField; message: string }> = [];
  // Zod stops before here when the kind is not one of ours; a guard all the same, as this is no place for a 500.
  const wanted = fieldsOfKind[kind] ?? [];
  if (wanted.includes('urn')) {
    if (typed.urn === '') found.push({ field: 'urn', message: messages.urnMissing });
    else if (!URN.test(typed.urn)) found.push({ field: 'urn', message: messages.urnFormat });
  }
  if (wanted.includes('groupUid')) {
    if (typed.groupUid === '') found.push({ field: 'groupUid', message: messages.groupUidMissing });
    else if (!GROUP_UID.test(typed.groupUid)) found.push({ field: 'groupUid', message: messages.groupUidFormat });
  }
  // Optional: the register has trusts without one.
  const company = normaliseCompaniesHouseNumber(typed.companiesHouseNumber);
  if (wanted.includes('companiesHouseNumber') && company !== '' && !COMPANIES_HOUSE.test(company)) {
    found.push({ field: 'companiesHouseNumber', message: messages.companiesHouseFormat });
  }
  return found;
}

/** Identifiers a kind does not carry are dropped, whatever was typed in them. */
function detailsOf(kind: OrganisationKind, typed: TypedDetails): OrganisationDetails {
  const wanted = fieldsOfKind[kind];
  const company = normaliseCompaniesHouseNumber(typed.companiesHouseNumber);
  return {
    name: typed.name,
    urn: wanted.includes('urn') ? Number(typed.urn) : null,
    groupUid: wanted.includes('groupUid') ? Number(typed.groupUid) : null,
    companiesHouseNumber: wanted.includes('companiesHouseNumber') && company !== '' ? company : null,
  };
}

function addProblems(kind: OrganisationKind, typed: TypedDetails, context: z.core.$RefinementCtx<unknown>): void {
  for (const { field, message } of problems(kind, typed)) {
    context.addIssue({ code: 'custom', path: [field], message });
  }
}

/** The first question of adding an organisation, asked on its own page. */
export const kindQuestionSchema = z.object({ kind: choice(organisationKinds, messages.kindMissing) });

export const newOrganisationSchema = z
  .object({ ...detailFields, kind: choice(organisationKinds, messages.kindMissing) })
  .superRefine((typed, context) => addProblems(typed.kind, typed, context))
  .transform((typed): NewOrganisation => ({ kind: typed.kind, ...detailsOf(typed.kind, typed) }));

/**
 * The version the edit form read. A missing or mangled one cannot match any saved version,
 * so the save is treated as stale and the person shown the latest details: never a 500.
 */
const versionField = z.preprocess(
  (value) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : 0),
  z.number().int(),
);

export function editOrganisationSchema(kind: OrganisationKind) {
  return z
    .object({ ...detailFields, version: versionField })
    .superRefine((typed, context) => addProblems(kind, typed, context))
    .transform((typed) => ({ version: typed.version, details: detailsOf(kind, typed) }));
}

/** The hidden field holding a detail as the edit form showed it, to tell what someone else changed. */
export const originalField = (field: DetailField): string => `original-${field}`;

/** The details as the edit form showed them (hidden fields), each as text; '' when absent. */
export function originalsOf(values: FormValues): TypedDetails {
  const text = (name: string) => {
    const value = values[name];
    return typeof value === 'string' ? value.trim() : '';
  };
  return {
    name: text(originalField('name')),
    urn: text(originalField('urn')),
    groupUid: text(originalField('groupUid')),
    companiesHouseNumber: text(originalField('companiesHouseNumber')),
  };
}

/** Saved details as the form shows them. */
export function typedDetails(details: OrganisationDetails): TypedDetails {
  return {
    name: details.name,
    urn: details.urn === null ? '' : String(details.urn),
    groupUid: details.groupUid === null ? '' : String(details.groupUid),
    companiesHouseNumber: details.companiesHouseNumber ?? '',
  };
}

/** The list's search and filter, as its GET form sends them. */
export const listQuerySchema = z.object({
  q: optionalText({ maxLength: 200, whenTooLong: 'Search must be 200 characters or fewer' }),
  kind: choice(['', ...organisationKinds], 'Select a kind of organisation from the list'),
});

export const roleFormSchema = z.object({
  role: choice(roles, 'Select a role'),
  // The role the form showed; compared, never trusted as a role.
  currentRole: optionalText({ maxLength: 100 }),
});
