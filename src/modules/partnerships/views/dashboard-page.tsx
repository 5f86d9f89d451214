import type { VNode } from 'preact';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { TableHead } from '../../../platform/views/components/table.tsx';
import { PageLinks, ResultCount } from '../../../platform/views/page-links.tsx';
import { DASHBOARD_PAGE_SIZE, type ProviderDashboard } from '../dashboard.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import { formatHours } from '../time-budget.ts';
import { PartnershipTable, stateLabels } from './partnership-parts.tsx';

function StageRow({ label, count, href }: { label: string; count: number; href: string | null }): VNode {
  return (
    <tr class="govuk-table__row">
      <td class="govuk-table__cell">
        {href ? (
          <a class="govuk-link" href={href}>
            {label}
          </a>
        ) : (
          label
        )}
      </td>
      <td class="govuk-table__cell govuk-table__cell--numeric">{count}</td>
    </tr>
  );
}

/** How many partnerships are at each stage; a stage with any links to their list, unless that list is the one shown. */
function StageCounts({ dashboard }: { dashboard: ProviderDashboard }): VNode {
  const { provider, byState, state: shown } = dashboard;
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">Partnerships by stage</caption>
      <TableHead head={[{ text: 'Stage' }, { text: 'Partnerships', format: 'numeric' }]} />
      <tbody class="govuk-table__body">
        {byState.map(({ state, count }) => (
          <StageRow
            key={state}
            label={stateLabels[state]}
            count={count}
            href={count > 0 && state !== shown ? partnershipPaths.dashboard(provider.id, { state }) : null}
          />
        ))}
        <StageRow
          label="All stages"
          count={byState.reduce((sum, { count }) => sum + count, 0)}
          href={shown ? partnershipPaths.dashboard(provider.id) : null}
        />
      </tbody>
    </table>
  );
}

export function DashboardPage({ dashboard }: { dashboard: ProviderDashboard }): VNode {
  const { provider, partnerships, totals, reviewsOverdue: overdue, state, total } = dashboard;
  const listName = state ? `Partnerships at the ${stateLabels[state]} stage` : 'Every partnership';
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
          <StageCounts dashboard={dashboard} />
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
              : `${overdue} ${overdue === 1 ? 'partnership has' : 'partnerships have'} reached the last term without starting the third-term review. They are listed first.`}
          </p>
        </div>
      </div>
      <h2 class="govuk-heading-m">{listName}</h2>
      {total === 0 ? (
        <p class="govuk-body">{state ? 'No partnerships at this stage.' : 'No partnerships yet.'}</p>
      ) : (
        <>
          <ResultCount
            page={dashboard.page}
            pageSize={DASHBOARD_PAGE_SIZE}
            shown={partnerships.length}
            total={total}
            noun={{ one: 'partnership', many: 'partnerships' }}
          />
          <div class="tandem-table-scroll" role="region" aria-label={listName} tabindex={0}>
            <PartnershipTable
              caption={`${listName}, reviews overdue first, then the newest`}
              captionClasses="govuk-visually-hidden"
              summaries={partnerships}
              parties
            />
          </div>
          <PageLinks
            page={dashboard.page}
            pageCount={dashboard.pageCount}
            hrefFor={(page) => partnershipPaths.dashboard(provider.id, { state, page })}
            label="Pages of partnerships"
          />
        </>
      )}
    </>
  );
}
