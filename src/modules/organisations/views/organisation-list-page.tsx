import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import type { FormErrors } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { PageLinks } from '../../../platform/views/page-links.tsx';
import { Select } from '../../../platform/views/components/select.tsx';
import { organisationPaths, type ListQuery } from '../organisations.paths.ts';
import { PAGE_SIZE, type OrganisationsPage, type OrganisationSummary } from '../organisations.service.ts';
import { organisationKinds, type OrganisationKind } from '../organisations.tables.ts';
import { kindLabels } from './labels.ts';

/** The search as typed, to fill the form again and carry into page links. */
export interface TypedSearch {
  q: string;
  kind: string;
  trust: string;
}

function identifier(organisation: OrganisationSummary): string {
  if (organisation.urn !== null) return `URN ${organisation.urn}`;
  if (organisation.groupUid !== null) return `Group UID ${organisation.groupUid}`;
  return '';
}

function SearchForm({ typed, errors }: { typed: TypedSearch; errors: FormErrors }): VNode {
  return (
    <form action={organisationPaths.list()} method="get" novalidate>
      {typed.trust && <input type="hidden" name="trust" value={typed.trust} />}
      <Input
        id="q"
        name="q"
        type="search"
        spellcheck={false}
        label={{ text: 'Search', classes: 'govuk-label--s' }}
        hint={{ text: 'Part of a name, a URN, a group UID or a Companies House number' }}
        value={typed.q}
        errorMessage={errors.field('q')}
      />
      <Select
        id="kind"
        name="kind"
        label={{ text: 'Kind', classes: 'govuk-label--s' }}
        value={typed.kind}
        errorMessage={errors.field('kind')}
        items={[
          { value: '', text: 'All kinds' },
          ...organisationKinds.map((kind) => ({ value: kind, text: kindLabels[kind] })),
        ]}
      />
      <Button text="Search" classes="govuk-button--secondary" />
    </form>
  );
}

function Results({ result, typed }: { result: OrganisationsPage; typed: TypedSearch }): VNode {
  const { page, pageCount, total } = result;
  const query: ListQuery = { q: typed.q, kind: typed.kind as OrganisationKind | '', trust: typed.trust };
  const hrefFor = (number: number) => organisationPaths.list({ ...query, page: number });
  if (total === 0) return <p class="govuk-body">No organisations match.</p>;
  const first = (page - 1) * PAGE_SIZE + 1;
  return (
    <>
      <p class="govuk-body">
        Showing <strong>{first}</strong> to <strong>{first + result.organisations.length - 1}</strong> of{' '}
        <strong>{total}</strong> {total === 1 ? 'organisation' : 'organisations'}
      </p>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-visually-hidden">Organisations in name order</caption>
        <thead class="govuk-table__head">
          <tr class="govuk-table__row">
            {['Name', 'Kind', 'Identifier', 'Location'].map((heading) => (
              <th scope="col" class="govuk-table__header">
                {heading}
              </th>
            ))}
          </tr>
        </thead>
        <tbody class="govuk-table__body">
          {result.organisations.map((organisation) => (
            <tr class="govuk-table__row">
              <td class="govuk-table__cell">
                <a class="govuk-link" href={organisationPaths.organisation(organisation.id)}>
                  {organisation.name}
                </a>
              </td>
              <td class="govuk-table__cell">{kindLabels[organisation.kind]}</td>
              <td class="govuk-table__cell">{identifier(organisation)}</td>
              <td class="govuk-table__cell">{organisation.town ?? organisation.localAuthority ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <PageLinks page={page} pageCount={pageCount} hrefFor={hrefFor} label="Pages of organisations" />
    </>
  );
}

export function OrganisationListPage({
  typed,
  errors,
  result,
}: {
  typed: TypedSearch;
  errors: FormErrors;
  /** Absent when the search could not be read: the form comes back with its errors alone. */
  result?: OrganisationsPage;
}): VNode {
  const trust = result?.trust;
  return (
    <>
      <ErrorSummaryFor errors={errors} />
      <h1 class="govuk-heading-l">{trust ? `Schools of ${trust.name}` : 'Organisations'}</h1>
      {trust ? (
        <p class="govuk-body">
          <a class="govuk-link" href={organisationPaths.organisation(trust.id)}>
            Back to {trust.name}
          </a>{' '}
          or{' '}
          <a class="govuk-link" href={organisationPaths.list()}>
            see all organisations
          </a>
        </p>
      ) : (
        <Button text="Add an organisation" href={organisationPaths.new()} />
      )}
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <SearchForm typed={typed} errors={errors} />
        </div>
      </div>
      {result ? (
        <Results result={result} typed={typed} />
      ) : (
        <p class="govuk-body">Correct the search to see results.</p>
      )}
    </>
  );
}
