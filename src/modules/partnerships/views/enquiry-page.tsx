import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import type { EnquiryRow } from '../enquiries.service.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import { EnquiryStatusTag, enquiryStatusLabels } from './enquiry-list-page.tsx';
import { TwoThirds } from './service-parts.tsx';

export const enquiryDoneMessages: Record<string, string> = {
  referred: 'The enquiry has been marked as referred elsewhere',
  closed: 'The enquiry has been closed',
};

/** What the enquirer sent, and the triage: the form while it is new, what was decided after. */
export function EnquiryPage({
  enquiry,
  account,
  values,
  errors,
  invitePath,
  done,
}: {
  enquiry: EnquiryRow;
  /** The enquirer's Tandem account, when they have one. */
  account: { displayName: string } | null;
  values: FormValues;
  errors: FormErrors;
  /** Where the enquirer's trust invites people, when acceptance was refused for want of an account. */
  invitePath: string | null;
  done: string | null;
}): VNode {
  return (
    <TwoThirds>
      <BackLink href={partnershipPaths.enquiries} text="Back to enquiries" />
      {done && <NotificationBanner type="success" text={done} />}
      <ErrorSummaryFor errors={errors} />
      <span class="govuk-caption-l">Enquiry about {enquiry.serviceName}</span>
      <h1 class="govuk-heading-l">{enquiry.name}</h1>
      <p class="govuk-body">
        <EnquiryStatusTag status={enquiry.status} />
      </p>
      <SummaryList
        rows={[
          { key: { text: 'Received' }, value: { text: formatLondonDateTime(enquiry.createdAt) } },
          { key: { text: 'Email address' }, value: { text: enquiry.email } },
          { key: { text: 'Job title' }, value: { text: enquiry.jobTitle || 'Not given' } },
          {
            key: { text: 'Trust or organisation' },
            value: {
              text: enquiry.trustName
                ? `${enquiry.organisationName} (matches ${enquiry.trustName} in the register)`
                : `${enquiry.organisationName} (not found in the register of trusts)`,
            },
          },
          {
            key: { text: 'Tandem account' },
            value: {
              text: account
                ? `Yes, ${account.displayName}${enquiry.personId ? ' (signed in to send the enquiry)' : ''}`
                : 'No account with this email address',
            },
          },
          { key: { text: 'Message' }, value: { text: enquiry.message, classes: 'tandem-pre-line' } },
        ]}
      />
      {enquiry.status === 'new' ? (
        <TriageForm enquiry={enquiry} values={values} errors={errors} invitePath={invitePath} />
      ) : (
        <Triaged enquiry={enquiry} />
      )}
    </TwoThirds>
  );
}

function TriageForm({
  enquiry,
  values,
  errors,
  invitePath,
}: {
  enquiry: EnquiryRow;
  values: FormValues;
  errors: FormErrors;
  invitePath: string | null;
}): VNode {
  return (
    <>
      <h2 class="govuk-heading-m">Triage</h2>
      {errors.field('decision') && invitePath && (
        <p class="govuk-body">
          <a class="govuk-link" href={invitePath}>
            Invite them to {enquiry.trustName ?? 'their trust'} on Tandem
          </a>{' '}
          (someone who manages the trust’s people can), then accept the enquiry.
        </p>
      )}
      <Form action={partnershipPaths.enquiry(enquiry.id)}>
        <Radios
          name="decision"
          idPrefix="decision"
          fieldset={{ legend: { text: 'What do you want to do?', classes: 'govuk-fieldset__legend--s' } }}
          value={typedText(values, 'decision')}
          errorMessage={errors.field('decision')}
          items={[
            {
              value: 'accept',
              text: 'Accept into matching',
              hint: { text: 'Starts a partnership with the enquirer as its mentee. They need a Tandem account.' },
            },
            { value: 'refer', text: 'Refer elsewhere', hint: { text: 'Say where in the note.' } },
            { value: 'close', text: 'Close', hint: { text: 'Say why in the note.' } },
          ]}
        />
        <Textarea
          id="note"
          name="note"
          rows={3}
          label={{ text: 'Note', classes: 'govuk-label--s' }}
          hint={{ text: 'Where you referred them, or why you closed it. Optional when you accept.' }}
          value={typedText(values, 'note')}
          errorMessage={errors.field('note')}
        />
        <Button text="Save the decision" preventDoubleClick />
      </Form>
    </>
  );
}

function Triaged({ enquiry }: { enquiry: EnquiryRow }): VNode {
  return (
    <>
      <h2 class="govuk-heading-m">Triage</h2>
      <SummaryList
        rows={[
          { key: { text: 'Decision' }, value: { text: enquiryStatusLabels[enquiry.status] } },
          { key: { text: 'By' }, value: { text: enquiry.triagedByName ?? 'Unknown' } },
          enquiry.triagedAt && { key: { text: 'On' }, value: { text: formatLondonDateTime(enquiry.triagedAt) } },
          enquiry.triageNote !== '' && {
            key: { text: 'Note' },
            value: { text: enquiry.triageNote, classes: 'tandem-pre-line' },
          },
        ]}
      />
      {enquiry.partnershipId && (
        <p class="govuk-body">
          <a class="govuk-link" href={partnershipPaths.of(enquiry.partnershipId, 'partnership')}>
            Go to the partnership
          </a>
        </p>
      )}
    </>
  );
}
