import type { VNode } from 'preact';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Table, TableHead } from '../../../platform/views/components/table.tsx';
import { formatDay } from '../../../platform/views/london-time.ts';
import { formatDuration, formatMeetingStart } from '../meetings.dates.ts';
import type { getMeetingsPage, MeetingRow } from '../meetings.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import { formatHours } from '../time-budget.ts';
import {
  meetingDoneMessages,
  meetingKindLabels,
  meetingStatusLabels,
  PartnershipCaption,
  type MeetingDone,
} from './meeting-parts.tsx';

type Page = Awaited<ReturnType<typeof getMeetingsPage>>;

function MeetingTable({ page, meetings, caption }: { page: Page; meetings: MeetingRow[]; caption: string }): VNode {
  if (meetings.length === 0) {
    return (
      <>
        <h2 class="govuk-heading-m">{caption}</h2>
        <p class="govuk-body">None.</p>
      </>
    );
  }
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <TableHead
        head={[{ text: 'When' }, { text: 'Kind' }, { text: 'Status' }, { text: 'Length' }, { text: 'Time counted' }]}
      />
      <tbody class="govuk-table__body">
        {meetings.map((meeting) => (
          <tr class="govuk-table__row" key={meeting.id}>
            <td class="govuk-table__cell">
              <a
                class="govuk-link"
                href={partnershipPaths.of(page.partnership.id, 'meeting', { meetingId: meeting.id })}
              >
                {formatMeetingStart(meeting.startsAt)}
              </a>
            </td>
            <td class="govuk-table__cell">{meetingKindLabels[meeting.kind]}</td>
            <td class="govuk-table__cell">{meetingStatusLabels[meeting.status]}</td>
            <td class="govuk-table__cell">{formatDuration(meeting.durationMinutes)}</td>
            <td class="govuk-table__cell">
              {meeting.minutesUsed === null ? 'None' : formatHours(meeting.minutesUsed)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MeetingListPage({ page, done }: { page: Page; done: MeetingDone | null }): VNode {
  const { partnership, conversations } = page;
  return (
    <>
      {done && <NotificationBanner type="success" text={meetingDoneMessages[done]} />}
      <PartnershipCaption partnership={partnership} />
      <h1 class="govuk-heading-l">Meetings</h1>
      <p class="govuk-body">
        Time used so far in meetings and conversations: {formatHours(page.usedMinutes)}.{' '}
        <a class="govuk-link" href={partnershipPaths.of(partnership.id, 'budget')}>
          See the time budget
        </a>
      </p>
      {page.open && (
        <div class="govuk-button-group">
          <a class="govuk-button" href={partnershipPaths.of(partnership.id, 'meetingNew')}>
            Book a meeting
          </a>
          <a class="govuk-button govuk-button--secondary" href={partnershipPaths.of(partnership.id, 'timeNew')}>
            Log a conversation
          </a>
        </div>
      )}
      <MeetingTable page={page} meetings={page.upcoming} caption="Upcoming meetings" />
      <MeetingTable page={page} meetings={page.past} caption="Past and cancelled meetings" />
      {conversations.length === 0 ? (
        <>
          <h2 class="govuk-heading-m">Conversations between meetings</h2>
          <p class="govuk-body">None logged.</p>
        </>
      ) : (
        <Table
          caption="Conversations between meetings"
          captionClasses="govuk-table__caption--m"
          head={[{ text: 'Date' }, { text: 'About' }, { text: 'Time' }, { text: 'Logged by' }]}
          rows={conversations.map((each) => [
            { text: formatDay(each.occurredOn) },
            { text: each.description },
            { text: `${formatDuration(each.minutes)}${each.countsAgainstBudget ? '' : ' (not counted)'}` },
            { text: each.loggedByName ?? '' },
          ])}
        />
      )}
    </>
  );
}
