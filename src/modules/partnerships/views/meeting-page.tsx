import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { FormErrors, typedText, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatDay, formatLondonDateTime } from '../../../platform/views/london-time.ts';
import type { MeetingNotes } from '../meeting-notes.service.ts';
import { formatDuration, formatMeetingStart } from '../meetings.dates.ts';
import type { getMeetingPage, MeetingRow } from '../meetings.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import type { BudgetWarning } from '../time-budget.ts';
import { MeetingFields } from './meeting-form-page.tsx';
import {
  meetingDoneMessages,
  MeetingStatusTag,
  meetingKindLabels,
  PartnershipCaption,
  SavedMeanwhile,
  TwoThirds,
  VersionField,
  type Difference,
  type MeetingDone,
} from './meeting-parts.tsx';

export type MeetingPageData = Awaited<ReturnType<typeof getMeetingPage>>;

export interface MeetingEdit {
  values: FormValues;
  errors: FormErrors;
  stale: MeetingRow | null;
  differences: Difference[];
  warnings: BudgetWarning[] | null;
}

export interface NotesEdit {
  values: FormValues;
  errors: FormErrors;
  stale: MeetingNotes | null;
}

function ActionsSection({ page }: { page: MeetingPageData }): VNode {
  const { partnership, meeting, actions, open } = page;
  const actionUrl = partnershipPaths.of(partnership.id, 'meetingActionNew', { meetingId: meeting.id });
  return (
    <>
      <h2 class="govuk-heading-m">Actions</h2>
      {actions.length === 0 ? (
        <p class="govuk-body">No actions yet.</p>
      ) : (
        <Form action={partnershipPaths.of(partnership.id, 'meeting', { meetingId: meeting.id })}>
          <input type="hidden" name="intent" value="actions" />
          <div class="govuk-form-group">
            <fieldset class="govuk-fieldset">
              <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Tick the actions that are done</legend>
              <div class="govuk-checkboxes govuk-checkboxes--small" data-module="govuk-checkboxes">
                {actions.map((action) => (
                  <div class="govuk-checkboxes__item" key={action.id}>
                    <input
                      class="govuk-checkboxes__input"
                      id={`done-${action.id}`}
                      name="done"
                      type="checkbox"
                      value={action.id}
                      checked={action.done}
                      disabled={!open}
                    />
                    <label class="govuk-label govuk-checkboxes__label" for={`done-${action.id}`}>
                      {action.title}: {action.ownerName ?? 'no owner'}
                      {action.dueOn ? `, due ${formatDay(action.dueOn)}` : ''}
                    </label>
                  </div>
                ))}
              </div>
            </fieldset>
          </div>
          {open && <Button text="Save the actions" classes="govuk-button--secondary" />}
        </Form>
      )}
      {open && (
        <p class="govuk-body">
          <a class="govuk-link" href={actionUrl}>
            Add an action
          </a>
        </p>
      )}
    </>
  );
}

function NotesSection({ page, edit }: { page: MeetingPageData; edit: NotesEdit | null }): VNode {
  const { partnership, meeting, notes } = page;
  const values = edit?.values ?? { notes: notes.text };
  return (
    <>
      <h2 class="govuk-heading-m">Private notes</h2>
      {edit?.stale && (
        <SavedMeanwhile
          savedBy={edit.stale.updatedByName}
          savedAt={edit.stale.updatedAt}
          differences={[{ label: 'Notes', saved: edit.stale.text, typed: typedText(values, 'notes') }]}
        />
      )}
      <p class="govuk-body">
        Only the people taking part in this partnership can read these notes. They are kept encrypted.
        {notes.updatedAt &&
          ` Last saved ${formatLondonDateTime(notes.updatedAt)}${notes.updatedByName ? ` by ${notes.updatedByName}` : ''}.`}
      </p>
      <Form action={partnershipPaths.of(partnership.id, 'meetingNotes', { meetingId: meeting.id })}>
        <VersionField values={values} saved={notes.version} stale={edit?.stale?.version ?? null} />
        <Textarea
          id="notes"
          name="notes"
          rows={8}
          label={{ text: 'Notes', classes: 'govuk-label--s' }}
          value={typedText(values, 'notes')}
          errorMessage={edit?.errors.field('notes')}
        />
        <Button text="Save the notes" classes="govuk-button--secondary" />
      </Form>
    </>
  );
}

export function MeetingPage({
  page,
  done,
  edit,
  notesEdit,
}: {
  page: MeetingPageData;
  done: MeetingDone | null;
  edit: MeetingEdit | null;
  notesEdit: NotesEdit | null;
}): VNode {
  const { partnership, meeting, open } = page;
  const errors = notesEdit?.errors.any ? notesEdit.errors : (edit?.errors ?? FormErrors.none());
  const meetingUrl = partnershipPaths.of(partnership.id, 'meeting', { meetingId: meeting.id });
  const where = [meeting.place, meeting.videoLink].filter(Boolean);
  return (
    <TwoThirds>
      <BackLink href={partnershipPaths.of(partnership.id, 'meetings')} text="Back to the meetings" />
      <ErrorSummaryFor errors={errors} />
      {edit?.stale && <SavedMeanwhile savedBy={null} savedAt={edit.stale.updatedAt} differences={edit.differences} />}
      {done && <NotificationBanner type="success" text={meetingDoneMessages[done]} />}
      <PartnershipCaption partnership={partnership} />
      <h1 class="govuk-heading-l">{formatMeetingStart(meeting.startsAt)}</h1>
      <p class="govuk-body">
        <MeetingStatusTag status={meeting.status} />
      </p>
      <SummaryList
        rows={[
          { key: { text: 'Kind' }, value: { text: meetingKindLabels[meeting.kind] } },
          { key: { text: 'How long' }, value: { text: formatDuration(meeting.durationMinutes) } },
          { key: { text: 'Place' }, value: { text: where.join(', ') || 'Not set' } },
          { key: { text: 'Agenda' }, value: { text: meeting.agenda || 'Not set yet', classes: 'tandem-pre-line' } },
          {
            key: { text: 'Preparation' },
            value: { text: meeting.preparation || 'None', classes: 'tandem-pre-line' },
          },
          meeting.minutesUsed !== null && {
            key: { text: 'Time counted' },
            value: { text: formatDuration(meeting.minutesUsed) },
          },
        ]}
      />
      {open && meeting.status === 'planned' && (
        <div class="govuk-button-group">
          <Form action={meetingUrl}>
            <input type="hidden" name="intent" value="held" />
            <Button text="Mark as held" />
          </Form>
          <Form action={meetingUrl}>
            <input type="hidden" name="intent" value="cancelled" />
            <Button text="Cancel the meeting" classes="govuk-button--warning" />
          </Form>
        </div>
      )}
      <NotesSection page={page} edit={notesEdit} />
      <ActionsSection page={page} />
      {open && meeting.status !== 'cancelled' && (
        <>
          <h2 class="govuk-heading-m">Change the meeting</h2>
          <Form action={meetingUrl}>
            <input type="hidden" name="intent" value="save" />
            <VersionField values={edit?.values ?? {}} saved={meeting.version} stale={edit?.stale?.version ?? null} />
            <MeetingFields
              values={edit?.values ?? {}}
              errors={edit?.errors ?? FormErrors.none()}
              setsAgenda={page.setsAgenda}
              savedAgenda={meeting.agenda}
              warnings={edit?.warnings ?? null}
            />
            <Button text="Save the meeting" />
          </Form>
        </>
      )}
    </TwoThirds>
  );
}
