import { randomUUID } from 'node:crypto';
import type { AppDb } from '../platform/db/database.ts';
import { mentorProfiles } from '../modules/partnerships/matching.tables.ts';
import {
  mentoringServices,
  partnershipParticipants,
  partnerships,
} from '../modules/partnerships/partnerships.tables.ts';
import { DEFAULT_AGREEMENT_TEMPLATE, DEFAULT_MEETING_PATTERN } from '../modules/partnerships/service-defaults.ts';
import { DEFAULT_TIME_BUDGET } from '../modules/partnerships/time-budget.ts';

const budget = {
  readingMinutes: DEFAULT_TIME_BUDGET.minutes.reading,
  schoolVisitsMinutes: DEFAULT_TIME_BUDGET.minutes['school-visits'],
  establishingMinutes: DEFAULT_TIME_BUDGET.minutes.establishing,
  meetingsMinutes: DEFAULT_TIME_BUDGET.minutes.meetings,
};

/**
 * The demo provider's mentoring, so that each demo person finds something to open: a CEO mentoring
 * service taking enquiries, the demo mentor's checked profile, and a partnership waiting to be
 * matched for the demo chief executive (the programme manager ranks mentors and goes on from there).
 */
export async function seedDemoMentoring(
  db: AppDb,
  {
    providerId,
    trustId,
    mentorId,
    menteeId,
  }: { providerId: string; trustId: string; mentorId: string; menteeId: string },
): Promise<void> {
  const [service] = await db
    .insert(mentoringServices)
    .values({
      providerOrganisationId: providerId,
      name: 'CEO mentoring',
      kind: 'ceo_mentoring',
      description: 'A year of one-to-one mentoring for a trust chief executive, from a serving chief executive.',
      ...budget,
      meetingPattern: DEFAULT_MEETING_PATTERN,
      feePence: 250_000,
      agreementTemplate: DEFAULT_AGREEMENT_TEMPLATE,
      creationKey: randomUUID(),
    })
    .returning({ id: mentoringServices.id });
  if (!service) throw new Error('Demo data: the mentoring service was not created');
  await db.insert(mentorProfiles).values({
    personId: mentorId,
    providerOrganisationId: providerId,
    biography: 'Chief executive of a growing multi-academy trust in the North East for eight years.',
    values: 'Listening first; honest challenge; the pupils in the room.',
    experienceTags: ['growth', 'turnaround', 'church schools'],
    phases: ['primary', 'secondary'],
    trustSizes: ['medium', 'large'],
    hasGrownATrust: true,
    region: 'North East',
    capacity: 2,
    checkedAt: new Date(),
  });
  const [partnership] = await db
    .insert(partnerships)
    .values({
      serviceId: service.id,
      providerOrganisationId: providerId,
      kind: 'ceo_mentoring',
      state: 'matching',
      title: 'Chris Chief (Meridian Trust)',
      menteeTrustId: trustId,
      ...budget,
      feePence: 250_000,
      meetingPattern: DEFAULT_MEETING_PATTERN,
      creationKey: randomUUID(),
    })
    .returning({ id: partnerships.id });
  if (!partnership) throw new Error('Demo data: the partnership was not created');
  await db
    .insert(partnershipParticipants)
    .values({ partnershipId: partnership.id, personId: menteeId, side: 'mentee', organisationId: trustId, lead: true });
}
