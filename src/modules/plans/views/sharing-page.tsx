import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { FormErrors, typedText, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Table } from '../../../platform/views/components/table.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import type { ShareAccess } from '../plan-sharing.tables.ts';
import { planPaths } from '../plans.paths.ts';
import type { PlanSharing, ShareRow } from '../sharing.service.ts';
import { PlanCaption } from './plan-parts.tsx';

export const shareAccessLabels: Record<ShareAccess, string> = {
  read: 'Read',
  comment: 'Read and comment',
};

/** The two ways to share, each its own small form: no hidden parts to reveal, so no script needed. */
export type ShareForm = 'person' | 'trust';

function AccessRadios({ form, values, errors }: { form: ShareForm; values: FormValues; errors: FormErrors }): VNode {
  const name = `${form}Access`;
  return (
    <Radios
      name={name}
      idPrefix={name}
      classes="govuk-radios--small"
      fieldset={{ legend: { text: 'What they may do', classes: 'govuk-fieldset__legend--s' } }}
      value={typedText(values, name) || 'comment'}
      errorMessage={errors.field(name)}
      items={[
        { value: 'comment', text: 'Read the plan and comment on its priorities' },
        { value: 'read', text: 'Read the plan only' },
      ]}
    />
  );
}

function recipientText(share: ShareRow): string {
  return share.recipientEmail
    ? `${share.recipientName} (${share.recipientEmail})`
    : `${share.recipientName} (its leaders)`;
}

function LiveShares({ planId, shares }: { planId: string; shares: ShareRow[] }): VNode {
  if (shares.length === 0) return <p class="govuk-body">This plan is not shared with anyone yet.</p>;
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">Shared with</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            Who
          </th>
          <th scope="col" class="govuk-table__header">
            May
          </th>
          <th scope="col" class="govuk-table__header">
            Since
          </th>
          <th scope="col" class="govuk-table__header">
            <span class="govuk-visually-hidden">Stop sharing</span>
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {shares.map((share) => (
          <tr class="govuk-table__row" key={share.id}>
            <td class="govuk-table__cell">{recipientText(share)}</td>
            <td class="govuk-table__cell">{shareAccessLabels[share.access]}</td>
            <td class="govuk-table__cell">
              {formatLondonDateTime(share.createdAt)}
              {share.sharedByName ? `, by ${share.sharedByName}` : ''}
            </td>
            <td class="govuk-table__cell">
              <Form action={planPaths.shareRevoke(planId, share.id)}>
                <button
                  type="submit"
                  class="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                  data-module="govuk-button"
                >
                  Stop sharing<span class="govuk-visually-hidden"> with {share.recipientName}</span>
                </button>
              </Form>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function PastShares({ shares }: { shares: ShareRow[] }): VNode | null {
  if (shares.length === 0) return null;
  return (
    <Table
      caption="No longer shared with"
      captionClasses="govuk-table__caption--m"
      head={[{ text: 'Who' }, { text: 'Could' }, { text: 'Shared' }, { text: 'Stopped' }]}
      rows={shares.map((share) => [
        { text: recipientText(share) },
        { text: shareAccessLabels[share.access] },
        { text: formatLondonDateTime(share.createdAt) },
        {
          text: `${share.revokedAt ? formatLondonDateTime(share.revokedAt) : ''}${share.revokedByName ? `, by ${share.revokedByName}` : ''}`,
        },
      ])}
    />
  );
}

function Reads({ reads }: { reads: PlanSharing['reads'] }): VNode {
  return (
    <>
      <h2 class="govuk-heading-m">Who has read the plan</h2>
      {reads.length === 0 ? (
        <p class="govuk-body">Nobody has read this plan yet, apart from its owner.</p>
      ) : (
        <Table
          caption="The latest reads, newest first"
          captionClasses="govuk-table__caption--s"
          head={[{ text: 'When' }, { text: 'Who' }, { text: 'What' }]}
          rows={reads.map((read) => [
            { text: formatLondonDateTime(read.occurredAt) },
            { text: read.readerName },
            { text: read.description },
          ])}
        />
      )}
    </>
  );
}

export function SharingPage({
  sharing,
  form,
  values,
  errors,
  done,
}: {
  sharing: PlanSharing;
  /** The form sent with mistakes, shown with its errors and what was typed. */
  form: ShareForm | null;
  values: FormValues;
  errors: FormErrors;
  done: string | null;
}): VNode {
  const { plan } = sharing;
  const shown = (which: ShareForm) => (form === which ? { values, errors } : { values: {}, errors: FormErrors.none() });
  const person = shown('person');
  const trust = shown('trust');
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <BackLink href={planPaths.plan(plan.id)} text="Back to the plan" />
        <ErrorSummaryFor errors={errors} />
        {done && <NotificationBanner type="success" text={done} />}
        <PlanCaption plan={plan} />
        <h1 class="govuk-heading-l">Sharing and reads</h1>
        <p class="govuk-body">
          Share this plan with a mentor, a partner trust or anyone else with a Tandem account. They see the whole plan,
          with its progress and evidence, until you stop sharing it. Every share, and every read, is recorded here.
        </p>
        <LiveShares planId={plan.id} shares={sharing.live} />
        <h2 class="govuk-heading-m">Share with a person</h2>
        <Form action={planPaths.sharing(plan.id)}>
          <input type="hidden" name="with" value="person" />
          <Input
            id="email"
            name="email"
            type="email"
            autocomplete="off"
            spellcheck={false}
            label={{ text: 'Their email address', classes: 'govuk-label--s' }}
            hint={{ text: 'The address they sign in to Tandem with' }}
            value={typedText(person.values, 'email')}
            errorMessage={person.errors.field('email')}
          />
          <AccessRadios form="person" values={person.values} errors={person.errors} />
          <Button text="Share with this person" classes="govuk-button--secondary" preventDoubleClick />
        </Form>
        <h2 class="govuk-heading-m">Share with a partner trust</h2>
        <Form action={planPaths.sharing(plan.id)}>
          <input type="hidden" name="with" value="trust" />
          <Input
            id="trust"
            name="trust"
            label={{ text: 'The trust’s name or Companies House number', classes: 'govuk-label--s' }}
            hint={{ text: 'Its chief executive, executives and chair will read the plan' }}
            value={typedText(trust.values, 'trust')}
            errorMessage={trust.errors.field('trust')}
          />
          <AccessRadios form="trust" values={trust.values} errors={trust.errors} />
          <Button text="Share with this trust" classes="govuk-button--secondary" preventDoubleClick />
        </Form>
        <PastShares shares={sharing.revoked} />
        <Reads reads={sharing.reads} />
      </div>
    </div>
  );
}
