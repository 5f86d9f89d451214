import type { AuditRequestContext } from '../../platform/audit/audit.ts';
import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { agreementValues, fillAgreementTemplate } from './agreement-text.ts';
import * as repository from './agreements.repository.ts';
import {
  assertState,
  loadPartnership,
  mayOn,
  recordPartnershipRead,
  type ParticipantRow,
  type PartnershipRow,
} from './partnership-access.service.ts';
import { managePartnership, seePartnershipContent, seePartnershipSummary } from './partnerships.policy.ts';
import { partyLeads } from './parties.ts';
import * as partnershipsRepository from './partnerships.repository.ts';
import type { PartnershipState } from './partnerships.tables.ts';
import { DEFAULT_DOCUMENT_REQUESTS } from './service-defaults.ts';

export type { AcceptanceRow, AgreementVersionRow } from './agreements.repository.ts';

/** A version is made while the agreement is being settled, or later for a change; never once closed. */
const versionStates: readonly PartnershipState[] = ['agreement', 'preparation', 'establishing', 'meetings', 'review'];

/** How a typed name is compared with the account's: case and extra spaces do not matter. */
export function sameName(typed: string, displayName: string): boolean {
  const normal = (name: string) => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('en-GB');
  return normal(typed) !== '' && normal(typed) === normal(displayName);
}

/** Who must accept: whoever answers for each party (the lead contacts; in a triad, each trust's). */
export function requiredParties(participants: readonly ParticipantRow[]): ParticipantRow[] {
  return partyLeads(participants);
}

export interface AgreementPage {
  partnership: PartnershipRow;
  versions: repository.AgreementVersionRow[];
  acceptances: repository.AcceptanceRow[];
  required: ParticipantRow[];
  /** The actor is a party who has not yet accepted the latest version. */
  mayAccept: boolean;
  /** The provider's staff: they make versions. */
  mayManage: boolean;
}

/**
 * The agreement with every version and who accepted each when. Participants read it, and so do
 * the provider's staff (it is their own template filled in with the facts they already see);
 * every look is audited as a read of the agreement.
 */
export async function getAgreement({
  db,
  actor,
  partnershipId,
  audit,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  audit: AuditRequestContext;
}): Promise<AgreementPage> {
  const partnership = await loadPartnership(db, { actor, partnershipId, permission: seePartnershipSummary });
  const versions = await repository.listVersions(db, partnershipId);
  const acceptances = await repository.listAcceptances(
    db,
    versions.map((each) => each.id),
  );
  const required = requiredParties(await partnershipsRepository.listParticipants(db, [partnershipId]));
  const latest = versions[0];
  const mayAccept =
    latest !== undefined &&
    versionStates.includes(partnership.state) &&
    required.some((each) => each.personId === actor?.personId) &&
    !acceptances.some((each) => each.agreementId === latest.id && each.personId === actor?.personId);
  if (versions.length > 0)
    await recordPartnershipRead(db, { actor, partnership, kind: 'partnership.agreement' }, audit);
  return {
    partnership,
    versions,
    acceptances,
    required,
    mayAccept,
    mayManage: await mayOn(db, actor, managePartnership, partnershipId),
  };
}

export interface NewVersionForm {
  partnership: PartnershipRow;
  nextNumber: number;
  /** The dates are still to be set: the form asks for them. */
  needsDates: boolean;
  /** The text the version will have, when the dates are known. */
  preview: string | null;
}

async function generate(db: AppDb, partnership: PartnershipRow, dates: { startsOn: string; endsOn: string }) {
  const template = await repository.getAgreementTemplate(db, partnership.serviceId);
  const participants = await partnershipsRepository.listParticipants(db, [partnership.id]);
  return fillAgreementTemplate(
    template,
    agreementValues({
      participants,
      menteeTrustName: partnership.menteeTrustName,
      providerName: partnership.providerName,
      serviceName: partnership.serviceName,
      ...dates,
      budget: partnershipsRepository.budgetOf(partnership),
      meetingPattern: partnership.meetingPattern,
      feePence: partnership.feePence,
    }),
  );
}

export async function getNewVersionForm({
  db,
  actor,
  partnershipId,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
}): Promise<NewVersionForm> {
  const partnership = await loadPartnership(db, { actor, partnershipId, permission: managePartnership });
  assertState(partnership, versionStates);
  const { startsOn, endsOn } = partnership;
  return {
    partnership,
    nextNumber: (await repository.latestNumber(db, partnershipId)) + 1,
    needsDates: !startsOn || !endsOn,
    preview: startsOn && endsOn ? await generate(db, partnership, { startsOn, endsOn }) : null,
  };
}

/**
 * Makes version `number` from the service's template, setting the partnership's dates first when
 * it had none. The form names the number it makes, so pressing twice makes one version.
 */
export async function makeAgreementVersion({
  db,
  actor,
  partnershipId,
  number,
  dates,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  number: number;
  dates: { startsOn: string; endsOn: string } | null;
}): Promise<void> {
  if (!actor) throw AppError.notFound();
  await db.transaction(async (tx) => {
    const partnership = await loadPartnership(tx, {
      actor,
      partnershipId,
      permission: managePartnership,
      forUpdate: true,
    });
    assertState(partnership, versionStates);
    if (number !== (await repository.latestNumber(tx, partnershipId)) + 1) return;
    let { startsOn, endsOn } = partnership;
    if (!startsOn || !endsOn) {
      if (!dates) throw new AppError('Invalid', 'Enter the start and end dates');
      ({ startsOn, endsOn } = dates);
      await partnershipsRepository.setState(tx, partnershipId, partnership.state, { startsOn, endsOn });
    }
    const text = await generate(tx, partnership, { startsOn, endsOn });
    await repository.insertVersion(tx, { partnershipId, number, text, createdByPersonId: actor.personId });
  });
}

export type AcceptOutcome = 'accepted' | 'moved-to-preparation' | 'not-latest';

/**
 * One party accepts the latest version, having typed their name as their account has it. When
 * every party has accepted it and the agreement was being settled, preparation begins: the
 * partnership moves on and the standard reading checklist is made, in the same transaction.
 */
export async function acceptAgreement({
  db,
  actor,
  partnershipId,
  agreementId,
  typedName,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  agreementId: string;
  typedName: string;
}): Promise<AcceptOutcome> {
  if (!actor) throw AppError.notFound();
  return db.transaction(async (tx) => {
    const partnership = await loadPartnership(tx, {
      actor,
      partnershipId,
      permission: seePartnershipContent,
      forUpdate: true,
    });
    assertState(partnership, versionStates);
    const [latest] = await repository.listVersions(tx, partnershipId);
    if (!latest || latest.id !== agreementId) return 'not-latest';
    const required = requiredParties(await partnershipsRepository.listParticipants(tx, [partnershipId]));
    const party = required.find((each) => each.personId === actor.personId);
    if (!party) throw AppError.forbidden('Only the lead of each side accepts the agreement');
    if (!sameName(typedName, party.displayName)) throw new AppError('Invalid', 'The name typed is not the account’s');
    await repository.insertAcceptance(tx, {
      agreementId,
      personId: actor.personId,
      side: party.side,
      typedName: typedName.trim().replace(/\s+/g, ' '),
    });
    const accepted = new Set((await repository.listAcceptances(tx, [agreementId])).map((each) => each.personId));
    const everyone = required.every((each) => accepted.has(each.personId));
    if (!everyone || partnership.state !== 'agreement') return 'accepted';
    await partnershipsRepository.setState(tx, partnershipId, 'preparation');
    await repository.insertStandardRequests(tx, partnershipId, DEFAULT_DOCUMENT_REQUESTS);
    return 'moved-to-preparation';
  });
}
