import { randomUUID } from 'node:crypto';
import type { EnglishRegion } from '../../src/modules/partnerships/mentor-profile-terms.ts';
import { mentorProfiles } from '../../src/modules/partnerships/matching.tables.ts';
import {
  mentoringServices,
  partnershipParticipants,
  partnerships,
  type PartnershipKind,
  type PartnershipSide,
  type PartnershipState,
} from '../../src/modules/partnerships/partnerships.tables.ts';
import {
  DEFAULT_AGREEMENT_TEMPLATE,
  DEFAULT_MEETING_PATTERN,
} from '../../src/modules/partnerships/service-defaults.ts';
import { DEFAULT_TIME_BUDGET } from '../../src/modules/partnerships/time-budget.ts';
import type { AppDb } from '../../src/platform/db/database.ts';
import { createOrganisation, type OrganisationRow, type PersonRow } from './factories.ts';

/**
 * Mentoring for tests, inserted straight into the tables (see factories.ts): the scene a test
 * needs, without going through the services.
 */

const defaultBudget = {
  readingMinutes: DEFAULT_TIME_BUDGET.minutes.reading,
  schoolVisitsMinutes: DEFAULT_TIME_BUDGET.minutes['school-visits'],
  establishingMinutes: DEFAULT_TIME_BUDGET.minutes.establishing,
  meetingsMinutes: DEFAULT_TIME_BUDGET.minutes.meetings,
};

export async function createService(
  db: AppDb,
  {
    provider,
    kind = 'ceo_mentoring',
    name = 'CEO mentoring',
    feePence = 250_000,
  }: { provider?: OrganisationRow; kind?: PartnershipKind; name?: string; feePence?: number } = {},
): Promise<{ id: string; provider: OrganisationRow }> {
  const owner = provider ?? (await createOrganisation(db, { kind: 'provider' }));
  const [row] = await db
    .insert(mentoringServices)
    .values({
      providerOrganisationId: owner.id,
      name,
      kind,
      ...defaultBudget,
      meetingPattern: DEFAULT_MEETING_PATTERN,
      feePence,
      agreementTemplate: DEFAULT_AGREEMENT_TEMPLATE,
      creationKey: randomUUID(),
    })
    .returning({ id: mentoringServices.id });
  if (!row) throw new Error('service not created');
  return { id: row.id, provider: owner };
}

/** A partnership of the service with the given people taking part. */
export async function createPartnership(
  db: AppDb,
  {
    service,
    mentee,
    mentor,
    menteeTrust,
    state = 'meetings',
    title = 'Mentoring partnership',
    others = [],
    kind = 'ceo_mentoring',
    mentorTrust,
  }: {
    kind?: PartnershipKind;
    mentorTrust?: OrganisationRow;
    service: { id: string; provider: OrganisationRow };
    mentee?: PersonRow;
    mentor?: PersonRow;
    menteeTrust?: OrganisationRow;
    state?: PartnershipState;
    title?: string;
    others?: Array<{ person: PersonRow; side: PartnershipSide; organisationId?: string; lead?: boolean }>;
  },
): Promise<string> {
  const [row] = await db
    .insert(partnerships)
    .values({
      serviceId: service.id,
      providerOrganisationId: service.provider.id,
      kind,
      state,
      title,
      menteeTrustId: menteeTrust?.id ?? null,
      mentorTrustId: mentorTrust?.id ?? null,
      startsOn: '2026-09-01',
      endsOn: '2027-08-31',
      ...defaultBudget,
      meetingPattern: DEFAULT_MEETING_PATTERN,
      closedAt: state === 'closed' ? new Date() : null,
      creationKey: randomUUID(),
    })
    .returning({ id: partnerships.id });
  if (!row) throw new Error('partnership not created');
  const taking = [
    ...(mentee ? [{ person: mentee, side: 'mentee' as const, organisationId: menteeTrust?.id, lead: true }] : []),
    ...(mentor ? [{ person: mentor, side: 'mentor' as const, lead: true }] : []),
    ...others,
  ];
  for (const each of taking) {
    await db.insert(partnershipParticipants).values({
      partnershipId: row.id,
      personId: each.person.id,
      side: each.side,
      organisationId: each.organisationId ?? null,
      lead: each.lead ?? false,
    });
  }
  return row.id;
}

/** A checked mentor profile in the provider's pool. */
export async function createMentorProfile(
  db: AppDb,
  {
    mentor,
    provider,
    region = 'London',
    capacity = 2,
    experienceTags = ['turnaround'],
    checked = true,
  }: {
    mentor: PersonRow;
    provider: OrganisationRow;
    region?: EnglishRegion;
    capacity?: number;
    experienceTags?: string[];
    checked?: boolean;
  },
): Promise<string> {
  const [row] = await db
    .insert(mentorProfiles)
    .values({
      personId: mentor.id,
      providerOrganisationId: provider.id,
      biography: 'A serving trust chief executive.',
      experienceTags,
      phases: ['primary', 'secondary'],
      trustSizes: ['medium'],
      region,
      capacity,
      checkedAt: checked ? new Date() : null,
    })
    .returning({ id: mentorProfiles.id });
  if (!row) throw new Error('mentor profile not created');
  return row.id;
}
