import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireSignedIn } from '../../platform/access/guards.ts';
import { auditContext } from '../../platform/audit/audit.ts';
import { instantValues, parseDatedForm, typedInstant } from '../../platform/forms/date-fields.ts';
import { FormErrors, formValuesOf, parseForm, typedText, type FormValues } from '../../platform/forms/forms.ts';
import { parseId } from '../../platform/http/app-error.ts';
import { saveMeetingNotes } from './meeting-notes.service.ts';
import { tickMeetingActions } from './meeting-actions.service.ts';
import { formatDuration, formatMeetingStart } from './meetings.dates.ts';
import { meetingForm, meetingStart, meetingStatusForm, notesForm, type MeetingFormData } from './meetings.schemas.ts';
import {
  bookMeeting,
  getMeetingForm,
  getMeetingPage,
  getMeetingsPage,
  saveMeeting,
  setMeetingStatus,
  type MeetingInput,
  type MeetingRow,
} from './meetings.service.ts';
import type { PartnershipsOptions } from './index.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { MeetingFormPage } from './views/meeting-form-page.tsx';
import { MeetingListPage } from './views/meeting-list-page.tsx';
import { differencesOf, doneFrom, meetingKindLabels } from './views/meeting-parts.tsx';
import { MeetingPage, type MeetingEdit, type NotesEdit } from './views/meeting-page.tsx';

const { routes } = partnershipPaths;

export const param = (request: FastifyRequest, name: 'id' | 'meetingId') =>
  parseId((request.params as Record<string, unknown>)[name]);

const meetingOrder = [
  'startsAt',
  'duration',
  'durationHours',
  'durationMinutes',
  'place',
  'videoLink',
  'agenda',
  'preparation',
  'kind',
];

function inputOf(data: MeetingFormData, values: FormValues): MeetingInput {
  return {
    kind: data.kind,
    startsAt: typedInstant(values, meetingStart.name),
    durationMinutes: data.durationHours * 60 + data.durationMinutes,
    place: data.place,
    videoLink: data.videoLink || null,
    agenda: data.agenda,
    preparation: data.preparation,
  };
}

function meetingValues(meeting: MeetingRow): FormValues {
  return {
    ...instantValues(meetingStart.name, meeting.startsAt),
    durationHours: String(Math.floor(meeting.durationMinutes / 60)),
    durationMinutes: String(meeting.durationMinutes % 60),
    place: meeting.place,
    videoLink: meeting.videoLink ?? '',
    agenda: meeting.agenda,
    preparation: meeting.preparation,
    kind: meeting.kind,
  };
}

/** Where a meeting saved meanwhile differs from what was typed, in words. */
function differences(current: MeetingRow, values: FormValues) {
  const saved = meetingValues(current);
  const typed = (name: string) => typedText(values, name);
  const length = (from: FormValues) =>
    formatDuration(
      Number(typedText(from, 'durationHours') || 0) * 60 + Number(typedText(from, 'durationMinutes') || 0),
    );
  const kind = (value: string) => (value in meetingKindLabels ? meetingKindLabels[value as MeetingRow['kind']] : value);
  return differencesOf([
    // Only a form that passed its checks can be stale, so what was typed is a real date and time.
    [
      'Date and start time',
      formatMeetingStart(current.startsAt),
      formatMeetingStart(typedInstant(values, meetingStart.name)),
    ],
    ['How long', length(saved), length(values)],
    ['Place', current.place, typed('place')],
    ['Video link', current.videoLink ?? '', typed('videoLink')],
    ...('agenda' in values ? [['Agenda', current.agenda, typed('agenda')] as [string, string, string]] : []),
    ['Preparation', current.preparation, typed('preparation')],
    ['Kind', kind(current.kind), kind(typed('kind'))],
  ]);
}

const durationErrors = (message: string) =>
  new FormErrors([{ field: 'duration', message }], { duration: 'durationHours' });

export async function meetingRoutes(app: FastifyInstance, { db, cipher }: PartnershipsOptions): Promise<void> {
  const signedIn = { preHandler: requireSignedIn };

  app.get(routes.meetings, signedIn, async function meetingsGet(request, reply) {
    const page = await getMeetingsPage({
      db,
      actor: request.viewer,
      partnershipId: param(request, 'id'),
      audit: auditContext(request),
    });
    return reply.renderPage({
      title: 'Meetings',
      content: <MeetingListPage page={page} done={doneFrom(request.query)} />,
    });
  });

  async function newForm(
    request: FastifyRequest,
    reply: FastifyReply,
    typed: { values: FormValues; errors: FormErrors; warnings: MeetingEdit['warnings'] } | null,
  ) {
    const form = await getMeetingForm({ db, actor: request.viewer, partnershipId: param(request, 'id') });
    const values = typed?.values ?? { kind: 'regular' };
    const errors = typed?.errors ?? FormErrors.none();
    return reply.renderPage({
      title: 'Book a meeting',
      status: errors.any ? 400 : 200,
      ...(errors.any ? { hasErrors: true } : {}),
      content: (
        <MeetingFormPage
          partnership={form.partnership}
          setsAgenda={form.setsAgenda}
          values={values}
          errors={errors}
          creationKey={typedText(values, 'creationKey') || randomUUID()}
          warnings={typed?.warnings ?? null}
        />
      ),
    });
  }

  app.get(routes.meetingNew, signedIn, async function newMeetingGet(request, reply) {
    return newForm(request, reply, null);
  });

  app.post(routes.meetingNew, signedIn, async function newMeetingPost(request, reply) {
    const partnershipId = param(request, 'id');
    const parsed = parseDatedForm(meetingForm, request.body, {
      dates: [meetingStart],
      times: [meetingStart],
      order: meetingOrder,
    });
    if (!parsed.ok) return newForm(request, reply, { ...parsed, warnings: null });
    const result = await bookMeeting({
      db,
      actor: request.viewer,
      partnershipId,
      input: inputOf(parsed.data, parsed.values),
      confirmOverspend: parsed.data.confirmOverspend.includes('yes'),
      creationKey: parsed.data.creationKey || randomUUID(),
    });
    if (result.outcome === 'invalid')
      return newForm(request, reply, { values: parsed.values, errors: durationErrors(result.message), warnings: null });
    if (result.outcome === 'overspend') {
      return newForm(request, reply, { values: parsed.values, errors: FormErrors.none(), warnings: result.warnings });
    }
    return reply.redirect(
      partnershipPaths.of(partnershipId, 'meeting', { meetingId: result.meetingId }, 'booked'),
      303,
    );
  });

  async function meetingPage(
    request: FastifyRequest,
    reply: FastifyReply,
    {
      edit = null,
      notesEdit = null,
      status = 200,
    }: { edit?: MeetingEdit | null; notesEdit?: NotesEdit | null; status?: number },
  ) {
    const page = await getMeetingPage({
      db,
      cipher,
      actor: request.viewer,
      partnershipId: param(request, 'id'),
      meetingId: param(request, 'meetingId'),
      audit: auditContext(request),
    });
    const shown: MeetingEdit = edit ?? {
      values: meetingValues(page.meeting),
      errors: FormErrors.none(),
      stale: null,
      differences: [],
      warnings: null,
    };
    return reply.renderPage({
      title: formatMeetingStart(page.meeting.startsAt),
      status,
      ...(status === 400 ? { hasErrors: true } : {}),
      content: (
        <MeetingPage
          page={page}
          done={edit || notesEdit ? null : doneFrom(request.query)}
          edit={shown}
          notesEdit={notesEdit}
        />
      ),
    });
  }

  app.get(routes.meeting, signedIn, async function meetingGet(request, reply) {
    return meetingPage(request, reply, {});
  });

  app.post(routes.meeting, signedIn, async function meetingPost(request, reply) {
    const partnershipId = param(request, 'id');
    const meetingId = param(request, 'meetingId');
    const toMeeting = (done: Parameters<typeof partnershipPaths.of>[3]) =>
      reply.redirect(partnershipPaths.of(partnershipId, 'meeting', { meetingId }, done), 303);
    const intent = typedText(formValuesOf(request.body), 'intent');
    if (intent === 'held' || intent === 'cancelled' || intent === 'actions') {
      const parsed = parseForm(meetingStatusForm, request.body);
      if (!parsed.ok) return meetingPage(request, reply, {});
      if (parsed.data.intent === 'actions') {
        await tickMeetingActions({ db, actor: request.viewer, partnershipId, meetingId, doneIds: parsed.data.done });
        return toMeeting('actions-saved');
      }
      await setMeetingStatus({ db, actor: request.viewer, partnershipId, meetingId, status: parsed.data.intent });
      return toMeeting(parsed.data.intent);
    }
    const parsed = parseDatedForm(meetingForm, request.body, {
      dates: [meetingStart],
      times: [meetingStart],
      order: meetingOrder,
    });
    const edit = (fields: Partial<MeetingEdit>): MeetingEdit => ({
      values: parsed.values,
      errors: FormErrors.none(),
      stale: null,
      differences: [],
      warnings: null,
      ...fields,
    });
    if (!parsed.ok) return meetingPage(request, reply, { edit: edit({ errors: parsed.errors }), status: 400 });
    const result = await saveMeeting({
      db,
      actor: request.viewer,
      partnershipId,
      meetingId,
      input: inputOf(parsed.data, parsed.values),
      version: parsed.data.version,
      confirmOverspend: parsed.data.confirmOverspend.includes('yes'),
    });
    if (result.outcome === 'invalid')
      return meetingPage(request, reply, { edit: edit({ errors: durationErrors(result.message) }), status: 400 });
    if (result.outcome === 'overspend')
      return meetingPage(request, reply, { edit: edit({ warnings: result.warnings }) });
    if (result.outcome === 'stale') {
      const stale = edit({ stale: result.current, differences: differences(result.current, parsed.values) });
      return meetingPage(request, reply, { edit: stale, status: 409 });
    }
    return toMeeting('saved');
  });

  app.post(routes.meetingNotes, signedIn, async function meetingNotesPost(request, reply) {
    const partnershipId = param(request, 'id');
    const meetingId = param(request, 'meetingId');
    const parsed = parseForm(notesForm, request.body);
    if (!parsed.ok) return meetingPage(request, reply, { notesEdit: { ...parsed, stale: null }, status: 400 });
    const result = await saveMeetingNotes({
      db,
      cipher,
      actor: request.viewer,
      partnershipId,
      meetingId,
      text: parsed.data.notes,
      version: parsed.data.version,
    });
    if (result.outcome === 'stale') {
      const notesEdit = { values: parsed.values, errors: FormErrors.none(), stale: result.current };
      return meetingPage(request, reply, { notesEdit, status: 409 });
    }
    return reply.redirect(partnershipPaths.of(partnershipId, 'meeting', { meetingId }, 'notes'), 303);
  });
}
