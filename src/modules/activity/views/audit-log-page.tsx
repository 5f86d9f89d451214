import type { VNode } from 'preact';
import { auditActions } from '../../../platform/audit/audit.ts';
import { dateBoxesInError } from '../../../platform/forms/date-fields.ts';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import type { FormErrors, FormValues } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { DateInput } from '../../../platform/views/components/date-input.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Select } from '../../../platform/views/components/select.tsx';
import { Table } from '../../../platform/views/components/table.tsx';
import { activityPaths } from '../activity.paths.ts';
import { dateInputs, type DateFilter } from '../activity.schemas.ts';
import { PAGE_SIZE, type AuditEventView, type EventsPage } from '../activity.service.ts';
import { actionLabel, actionLabels, summariseDetails } from '../event-descriptions.ts';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import { PageLinks, ResultCount } from '../../../platform/views/page-links.tsx';

/** The filters as typed, to fill the form again and carry into the page links. */
export const filterNames = [
  'action',
  'person',
  'from-day',
  'from-month',
  'from-year',
  'to-day',
  'to-month',
  'to-year',
] as const;

export function typedFilters(values: FormValues): Record<string, string> {
  return Object.fromEntries(
    filterNames.map((name) => {
      const value = values[name];
      return [name, typeof value === 'string' ? value : ''];
    }),
  );
}

function DateFilter({
  field,
  values,
  errors,
}: {
  field: DateFilter;
  values: Record<string, string>;
  errors: FormErrors;
}): VNode {
  const { label, name: prefix } = dateInputs[field];
  // A too-long box is reported against the box; shown beside the date all the same.
  const error = [field, `${prefix}-day`, `${prefix}-month`, `${prefix}-year`]
    .map((name) => errors.field(name))
    .find(Boolean);
  const wrong = error ? dateBoxesInError(values, prefix) : [];
  const box = (name: 'day' | 'month' | 'year', width: number) => ({
    name,
    value: values[`${prefix}-${name}`],
    classes: `govuk-input--width-${width}${wrong.includes(name) ? ' govuk-input--error' : ''}`,
  });
  return (
    <DateInput
      id={prefix}
      namePrefix={prefix}
      fieldset={{ legend: { text: label, classes: 'govuk-fieldset__legend--s' } }}
      hint={{ text: 'For example, 27 3 2026' }}
      errorMessage={error}
      items={[box('day', 2), box('month', 2), box('year', 4)]}
    />
  );
}

function FilterForm({ values, errors }: { values: Record<string, string>; errors: FormErrors }): VNode {
  return (
    <form action={activityPaths.auditLog()} method="get" novalidate>
      <Select
        id="action"
        name="action"
        label={{ text: 'Action', classes: 'govuk-label--s' }}
        value={values.action}
        errorMessage={errors.field('action')}
        items={[
          { value: '', text: 'All actions' },
          ...auditActions.map((action) => ({ value: action, text: actionLabels[action] })),
        ]}
      />
      <Input
        id="person"
        name="person"
        type="text"
        spellcheck={false}
        label={{ text: 'Email address contains', classes: 'govuk-label--s' }}
        hint={{ text: 'Matches the person who acted and the account it was about' }}
        value={values.person}
        errorMessage={errors.field('person')}
      />
      <DateFilter field="from" values={values} errors={errors} />
      <DateFilter field="to" values={values} errors={errors} />
      <Button text="Apply filters" />
    </form>
  );
}

/** Email addresses and IPv6 addresses have no spaces: let them wrap rather than widen the table. */
const BREAK_WORDS = 'govuk-!-text-break-word';

function eventCell(event: AuditEventView): string {
  const where = event.organisationName ? ` (${event.organisationName})` : '';
  const details = summariseDetails(event.details);
  return `${actionLabel(event.action)}${where}${details ? ` – ${details}` : ''}`;
}

function accountCell(event: AuditEventView): string {
  if (event.subjectEmail) return event.subjectEmail;
  const typed = event.details.email;
  return typeof typed === 'string' ? `${typed} (no account)` : 'None';
}

export interface AuditLogPageProps {
  values: Record<string, string>;
  errors: FormErrors;
  /** Absent when the filters could not be read: the form comes back with its errors alone. */
  result?: EventsPage;
}

export function AuditLogPage({ values, errors, result }: AuditLogPageProps): VNode {
  return (
    <>
      <ErrorSummaryFor errors={errors} />
      <h1 class="govuk-heading-l">Audit log</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <h2 class="govuk-heading-m">Filter events</h2>
          <FilterForm values={values} errors={errors} />
        </div>
      </div>
      <h2 class="govuk-heading-m">Events</h2>
      {result ? (
        <>
          <ResultCount page={result.page} pageSize={PAGE_SIZE} shown={result.events.length} total={result.total} />
          {result.total > 0 && (
            <Table
              caption="Audit events, newest first"
              captionClasses="govuk-visually-hidden"
              classes="govuk-!-font-size-16"
              head={[
                { text: 'Date and time' },
                { text: 'Event' },
                { text: 'By' },
                { text: 'Account' },
                { text: 'IP address' },
              ]}
              rows={result.events.map((event) => [
                { text: formatLondonDateTime(event.occurredAt) },
                { text: eventCell(event), classes: BREAK_WORDS },
                { text: event.actorEmail ?? 'Not signed in', classes: BREAK_WORDS },
                { text: accountCell(event), classes: BREAK_WORDS },
                { text: event.ip ?? 'Not recorded', classes: BREAK_WORDS },
              ])}
            />
          )}
          <PageLinks
            page={result.page}
            pageCount={result.pageCount}
            hrefFor={(page) => activityPaths.auditLog({ page, query: values })}
          />
        </>
      ) : (
        <p class="govuk-body">Correct the filters to see events.</p>
      )}
    </>
  );
}
