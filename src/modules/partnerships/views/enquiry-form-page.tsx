import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Panel } from '../../../platform/views/components/panel.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { partnershipPaths } from '../partnerships.paths.ts';
import { serviceKindLabels } from '../services.schemas.ts';
import type { ServiceRow } from '../services.service.ts';
import { TwoThirds } from './service-parts.tsx';

/** The public form: anyone asks about a service, signed in or not. */
export function EnquiryFormPage({
  service,
  values,
  errors,
  creationKey,
}: {
  service: ServiceRow;
  values: FormValues;
  errors: FormErrors;
  creationKey: string;
}): VNode {
  const text = (name: string) => typedText(values, name);
  return (
    <TwoThirds>
      <ErrorSummaryFor errors={errors} />
      <span class="govuk-caption-l">
        {service.providerName}: {serviceKindLabels[service.kind]}
      </span>
      <h1 class="govuk-heading-l">Ask about {service.name}</h1>
      {service.description && <p class="govuk-body tandem-pre-line">{service.description}</p>}
      <p class="govuk-body">
        Tell us a little about yourself and what you are looking for. A programme manager at {service.providerName} will
        reply by email.
      </p>
      <Form action={partnershipPaths.enquire(service.id)}>
        <input type="hidden" name="creationKey" value={creationKey} />
        <Input
          id="name"
          name="name"
          autocomplete="name"
          spellcheck={false}
          label={{ text: 'Your name', classes: 'govuk-label--s' }}
          value={text('name')}
          errorMessage={errors.field('name')}
        />
        <Input
          id="email"
          name="email"
          type="email"
          autocomplete="email"
          spellcheck={false}
          label={{ text: 'Email address', classes: 'govuk-label--s' }}
          value={text('email')}
          errorMessage={errors.field('email')}
        />
        <Input
          id="jobTitle"
          name="jobTitle"
          autocomplete="organization-title"
          label={{ text: 'Job title (optional)', classes: 'govuk-label--s' }}
          hint={{ text: 'For example, chief executive' }}
          value={text('jobTitle')}
          errorMessage={errors.field('jobTitle')}
        />
        <Input
          id="organisationName"
          name="organisationName"
          autocomplete="organization"
          label={{ text: 'Trust or organisation', classes: 'govuk-label--s' }}
          hint={{ text: 'Its full name, as the Department for Education’s register gives it if it is a trust' }}
          value={text('organisationName')}
          errorMessage={errors.field('organisationName')}
        />
        <Textarea
          id="message"
          name="message"
          rows={6}
          label={{ text: 'Your message', classes: 'govuk-label--s' }}
          hint={{ text: 'What you would like from mentoring, and anything we should know.' }}
          value={text('message')}
          errorMessage={errors.field('message')}
        />
        {/* A trap for robots, hidden from people and from screen readers: anything typed here is discarded. */}
        <div class="govuk-visually-hidden" aria-hidden="true">
          <label for="website">Leave this field empty</label>
          <input id="website" name="website" type="text" tabindex={-1} autocomplete="off" value="" />
        </div>
        <Button text="Send your enquiry" preventDoubleClick />
      </Form>
    </TwoThirds>
  );
}

/** After an enquiry is sent (or looked as if it was). */
export function EnquirySentPage({ service }: { service: ServiceRow }): VNode {
  return (
    <TwoThirds>
      <Panel titleText="Enquiry sent" text={`About ${service.name}`} />
      <h2 class="govuk-heading-m">What happens next</h2>
      <p class="govuk-body">
        A programme manager at {service.providerName} will read your enquiry and reply by email, usually within a week.
      </p>
      <p class="govuk-body">If you do not hear back, check your junk or spam folder.</p>
    </TwoThirds>
  );
}

/** Too many enquiries from one network address: nothing was stored. */
export function EnquiryThrottledPage({ service, minutes }: { service: ServiceRow; minutes: number }): VNode {
  return (
    <TwoThirds>
      <h1 class="govuk-heading-l">Too many enquiries</h1>
      <p class="govuk-body">
        Too many enquiries have been sent from your network in the last hour, so this one has not been sent.
      </p>
      <p class="govuk-body">
        Try again in {minutes} {minutes === 1 ? 'minute' : 'minutes'}. Go back in your browser to copy your message
        first if you want to keep it.
      </p>
      <p class="govuk-body">
        <a class="govuk-link" href={partnershipPaths.enquire(service.id)}>
          Go back to the enquiry form
        </a>
      </p>
    </TwoThirds>
  );
}
