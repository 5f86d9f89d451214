import type { Viewer } from '../../platform/auth/viewer.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import * as repository from './meetings.repository.ts';
import { MEETING_STATES, loadForContent } from './meetings.service.ts';
import { assertState } from './partnership-access.service.ts';
import * as partnerships from './partnerships.repository.ts';

export interface MeetingActionInput {
  title: string;
  ownerPersonId: string;
  /** "2026-11-30" */
  dueOn: string;
}

async function loadOpenMeeting(
  db: AppDb,
  actor: Viewer | null,
  partnershipId: string,
  meetingId: string,
  forUpdate = false,
) {
  const partnership = await loadForContent(db, actor, partnershipId, forUpdate);
  const meeting = await repository.findMeeting(db, partnershipId, meetingId, { forUpdate });
  if (!meeting) throw AppError.notFound();
  assertState(partnership, MEETING_STATES);
  return { partnership, meeting };
}

export async function getMeetingActionForm(args: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  meetingId: string;
}) {
  const { partnership, meeting } = await loadOpenMeeting(args.db, args.actor, args.partnershipId, args.meetingId);
  const participants = await partnerships.listParticipants(args.db, [partnership.id]);
  return { partnership, meeting, participants };
}

/** Adds an action agreed at a meeting, owned by one of the partnership's participants. */
export async function addMeetingAction({
  db,
  actor,
  partnershipId,
  meetingId,
  input,
  creationKey,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  meetingId: string;
  input: MeetingActionInput;
  creationKey: string;
}): Promise<{ outcome: 'saved' } | { outcome: 'invalid'; field: 'owner'; message: string }> {
  return db.transaction(async (tx) => {
    await loadOpenMeeting(tx, actor, partnershipId, meetingId, true);
    const participants = await partnerships.listParticipants(tx, [partnershipId]);
    if (!participants.some((each) => each.personId === input.ownerPersonId)) {
      return { outcome: 'invalid', field: 'owner', message: 'Select who owns the action from the list' };
    }
    await repository.insertMeetingAction(tx, {
      meetingId,
      partnershipId,
      title: input.title,
      ownerPersonId: input.ownerPersonId,
      dueOn: input.dueOn,
      creationKey: `${meetingId}:${creationKey}`,
    });
    return { outcome: 'saved' };
  });
}

/** Ticks the meeting's actions done as the form shows them: those ticked are done, the rest not. */
export async function tickMeetingActions({
  db,
  actor,
  partnershipId,
  meetingId,
  doneIds,
}: {
  db: AppDb;
  actor: Viewer | null;
  partnershipId: string;
  meetingId: string;
  doneIds: readonly string[];
}): Promise<void> {
  await db.transaction(async (tx) => {
    await loadOpenMeeting(tx, actor, partnershipId, meetingId, true);
    const actions = await repository.listMeetingActions(tx, meetingId);
    // Only this meeting's own actions: anything else sent is ignored.
    const known = new Set(actions.map((action) => action.id));
    await repository.setActionsDone(
      tx,
      meetingId,
      doneIds.filter((id) => known.has(id)),
    );
  });
}
