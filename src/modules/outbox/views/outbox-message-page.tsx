import type { VNode } from 'preact';
import type { OutboxMessage } from '../../../platform/mail/outbox.ts';
import { Details } from '../../../platform/views/components/details.tsx';
import { SummaryList, type SummaryListRow } from '../../../platform/views/components/summary-list.tsx';
import { formatDateTime, statusLabel } from './message-status.tsx';

export function OutboxMessagePage({ message }: { message: OutboxMessage }): VNode {
  const rows: SummaryListRow[] = [
    { key: { text: 'To' }, value: { text: message.to } },
    { key: { text: 'Written' }, value: { text: formatDateTime(message.createdAt) } },
    { key: { text: 'Status' }, value: { text: statusLabel(message) } },
    { key: { text: 'Attempts to send' }, value: { text: String(message.attempts) } },
  ];
  if (message.sentAt) rows.push({ key: { text: 'Sent' }, value: { text: formatDateTime(message.sentAt) } });
  if (message.lastError) rows.push({ key: { text: 'Last problem' }, value: { text: message.lastError } });
  return (
    <>
      <span class="govuk-caption-l">Outbox message</span>
      <h1 class="govuk-heading-l">{message.subject}</h1>
      <SummaryList rows={rows} />
      <h2 class="govuk-heading-m">Message</h2>
      <div class="govuk-inset-text">
        <MessageText text={message.text} />
      </div>
      {message.html && (
        <Details summaryText="HTML version (as source)">
          <MessageText text={message.html} />
        </Details>
      )}
    </>
  );
}

/** Plain text as paragraphs, its line breaks kept: a sign-in link stays on a line of its own. */
function MessageText({ text }: { text: string }): VNode {
  const paragraphs = text.split(/\r?\n\s*\r?\n/).filter((paragraph) => paragraph.trim() !== '');
  return (
    <>
      {paragraphs.map((paragraph) => (
        <p class="govuk-body govuk-!-text-break-word">
          {paragraph.split(/\r?\n/).flatMap((line, index) => (index === 0 ? [line] : [<br />, line]))}
        </p>
      ))}
    </>
  );
}
