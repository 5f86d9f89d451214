import type { VNode } from 'preact';
import type { OutboxSummary } from '../../../platform/mail/outbox.ts';
import { InsetText } from '../../../platform/views/components/inset-text.tsx';
import { PageLinks } from '../../../platform/views/page-links.tsx';
import { paths } from '../outbox.paths.ts';
import { formatDateTime, MessageStatus } from './message-status.tsx';

export interface OutboxListPageProps {
  messages: OutboxSummary[];
  total: number;
  page: number;
  pageCount: number;
  mailConfigured: boolean;
}

export function OutboxListPage({ messages, total, page, pageCount, mailConfigured }: OutboxListPageProps): VNode {
  return (
    <>
      <h1 class="govuk-heading-l">Outbox</h1>
      <p class="govuk-body">
        Every email Tandem sends, newest first. Messages can hold sign-in links: do not pass them on.
      </p>
      {!mailConfigured && (
        <InsetText text="No mail server is configured (SMTP_URL is not set), so messages are not sent: they stay here." />
      )}
      {messages.length === 0 ? (
        <p class="govuk-body">No messages yet.</p>
      ) : (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">
            {total === 1 ? '1 message' : `${total} messages`}
            {pageCount > 1 && `, page ${page} of ${pageCount}`}
          </caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Subject
              </th>
              <th scope="col" class="govuk-table__header">
                To
              </th>
              <th scope="col" class="govuk-table__header">
                Written
              </th>
              <th scope="col" class="govuk-table__header">
                Status
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {messages.map((message) => (
              <tr class="govuk-table__row">
                <td class="govuk-table__cell">
                  <a class="govuk-link" href={paths.messageFor(message.id)}>
                    {message.subject}
                  </a>
                </td>
                <td class="govuk-table__cell govuk-!-text-break-word">{message.to}</td>
                <td class="govuk-table__cell">{formatDateTime(message.createdAt)}</td>
                <td class="govuk-table__cell">
                  <MessageStatus message={message} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PageLinks page={page} pageCount={pageCount} hrefFor={paths.page} label="Outbox pages" />
    </>
  );
}
