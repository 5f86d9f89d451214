import { recordAuditEvent, type AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import { isUniqueViolation, type AppDb } from '../../platform/db/database.ts';
import { fetchPageOrLast } from '../../platform/db/paging.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { listOrganisationMembers, type MembersPage } from '../people/index.ts';
import { mayManageOrganisations } from './organisations.policy.ts';
import * as repository from './organisations.repository.ts';
import {
  fieldsOfKind,
  normaliseCompaniesHouseNumber,
  typedDetails,
  type DetailField,
  type NewOrganisation,
  type OrganisationDetails,
} from './organisations.schemas.ts';
import type { OrganisationKind } from './organisations.tables.ts';

export type { OrganisationRecord, OrganisationSummary } from './organisations.repository.ts';

export const PAGE_SIZE = 25;

function assertMayManage(actor: Viewer | null): asserts actor is Viewer {
  if (!mayManageOrganisations(actor)) throw AppError.forbidden();
}

/** What a search box's text can mean: part of a name, a URN or group UID, or a Companies House number. */
export function searchFilter(
  text: string,
  kind: OrganisationKind | null,
  trustId: string | null,
): repository.SearchFilter {
  const company = normaliseCompaniesHouseNumber(text);
  return {
    kind,
    trustId,
    nameContains: text === '' ? null : text,
    // Up to 9 digits always fits the integer columns; a longer number cannot be an identifier.
    identifier: /^\d{1,9}$/.test(text) ? Number(text) : null,
    companiesHouseNumber: /^[A-Z0-9]{8}$/.test(company) ? company : null,
  };
}

export interface OrganisationsPage {
  organisations: repository.OrganisationSummary[];
  total: number;
  /** The page shown: the one asked for, or the last one when that was past the end. */
  page: number;
  pageCount: number;
  /** When the list is one trust's schools. */
  trust: { id: string; name: string } | null;
}

export async function listOrganisations({
  db,
  actor,
  search,
  page,
}: {
  db: AppDb;
  actor: Viewer | null;
  search: { text: string; kind: OrganisationKind | null; trustId: string | null };
  page: number;
}): Promise<OrganisationsPage> {
  assertMayManage(actor);
  let trust: OrganisationsPage['trust'] = null;
  if (search.trustId) {
    const found = await repository.findOrganisation(db, search.trustId);
    if (!found || found.kind !== 'trust') throw AppError.notFound();
    trust = { id: found.id, name: found.name };
  }
  const filter = searchFilter(search.text, search.kind, search.trustId);
  const result = await fetchPageOrLast(page, PAGE_SIZE, (limit, offset) =>
    repository.searchOrganisations(db, { filter, limit, offset }),
  );
  return { organisations: result.rows, total: result.total, page: result.page, pageCount: result.pageCount, trust };
}

/** An organisation that already has what was typed: which field, and which organisation. */
export interface Clash {
  field: DetailField;
  /** What was typed, as it is stored. */
  value: string;
  organisation: { id: string; name: string; kind: OrganisationKind };
}

function describeClashes(candidate: repository.Candidate, rows: repository.OrganisationRow[]): Clash[] {
  const holds: Record<DetailField, (row: repository.OrganisationRow) => boolean> = {
    name: (row) => row.kind === candidate.kind && row.name.toLowerCase() === candidate.name.toLowerCase(),
    urn: (row) => candidate.urn !== null && row.urn === candidate.urn,
    groupUid: (row) => candidate.groupUid !== null && row.groupUid === candidate.groupUid,
    companiesHouseNumber: (row) =>
      candidate.companiesHouseNumber !== null && row.companiesHouseNumber === candidate.companiesHouseNumber,
  };
  return fieldsOfKind[candidate.kind].flatMap((field) => {
    // Schools and trusts may share a name with another: only their identifiers must be their own.
    if (field === 'name' && fieldsOfKind[candidate.kind].length > 1) return [];
    const row = rows.find(holds[field]);
    const value = String(candidate[field]);
    return row ? [{ field, value, organisation: { id: row.id, name: row.name, kind: row.kind } }] : [];
  });
}

export type Creation = { outcome: 'created'; id: string } | { outcome: 'clash'; clashes: Clash[] };

/** Adds an organisation, unless one already has its identifiers: a double submit finds the first. */
export async function createOrganisation({
  db,
  actor,
  organisation,
  audit = {},
}: {
  db: AppDb;
  actor: Viewer | null;
  organisation: NewOrganisation;
  audit?: AuditRequestContext;
}): Promise<Creation> {
  assertMayManage(actor);
  try {
    return await db.transaction(async (tx): Promise<Creation> => {
      await repository.lockOrganisationCreation(tx);
      const clashes = describeClashes(organisation, await repository.findClashes(tx, organisation));
      if (clashes.length > 0) return { outcome: 'clash', clashes };
      const { id } = await repository.insertOrganisation(tx, organisation);
      await recordAuditEvent(
        tx,
        {
          action: 'organisation.created',
          actorPersonId: actor.personId,
          organisationId: id,
          details: { kind: organisation.kind },
        },
        audit,
      );
      return { outcome: 'created', id };
    });
  } catch (error) {
    return explainUniqueViolation(db, error, organisation);
  }
}

/**
 * The register's importer does not take the creation lock: if it added the same URN or
 * group UID a moment earlier, the unique index refused ours. Say so, as for any clash.
 */
async function explainUniqueViolation(
  db: AppDb,
  error: unknown,
  candidate: repository.Candidate,
  exceptId?: string,
): Promise<{ outcome: 'clash'; clashes: Clash[] }> {
  if (!isUniqueViolation(error)) throw error;
  const clashes = describeClashes(candidate, await repository.findClashes(db, candidate, { exceptId }));
  if (clashes.length === 0) throw error;
  return { outcome: 'clash', clashes };
}

export async function getOrganisation({
  db,
  actor,
  id,
}: {
  db: AppDb;
  actor: Viewer | null;
  id: string;
}): Promise<repository.OrganisationRecord> {
  assertMayManage(actor);
  const organisation = await repository.findOrganisation(db, id);
  if (!organisation) throw AppError.notFound();
  return organisation;
}

export interface OrganisationOverview {
  organisation: repository.OrganisationRecord;
  /** For a trust, how many schools it has; otherwise null. */
  schoolCount: number | null;
  /** One page of its people. */
  members: MembersPage;
}

export async function getOrganisationOverview({
  db,
  actor,
  id,
  peoplePage = 1,
}: {
  db: AppDb;
  actor: Viewer | null;
  id: string;
  peoplePage?: number;
}): Promise<OrganisationOverview> {
  const organisation = await getOrganisation({ db, actor, id });
  const [schoolCount, members] = await Promise.all([
    organisation.kind === 'trust' ? repository.countSchoolsOfTrust(db, id) : Promise.resolve(null),
    listOrganisationMembers({ db, actor, organisationId: id, page: peoplePage }),
  ]);
  return { organisation, schoolCount, members };
}

export type Edit =
  | { outcome: 'saved' }
  | { outcome: 'clash'; clashes: Clash[] }
  /** Someone saved in between and changed what this editor was editing: nothing was saved. */
  | { outcome: 'stale'; current: repository.OrganisationRecord; changed: DetailField[] };

/** The fields of `current` that differ from what the editor's form showed. */
export function changedSince(
  current: repository.OrganisationRecord,
  shown: Record<DetailField, string>,
): DetailField[] {
  const now = typedDetails(current);
  return fieldsOfKind[current.kind].filter((field) => now[field] !== shown[field]);
}

/**
 * Saves name and identifiers over the version the editor read. If someone saved in between
 * and changed any of these fields, nothing is saved and the editor is told what changed; if
 * they changed only other columns (the register import's Ofsted rating, say), the edit goes ahead.
 */
export async function editOrganisation({
  db,
  actor,
  id,
  version,
  details,
  shown,
  audit = {},
  now = new Date(),
}: {
  db: AppDb;
  actor: Viewer | null;
  id: string;
  version: number;
  details: OrganisationDetails;
  /** The details as the edit form showed them. */
  shown: Record<DetailField, string>;
  audit?: AuditRequestContext;
  now?: Date;
}): Promise<Edit> {
  assertMayManage(actor);
  let candidate: repository.Candidate | undefined;
  try {
    return await db.transaction(async (tx): Promise<Edit> => {
      const current = await repository.findOrganisation(tx, id, { forUpdate: true });
      if (!current) throw AppError.notFound();
      if (current.version !== version) {
        const changed = changedSince(current, shown);
        if (changed.length > 0) return { outcome: 'stale', current, changed };
      }
      candidate = { kind: current.kind, ...details };
      const clashes = describeClashes(candidate, await repository.findClashes(tx, candidate, { exceptId: id }));
      if (clashes.length > 0) return { outcome: 'clash', clashes };
      // The row is locked: the version read under the lock is the one to save over.
      // Saving what is already there changes nothing, and is not an event.
      const fields = changedSince(current, typedDetails(details));
      if (fields.length === 0) return { outcome: 'saved' };
      await repository.updateOrganisationDetails(tx, id, { version: current.version, details, now });
      await recordAuditEvent(
        tx,
        { action: 'organisation.changed', actorPersonId: actor.personId, organisationId: id, details: { fields } },
        audit,
      );
      return { outcome: 'saved' };
    });
  } catch (error) {
    if (!candidate) throw error;
    return explainUniqueViolation(db, error, candidate, id);
  }
}
