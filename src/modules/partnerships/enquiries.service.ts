import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { consumeRateLimit } from '../../platform/http/rate-limit.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { organisationPeoplePaths } from '../people/index.ts';
import * as repository from './enquiries.repository.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { insertParticipant, insertPartnership } from './partnerships.repository.ts';
import type { EnquiryStatus } from './partnerships.tables.ts';
import type { TriageDecision } from './services.schemas.ts';
import { getOpenService, getServiceForEnquirer, requireProviders } from './services.service.ts';

export type { EnquiryRow } from './enquiries.repository.ts';

/**
 * Enquiries about a service (SPEC section 2, step 1): anyone may ask, on a public form kept from
 * spam by a limit per network address and a trap field; the provider's programme managers hear of
 * each by email and triage it: accept it into matching (a partnership), refer it elsewhere, or close it.
 */
export const ENQUIRY_LIMIT = { perIp: 5, windowMs: 60 * 60 * 1000 } as const;

export interface EnquiryDetails {
  name: string;
  email: string;
  jobTitle: string;
  organisationName: string;
  message: string;
}

export type SubmitOutcome =
  { outcome: 'stored' } | { outcome: 'ignored' } | { outcome: 'throttled'; retryAfterMs: number };

/** Stores an enquiry and tells the provider's programme managers; a filled trap or too many from one address store nothing. */
export async function submitEnquiry({
  db,
  actor,
  serviceId,
  details,
  trap,
  creationKey,
  ip,
  mailer,
  publicUrl,
  now = new Date(),
}: {
  db: AppDb;
  actor: Viewer | null;
  serviceId: string;
  details: EnquiryDetails;
  /** The hidden field people never see: anything in it was typed by a robot. */
  trap: string;
  creationKey: string;
  ip: string;
  mailer: Pick<Mailer, 'send'>;
  publicUrl: string;
  now?: Date;
}): Promise<SubmitOutcome> {
  const service = await getOpenService({ db, serviceId });
  const limit = await consumeRateLimit(db, {
    key: `enquiry:ip:${ip}`,
    limit: ENQUIRY_LIMIT.perIp,
    windowMs: ENQUIRY_LIMIT.windowMs,
    now,
  });
  if (!limit.allowed) return { outcome: 'throttled', retryAfterMs: limit.retryAfterMs };
  if (trap !== '') return { outcome: 'ignored' };
  const trustId = await repository.findTrustNamed(db, details.organisationName);
  const stored = await repository.insertEnquiry(db, {
    serviceId: service.id,
    ...details,
    trustId,
    personId: actor?.personId ?? null,
    creationKey,
  });
  if (!stored) return { outcome: 'stored' };
  const recipients = await repository.programmeManagerEmails(db, service.providerOrganisationId);
  for (const to of recipients) {
    await mailer.send({
      to,
      subject: `New enquiry about ${service.name}`,
      text: [
        `A new enquiry about “${service.name}” has arrived on Tandem.`,
        '',
        'Read and triage it here (you will be asked to sign in):',
        `${publicUrl}${partnershipPaths.enquiries}`,
      ].join('\n'),
    });
  }
  return { outcome: 'stored' };
}

export async function listEnquiries({
  db,
  actor,
  status,
}: {
  db: AppDb;
  actor: Viewer | null;
  status: EnquiryStatus | null;
}) {
  return repository.listEnquiriesOf(db, await requireProviders(db, actor), status);
}

/** An enquiry to one of the actor's providers' services; anyone else's is not found. */
export async function getEnquiry({
  db,
  actor,
  enquiryId,
  forUpdate = false,
}: {
  db: AppDb;
  actor: Viewer | null;
  enquiryId: string;
  forUpdate?: boolean;
}): Promise<repository.EnquiryRow> {
  const providers = await requireProviders(db, actor);
  const enquiry = await repository.findEnquiryOf(db, enquiryId, providers, { forUpdate });
  if (!enquiry) throw AppError.notFound();
  return enquiry;
}

/** Whether the enquirer has an account a partnership could take them in by. */
export async function enquirerAccount(db: AppDb, enquiry: repository.EnquiryRow) {
  return repository.findActiveAccount(db, { personId: enquiry.personId, email: enquiry.email });
}

function alreadyTriaged(enquiry: repository.EnquiryRow): AppError {
  const outcome = { new: 'new', accepted: 'accepted into matching', referred: 'referred elsewhere', closed: 'closed' }[
    enquiry.status
  ];
  return AppError.conflict('This enquiry has already been triaged', {
    title: 'This enquiry has already been triaged',
    paragraphs: [
      `${enquiry.triagedByName ?? 'Someone'} has already ${outcome === 'closed' ? 'closed it' : `marked it ${outcome}`}, so what you sent has not been saved.`,
      'An enquiry is triaged once. Its page shows what was decided.',
    ],
    link: { href: partnershipPaths.enquiry(enquiry.id), text: 'Go to the enquiry' },
  });
}

export type TriageOutcome =
  | { outcome: 'accepted'; partnershipId: string }
  | { outcome: 'triaged' }
  | { outcome: 'no-account'; invitePath: string | null };

/** Accepts, refers or closes a new enquiry, once; accepting makes the partnership. */
export async function triageEnquiry({
  db,
  actor,
  enquiryId,
  decision,
  note,
  now = new Date(),
}: {
  db: AppDb;
  actor: Viewer | null;
  enquiryId: string;
  decision: TriageDecision;
  note: string;
  now?: Date;
}): Promise<TriageOutcome> {
  return db.transaction(async (tx) => {
    const enquiry = await getEnquiry({ db: tx, actor, enquiryId, forUpdate: true });
    if (enquiry.status !== 'new' || !actor) throw alreadyTriaged(enquiry);
    const triage = { triageNote: note, triagedByPersonId: actor.personId, triagedAt: now };
    if (decision !== 'accept') {
      const status = decision === 'refer' ? 'referred' : 'closed';
      if (!(await repository.recordTriage(tx, enquiry.id, { ...triage, status }))) throw alreadyTriaged(enquiry);
      return { outcome: 'triaged' };
    }
    const account = await enquirerAccount(tx, enquiry);
    if (!account) {
      return {
        outcome: 'no-account',
        invitePath: enquiry.trustId ? organisationPeoplePaths.invite(enquiry.trustId) : null,
      };
    }
    const partnershipId = await createPartnershipFromEnquiry(tx, { enquiry, menteePersonId: account.id });
    const recorded = await repository.recordTriage(tx, enquiry.id, { ...triage, status: 'accepted', partnershipId });
    if (!recorded) throw alreadyTriaged(enquiry);
    return { outcome: 'accepted', partnershipId };
  });
}

/**
 * The partnership an accepted enquiry starts, at matching: the service's kind, time budget, fee
 * and meeting pattern, the enquirer's trust, and the enquirer as its mentee. Called inside the
 * triage's transaction; its creation key is the enquiry's, so the enquiry makes one partnership at most.
 */
export async function createPartnershipFromEnquiry(
  db: AppDb,
  { enquiry, menteePersonId }: { enquiry: repository.EnquiryRow; menteePersonId: string },
): Promise<string> {
  // The enquiry's service, open or closed: closing a service leaves what was asked before to triage.
  const service = await getServiceForEnquirer({ db, serviceId: enquiry.serviceId });
  const partnershipId = await insertPartnership(db, {
    serviceId: service.id,
    providerOrganisationId: service.providerOrganisationId,
    kind: service.kind,
    state: 'matching',
    title: `${enquiry.name} (${enquiry.trustName ?? enquiry.organisationName})`,
    menteeTrustId: enquiry.trustId,
    readingMinutes: service.readingMinutes,
    schoolVisitsMinutes: service.schoolVisitsMinutes,
    establishingMinutes: service.establishingMinutes,
    meetingsMinutes: service.meetingsMinutes,
    feePence: service.feePence,
    meetingPattern: service.meetingPattern,
    creationKey: `enquiry:${enquiry.id}`,
  });
  await insertParticipant(db, {
    partnershipId,
    personId: menteePersonId,
    side: 'mentee',
    organisationId: enquiry.trustId,
    lead: true,
  });
  return partnershipId;
}
