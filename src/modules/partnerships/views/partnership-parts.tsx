import type { VNode } from 'preact';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { TableHead } from '../../../platform/views/components/table.tsx';
import { Tag } from '../../../platform/views/components/tag.tsx';
import { formatDay } from '../../../platform/views/london-time.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import type { ParticipantRow, PartnershipRow, PartnershipSummary } from '../partnerships.service.ts';
import type { PartnershipKind, PartnershipSide, PartnershipState } from '../partnerships.tables.ts';
import { formatHours, type BudgetUsage } from '../time-budget.ts';

export const kindLabels: Record<PartnershipKind, string> = {
  ceo_mentoring: 'CEO mentoring',
  trust_to_trust: 'Trust-to-trust',
  peer_triad: 'Peer triad',
  coaching: 'Coaching',
};

export const stateLabels: Record<PartnershipState, string> = {
  matching: 'Matching',
  chemistry: 'Chemistry conversations',
  agreement: 'Agreement',
  preparation: 'Preparation',
  establishing: 'Establishing',
  meetings: 'Meetings',
  review: 'Third-term review',
  closed: 'Closed',
};

export const sideLabels: Record<PartnershipSide, string> = { mentor: 'Mentor', mentee: 'Mentee', peer: 'Peer' };

/** The partnership's title above a page's heading. */
export function PartnershipCaption({ partnership }: { partnership: { title: string } }): VNode {
  return <span class="govuk-caption-l">{partnership.title}</span>;
}

/** The first cell of a row in a table of partnerships: its title, linked, and its kind beneath. */
export function PartnershipTitleCell({
  partnership,
}: {
  partnership: Pick<PartnershipRow, 'id' | 'title' | 'kind'>;
}): VNode {
  return (
    <td class="govuk-table__cell">
      <a class="govuk-link" href={partnershipPaths.of(partnership.id, 'partnership')}>
        {partnership.title}
      </a>
      <span class="tandem-table-note">{kindLabels[partnership.kind]}</span>
    </td>
  );
}

export function StateTag({ state }: { state: PartnershipState }): VNode {
  return <Tag text={stateLabels[state]} classes={state === 'closed' ? 'govuk-tag--grey' : 'govuk-tag--blue'} />;
}

/** "1 September 2026 to 31 August 2027", or what is not set yet. */
export function termText(partnership: Pick<PartnershipRow, 'startsOn' | 'endsOn'>): string {
  if (partnership.startsOn && partnership.endsOn)
    return `${formatDay(partnership.startsOn)} to ${formatDay(partnership.endsOn)}`;
  return 'Not set yet (the agreement sets it)';
}

/** "12.5 of 56 hours used", with the state of the budget when it needs attention. */
export function timeUsedText(usage: BudgetUsage): string {
  const { usedMinutes, plannedMinutes, status } = usage.overall;
  const base = `${formatHours(usedMinutes)} of ${formatHours(plannedMinutes)} used`;
  return status === 'within' ? base : `${base} (${status})`;
}

/** Each side's people: "Sam Patel (lead), Alex Jones". */
export function partiesText(participants: ParticipantRow[], side: PartnershipSide): string {
  const names = participants
    .filter((each) => each.side === side)
    .map(
      (each) =>
        `${each.displayName}${each.lead ? ' (lead)' : ''}${each.organisationName ? `, ${each.organisationName}` : ''}`,
    );
  return names.length > 0 ? names.join('; ') : 'Nobody yet';
}

/** What provider staff may see of a partnership: parties, state, dates, time used. Never content. */
export function PartnershipFacts({
  partnership,
  participants,
  usage,
}: {
  partnership: PartnershipRow;
  participants: ParticipantRow[];
  usage: BudgetUsage;
}): VNode {
  const sides: PartnershipSide[] = partnership.kind === 'peer_triad' ? ['peer'] : ['mentee', 'mentor'];
  return (
    <SummaryList
      rows={[
        { key: { text: 'Kind' }, value: { text: kindLabels[partnership.kind] } },
        { key: { text: 'Service' }, value: { text: `${partnership.serviceName}, ${partnership.providerName}` } },
        ...sides.map((side) => ({
          key: { text: side === 'peer' ? 'Peers' : sideLabels[side] },
          value: { text: partiesText(participants, side) },
        })),
        partnership.menteeTrustName !== null && {
          key: { text: 'Mentee trust' },
          value: { text: partnership.menteeTrustName },
        },
        { key: { text: 'Term' }, value: { text: termText(partnership) } },
        { key: { text: 'Time' }, value: { text: timeUsedText(usage) } },
      ]}
    />
  );
}

/** What a table of partnerships shows of each: from a page of the provider's dashboard or a person's own list. */
type ListedPartnership = Pick<
  PartnershipRow,
  | 'id'
  | 'title'
  | 'kind'
  | 'state'
  | 'startsOn'
  | 'endsOn'
  | 'readingMinutes'
  | 'schoolVisitsMinutes'
  | 'establishingMinutes'
  | 'meetingsMinutes'
>;

/**
 * Partnerships, one a row: title and kind, stage, term and time used, and with `parties` who takes
 * part on each side. A row marked `reviewOverdue` says so beside its stage.
 */
export function PartnershipTable({
  caption,
  captionClasses = 'govuk-table__caption--m',
  summaries,
  parties = false,
}: {
  caption: string;
  captionClasses?: string;
  summaries: Array<PartnershipSummary<ListedPartnership> & { reviewOverdue?: boolean }>;
  parties?: boolean;
}): VNode {
  return (
    <table class="govuk-table">
      <caption class={`govuk-table__caption ${captionClasses}`}>{caption}</caption>
      <TableHead
        head={[
          { text: 'Partnership' },
          ...(parties ? [{ text: 'Parties' }] : []),
          { text: 'Stage' },
          { text: 'Term' },
          { text: 'Time' },
        ]}
      />
      <tbody class="govuk-table__body">
        {summaries.map(({ partnership, participants, usage, reviewOverdue }) => (
          <tr class="govuk-table__row" key={partnership.id}>
            <PartnershipTitleCell partnership={partnership} />
            {parties && (
              <td class="govuk-table__cell">
                {partnership.kind === 'peer_triad'
                  ? partiesText(participants, 'peer')
                  : `Mentee: ${partiesText(participants, 'mentee')}. Mentor: ${partiesText(participants, 'mentor')}.`}
              </td>
            )}
            <td class="govuk-table__cell">
              <StateTag state={partnership.state} />
              {reviewOverdue && <Tag text="Review overdue" classes="govuk-tag--red govuk-!-margin-top-1" />}
            </td>
            <td class="govuk-table__cell">{termText(partnership)}</td>
            <td class="govuk-table__cell">{timeUsedText(usage)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
