import type { VNode } from 'preact';
import { Tag } from '../../../platform/views/components/tag.tsx';
import { NOT_CONFIGURED } from '../../../platform/mail/mailer.ts';

interface StatusFields {
  status: 'queued' | 'sent' | 'failed';
  lastError: string | null;
}

/** What happened to a message, in words: a queued message may be waiting, retrying, or never to be sent. */
export function statusLabel(message: StatusFields): string {
  if (message.status === 'sent') return 'Sent';
  if (message.status === 'failed') return 'Failed';
  if (message.lastError === NOT_CONFIGURED) return 'Not sent';
  return message.lastError ? 'Retrying' : 'Queued';
}

const tagClasses: Record<string, string> = {
  Sent: 'govuk-tag--green',
  Failed: 'govuk-tag--red',
  'Not sent': 'govuk-tag--grey',
  Retrying: 'govuk-tag--yellow',
  Queued: 'govuk-tag--blue',
};

export function MessageStatus({ message }: { message: StatusFields }): VNode {
  const label = statusLabel(message);
  return <Tag text={label} classes={tagClasses[label]} />;
}

const londonTime = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h12',
});

/** e.g. "24 November 2026 at 1:01pm", in UK time whatever the server's zone. */
export function formatDateTime(date: Date): string {
  const parts = Object.fromEntries(londonTime.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}${(parts.dayPeriod ?? '').toLowerCase()}`;
}
