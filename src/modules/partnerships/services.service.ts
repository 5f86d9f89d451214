import { allowedIds } from '../../platform/access/access.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { providerStaffRoles, runProvider } from './partnerships.policy.ts';
import type { ServiceDetails } from './services.schemas.ts';
import * as repository from './services.repository.ts';

export type { ServiceRow } from './services.repository.ts';

/**
 * A provider's mentoring services (SPEC section 2): set up and changed by the provider's staff
 * (programme managers and its administrators). Anyone else is refused the pages (403); another
 * provider's service is not found (404).
 */

/** The providers whose services and enquiries the actor runs: none for anyone but provider staff. */
export async function providersRunBy(db: AppDb, actor: Viewer | null): Promise<string[]> {
  if (!actor) return [];
  const candidates = actor.memberships
    .filter((membership) => (providerStaffRoles as readonly string[]).includes(membership.role))
    .map((membership) => membership.organisationId);
  const allowed = await allowedIds(db, { actor, permission: runProvider, ids: candidates });
  return [...allowed];
}

/** As providersRunBy, refusing (403) someone who runs none. */
export async function requireProviders(db: AppDb, actor: Viewer | null): Promise<string[]> {
  const providers = await providersRunBy(db, actor);
  if (providers.length === 0) throw AppError.forbidden();
  return providers;
}

/** The providers the actor may make a service for, with their names (for the form). */
export async function providersForNewService({ db, actor }: { db: AppDb; actor: Viewer | null }) {
  return repository.providerNames(db, await requireProviders(db, actor));
}

export async function listServices({ db, actor }: { db: AppDb; actor: Viewer | null }) {
  return repository.listServicesOf(db, await requireProviders(db, actor));
}

/** A service of the actor's providers; another provider's is not found. */
export async function getService({
  db,
  actor,
  serviceId,
  forUpdate = false,
}: {
  db: AppDb;
  actor: Viewer | null;
  serviceId: string;
  forUpdate?: boolean;
}): Promise<repository.ServiceRow> {
  const providers = await requireProviders(db, actor);
  const service = await repository.findServiceOf(db, serviceId, providers, { forUpdate });
  if (!service) throw AppError.notFound();
  return service;
}

/** A service open to enquiries, for anyone (the public form); closed or unknown is not found. */
export async function getOpenService({ db, serviceId }: { db: AppDb; serviceId: string }) {
  const service = await repository.findOpenService(db, serviceId);
  if (!service) throw AppError.notFound();
  return service;
}

/** A service whatever its state, for the enquiry confirmation page. */
export async function getServiceForEnquirer({ db, serviceId }: { db: AppDb; serviceId: string }) {
  const service = await repository.findServiceById(db, serviceId);
  if (!service) throw AppError.notFound();
  return service;
}

function columnsOf(details: ServiceDetails): repository.ServiceValues {
  return {
    name: details.name,
    kind: details.kind,
    description: details.description,
    termMonths: details.termMonths,
    readingMinutes: details.budget.minutes.reading,
    schoolVisitsMinutes: details.budget.minutes['school-visits'],
    establishingMinutes: details.budget.minutes.establishing,
    meetingsMinutes: details.budget.minutes.meetings,
    meetingPattern: details.meetingPattern,
    feePence: details.feePence,
    agreementTemplate: details.agreementTemplate,
    open: details.open,
  };
}

/** Makes a service for one of the actor's providers; the same creation key again finds the one it made. */
export async function createService({
  db,
  actor,
  providerId,
  details,
  creationKey,
}: {
  db: AppDb;
  actor: Viewer | null;
  providerId: string;
  details: ServiceDetails;
  creationKey: string;
}): Promise<string> {
  const providers = await requireProviders(db, actor);
  if (!providers.includes(providerId)) throw AppError.forbidden();
  return repository.insertService(db, { ...columnsOf(details), providerOrganisationId: providerId, creationKey });
}

export type SaveOutcome = { outcome: 'saved' } | { outcome: 'stale'; current: repository.ServiceRow };

/** Saves a service over the version its form was opened on. */
export async function saveService({
  db,
  actor,
  serviceId,
  details,
  version,
}: {
  db: AppDb;
  actor: Viewer | null;
  serviceId: string;
  details: ServiceDetails;
  version: number;
}): Promise<SaveOutcome> {
  return db.transaction(async (tx) => {
    const service = await getService({ db: tx, actor, serviceId, forUpdate: true });
    if (await repository.updateService(tx, { id: serviceId, version, values: columnsOf(details) })) {
      return { outcome: 'saved' };
    }
    return { outcome: 'stale', current: service };
  });
}
