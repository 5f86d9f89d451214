import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import type { EstablishingPage as Page, EstablishingRow } from '../establishing.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import {
  differencesOf,
  establishingDoneMessages,
  PartnershipCaption,
  SavedMeanwhile,
  TwoThirds,
  VersionField,
  Written,
  type EstablishingDone,
} from './establishing-parts.tsx';

export const establishingFields = [
  {
    name: 'leadershipStory',
    label: 'The mentee’s leadership story',
    hint: 'How they came to lead, what shaped them, and where they are now.',
  },
  { name: 'currentNeeds', label: 'Current needs', hint: 'What the mentee needs from the partnership now.' },
  { name: 'futureNeeds', label: 'Future needs', hint: 'What they expect to need as the year goes on, and beyond.' },
  { name: 'objectives', label: 'Objectives for the year', hint: 'What the partnership sets out to achieve this year.' },
] as const;

export type EstablishingField = (typeof establishingFields)[number]['name'];

export function establishingValues(record: EstablishingRow | null): FormValues {
  return Object.fromEntries(establishingFields.map(({ name }) => [name, record?.[name] ?? '']));
}

function StartMeetings({ page }: { page: Page }): VNode | null {
  const { partnership, me, missing } = page;
  if (partnership.state !== 'establishing') return null;
  return (
    <>
      <h2 class="govuk-heading-m">Start the meetings</h2>
      {missing.length > 0 ? (
        <p class="govuk-body">Before the meetings start, this record needs {missing.join(' and ')}.</p>
      ) : me.lead ? (
        <Form action={partnershipPaths.of(partnership.id, 'establishing')}>
          <input type="hidden" name="intent" value="start-meetings" />
          <p class="govuk-body">When the establishing meeting has set the goals, a lead of either side moves on.</p>
          <Button text="Establishing is done: start the meetings" preventDoubleClick />
        </Form>
      ) : (
        <p class="govuk-body">A lead of either side starts the meetings when establishing is done.</p>
      )}
    </>
  );
}

export function EstablishingPage({
  page,
  values,
  errors,
  stale,
  done,
}: {
  page: Page;
  values: FormValues;
  errors: FormErrors;
  /** Set when the save was refused: the record as saved meanwhile. */
  stale: EstablishingRow | null;
  done: EstablishingDone | null;
}): VNode {
  const { partnership, record, goals, editable } = page;
  const differences = stale
    ? differencesOf(establishingFields.map(({ name, label }) => [label, stale[name], typedText(values, name)]))
    : [];
  return (
    <TwoThirds>
      <BackLink href={partnershipPaths.of(partnership.id, 'partnership')} text="Back to the partnership" />
      {done && <NotificationBanner type="success" text={establishingDoneMessages[done]} />}
      <ErrorSummaryFor errors={errors} />
      {stale && <SavedMeanwhile savedBy={null} savedAt={stale.updatedAt} differences={differences} />}
      <PartnershipCaption partnership={partnership} />
      <h1 class="govuk-heading-l">Establishing the partnership</h1>
      <p class="govuk-body">
        The record of the establishing meeting: the mentee’s story and needs, the objectives for the year, and the goals
        with how success will be measured. Both sides may write it. It is for the partnership’s participants alone.
      </p>
      {editable ? (
        <Form action={partnershipPaths.of(partnership.id, 'establishing')}>
          <VersionField values={values} saved={record?.version ?? 0} stale={stale?.version ?? null} />
          {establishingFields.map((field) => (
            <Textarea
              key={field.name}
              id={field.name}
              name={field.name}
              rows={5}
              label={{ text: field.label, classes: 'govuk-label--s' }}
              hint={{ text: field.hint }}
              value={typedText(values, field.name)}
              errorMessage={errors.field(field.name)}
            />
          ))}
          <Button text="Save the record" preventDoubleClick />
        </Form>
      ) : (
        establishingFields.map((field) => (
          <div key={field.name}>
            <h2 class="govuk-heading-s">{field.label}</h2>
            <Written text={record?.[field.name] ?? ''} />
          </div>
        ))
      )}
      <h2 class="govuk-heading-m">Goals</h2>
      {goals.length === 0 ? (
        <p class="govuk-body">No goals yet.</p>
      ) : (
        <SummaryList
          rows={goals.map((goal) => ({
            key: { text: goal.title },
            value: { text: `Measure of success: ${goal.measureOfSuccess}` },
            actions: {
              items: [
                {
                  href: partnershipPaths.of(partnership.id, 'goal', { goalId: goal.id }),
                  text: editable ? 'Change' : 'View',
                  visuallyHiddenText: goal.title,
                },
              ],
            },
          }))}
        />
      )}
      {editable && (
        <Button
          text="Add a goal"
          href={partnershipPaths.of(partnership.id, 'goalNew')}
          classes="govuk-button--secondary"
        />
      )}
      <StartMeetings page={page} />
    </TwoThirds>
  );
}
