import type { DetailField } from '../organisations.schemas.ts';
import type { Clash, OrganisationRecord } from '../organisations.service.ts';
import type { EstablishmentStatus, OrganisationKind, TrustType } from '../organisations.tables.ts';

export const kindLabels: Record<OrganisationKind, string> = {
  provider: 'Provider',
  trust: 'Trust',
  school: 'School',
  group: 'Group of schools',
};

export const trustTypeLabels: Record<TrustType, string> = {
  multi_academy: 'Multi-academy trust',
  single_academy: 'Single-academy trust',
  other: 'Other trust',
};

export const statusLabels: Record<EstablishmentStatus, string> = {
  open: 'Open',
  open_proposed_to_close: 'Open, proposed to close',
  proposed_to_open: 'Proposed to open',
  closed: 'Closed',
};

/** Each field as a sentence names it. */
const fieldNames: Record<DetailField, string> = {
  name: 'name',
  urn: 'URN',
  groupUid: 'group UID',
  companiesHouseNumber: 'Companies House number',
};

/** "a school", "an organisation": the article a sentence needs before a kind. */
function aKind(kind: OrganisationKind): string {
  return `a ${kindLabels[kind].toLowerCase()}`;
}

export function clashMessage({ field, value, organisation }: Clash): string {
  if (field === 'name') return `There is already ${aKind(organisation.kind)} called ${organisation.name}`;
  return `There is already ${aKind(organisation.kind)} with ${fieldNames[field]} ${value}: ${organisation.name}`;
}

/** What an editor is told about a field someone else changed while they were editing. */
export function staleMessage(field: DetailField, current: OrganisationRecord): string {
  const now = {
    name: current.name,
    urn: current.urn === null ? null : String(current.urn),
    groupUid: current.groupUid === null ? null : String(current.groupUid),
    companiesHouseNumber: current.companiesHouseNumber,
  }[field];
  const change = now === null ? `${fieldNames[field]} was removed` : `${fieldNames[field]} is now ${now}`;
  return `Someone else changed this organisation while you were editing: ${change}`;
}

/** The register's dates ("2023-03-13") as people read them: "13 March 2023". */
export function formatDate(isoDate: string): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return isoDate;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}
