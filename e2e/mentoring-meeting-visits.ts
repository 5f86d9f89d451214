import { randomUUID } from 'node:crypto';
import {
  meetingActions,
  partnershipMeetings,
  partnershipTimeEntries,
} from '../src/modules/partnerships/meetings.tables.ts';
import type { AppDb } from '../src/platform/db/database.ts';
import { createPerson } from '../test/support/factories.ts';
import { createPartnership, createService } from '../test/support/partnership-factories.ts';
import type { SignedIn } from '../test/support/sign-in.ts';
import type { PageVisit } from './support/page-visit.ts';

interface MeetingScene {
  partnershipId: string;
  meetingId: string;
}

/**
 * The meeting pages of a partnership, each opened by the mentee (a chief executive) of a
 * partnership made for them first: a meeting held with its time counted and an action, one to
 * come, a conversation logged between them. The notes are sealed by the app, so the scene has
 * none; the calendar page is the visitor's own.
 */
export async function mentoringMeetingVisits(db: AppDb): Promise<PageVisit[]> {
  const scenes = new Map<string, MeetingScene>();

  async function sceneFor(signedIn: SignedIn): Promise<MeetingScene> {
    const service = await createService(db);
    const mentor = await createPerson(db, { displayName: 'Morgan Mentor' });
    const partnershipId = await createPartnership(db, {
      service,
      mentee: signedIn.person,
      mentor,
      menteeTrust: signedIn.organisation,
      title: 'Browser suite partnership',
    });
    const [held] = await db
      .insert(partnershipMeetings)
      .values({
        partnershipId,
        startsAt: new Date('2026-03-03T09:30:00Z'),
        durationMinutes: 180,
        place: 'Head office',
        agenda: 'The board away day',
        status: 'held',
        creationKey: randomUUID(),
      })
      .returning({ id: partnershipMeetings.id });
    if (!held) throw new Error('meeting not created');
    await db.insert(partnershipMeetings).values({
      partnershipId,
      startsAt: new Date(Date.now() + 14 * 24 * 60 * 60 * 1000),
      durationMinutes: 120,
      videoLink: 'https://meet.example.test/abc',
      creationKey: randomUUID(),
    });
    await db.insert(partnershipTimeEntries).values([
      {
        partnershipId,
        component: 'meetings',
        minutes: 180,
        occurredOn: '2026-03-03',
        meetingId: held.id,
        creationKey: `meeting:${held.id}`,
      },
      {
        partnershipId,
        component: 'meetings',
        minutes: 20,
        occurredOn: '2026-03-10',
        description: 'Phone call',
        adHoc: true,
        creationKey: randomUUID(),
      },
    ]);
    await db.insert(meetingActions).values({
      meetingId: held.id,
      partnershipId,
      title: 'Draft the risk appetite statement',
      ownerPersonId: signedIn.person.id,
      dueOn: '2026-04-01',
      creationKey: randomUUID(),
    });
    return { partnershipId, meetingId: held.id };
  }

  const visit = (name: string, route: string, heading: string | RegExp): PageVisit => ({
    name,
    route,
    path: route,
    visitors: ['ceo'],
    status: 200,
    heading: () => heading,
    prepare: async (signedIn) => {
      if (signedIn) scenes.set(name, await sceneFor(signedIn));
    },
    pathFor: () => {
      const scene = scenes.get(name);
      return scene ? route.replace(':id', scene.partnershipId).replace(':meetingId', scene.meetingId) : route;
    },
  });

  return [
    visit('partnership-meetings', '/partnerships/:id/meetings', 'Meetings'),
    visit('partnership-meeting-new', '/partnerships/:id/meetings/new', 'Book a meeting'),
    visit('partnership-meeting', '/partnerships/:id/meetings/:meetingId', 'Tuesday 3 March 2026, 9:30am'),
    visit('partnership-meeting-action-new', '/partnerships/:id/meetings/:meetingId/actions/new', 'Add an action'),
    visit('partnership-time-new', '/partnerships/:id/time/new', 'Log a conversation'),
    visit('partnership-budget', '/partnerships/:id/budget', 'Time budget'),
    {
      name: 'calendar',
      route: '/calendar',
      path: '/calendar',
      visitors: ['ceo'],
      status: 200,
      heading: () => 'Your calendar feed',
    },
  ];
}
