import type { VNode } from 'preact';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Table, TableHead } from '../../../platform/views/components/table.tsx';
import { Tag } from '../../../platform/views/components/tag.tsx';
import type { ProviderDashboard } from '../dashboard.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import { formatHours } from '../time-budget.ts';
import { kindLabels, partiesText, stateLabels, StateTag, termText, timeUsedText } from './partnership-parts.tsx';

export function DashboardPage({ dashboard }: { dashboard: ProviderDashboard }): VNode {
  const { provider, byState, partnerships, totals } = dashboard;
  const overdue = partnerships.filter((each) => each.reviewOverdue).length;
  return (
    <>
      <BackLink href={partnershipPaths.list} text="Back to mentoring" />
      <span class="govuk-caption-l">{provider.name}</span>
      <h1 class="govuk-heading-l">Partnerships dashboard</h1>
      <p class="govuk-body">
        Who takes part, each partnership’s stage, its dates and the time used. What is said and written in a partnership
        is for its participants alone, so none of it is shown here.
      </p>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-one-half">
          <Table
            caption="Partnerships by stage"
            captionClasses="govuk-table__caption--m"
            head={[{ text: 'Stage' }, { text: 'Partnerships', format: 'numeric' }]}
            rows={byState.map(({ state, count }) => [{ text: stateLabels[state] }, { text: count, format: 'numeric' }])}
          />
        </div>
        <div class="govuk-grid-column-one-half">
          <h2 class="govuk-heading-m">Time</h2>
          <p class="govuk-body">
            {formatHours(totals.usedMinutes)} used of {formatHours(totals.plannedMinutes)} planned across the
            partnerships still running.
          </p>
          <h2 class="govuk-heading-m">Reviews</h2>
          <p class="govuk-body">
            {overdue === 0
              ? 'No third-term review is overdue.'
              : `${overdue} ${overdue === 1 ? 'partnership has' : 'partnerships have'} reached the last term without starting the third-term review.`}
          </p>
        </div>
      </div>
      {partnerships.length === 0 ? (
        <p class="govuk-body">No partnerships yet.</p>
      ) : (
        <div class="tandem-table-scroll" role="region" aria-label="Every partnership" tabindex={0}>
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">Every partnership</caption>
            <TableHead
              head={[
                { text: 'Partnership' },
                { text: 'Parties' },
                { text: 'Stage' },
                { text: 'Term' },
                { text: 'Time' },
              ]}
            />
            <tbody class="govuk-table__body">
              {partnerships.map(({ partnership, participants, usage, reviewOverdue }) => (
                <tr class="govuk-table__row" key={partnership.id}>
                  <td class="govuk-table__cell">
                    <a class="govuk-link" href={partnershipPaths.of(partnership.id, 'partnership')}>
                      {partnership.title}
                    </a>
                    <span class="tandem-table-note">{kindLabels[partnership.kind]}</span>
                  </td>
                  <td class="govuk-table__cell">
                    {partnership.kind === 'peer_triad'
                      ? partiesText(participants, 'peer')
                      : `Mentee: ${partiesText(participants, 'mentee')}. Mentor: ${partiesText(participants, 'mentor')}.`}
                  </td>
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
        </div>
      )}
    </>
  );
}
