import type { VNode } from 'preact';
import { Tag } from '../../../platform/views/components/tag.tsx';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import type { ConversationRow } from '../chemistry.service.ts';
import type { ChemistryStatus } from '../matching.tables.ts';
import { partnershipPaths } from '../partnerships.paths.ts';

export const chemistryStatusLabels: Record<ChemistryStatus, string> = {
  scheduled: 'Scheduled',
  held: 'Held',
  cancelled: 'Cancelled',
};

export function ChemistryStatusTag({ conversation }: { conversation: Pick<ConversationRow, 'status' | 'chosen'> }) {
  if (conversation.chosen) return <Tag text="Chosen" classes="govuk-tag--green" />;
  const colour = { scheduled: 'govuk-tag--blue', held: 'govuk-tag--grey', cancelled: 'govuk-tag--red' };
  return <Tag text={chemistryStatusLabels[conversation.status]} classes={colour[conversation.status]} />;
}

/** "60 minutes", "1 hour 30 minutes". */
export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [
    ...(hours > 0 ? [`${hours} ${hours === 1 ? 'hour' : 'hours'}`] : []),
    ...(rest > 0 ? [`${rest} ${rest === 1 ? 'minute' : 'minutes'}`] : []),
  ];
  return parts.join(' ');
}

export function ConversationList({
  partnershipId,
  conversations,
}: {
  partnershipId: string;
  conversations: ConversationRow[];
}): VNode {
  if (conversations.length === 0) return <p class="govuk-body">No conversation has been scheduled yet.</p>;
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-visually-hidden">Chemistry conversations</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          {['Mentor', 'When', 'Status'].map((heading) => (
            <th scope="col" class="govuk-table__header" key={heading}>
              {heading}
            </th>
          ))}
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {conversations.map((conversation) => (
          <tr class="govuk-table__row" key={conversation.id}>
            <td class="govuk-table__cell">
              <a
                class="govuk-link"
                href={partnershipPaths.of(partnershipId, 'chemistry', { conversationId: conversation.id })}
              >
                {conversation.mentorName}
              </a>
            </td>
            <td class="govuk-table__cell">{formatLondonDateTime(conversation.startsAt)}</td>
            <td class="govuk-table__cell">
              <ChemistryStatusTag conversation={conversation} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
