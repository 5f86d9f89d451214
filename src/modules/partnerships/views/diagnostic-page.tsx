import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import type { FormErrors } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { planPaths } from '../../plans/index.ts';
import { reviewPaths } from '../../reviews/index.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import type { TrustToTrust } from '../trust-to-trust.service.ts';

function Choice({
  action,
  name,
  legend,
  choices,
  errors,
  button,
}: {
  action: string;
  name: string;
  legend: string;
  choices: Array<{ id: string; title: string }>;
  errors: FormErrors;
  button: string;
}): VNode {
  return (
    <Form action={action}>
      <Radios
        name={name}
        idPrefix={name}
        fieldset={{ legend: { text: legend, classes: 'govuk-fieldset__legend--s' } }}
        errorMessage={errors.field(name)}
        items={choices.map((choice) => ({ value: choice.id, text: choice.title }))}
      />
      <Button text={button} classes="govuk-button--secondary" preventDoubleClick />
    </Form>
  );
}

export function DiagnosticPage({
  view,
  errors,
  done,
}: {
  view: TrustToTrust;
  errors: FormErrors;
  done: string | null;
}): VNode {
  const { partnership, diagnostic, plan } = view;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <BackLink href={partnershipPaths.of(partnership.id, 'partnership')} text="Back to the partnership" />
        <ErrorSummaryFor errors={errors} />
        {done && <NotificationBanner type="success" text={done} />}
        <span class="govuk-caption-l">{partnership.title}</span>
        <h1 class="govuk-heading-l">Diagnostic review and development plan</h1>
        <p class="govuk-body">
          The partnership starts with a review of {partnership.menteeTrustName ?? 'the mentee trust'} against a
          framework, with the mentor trust giving peer challenge. The development plan that follows is organised by the
          framework’s headings and shared with the mentor trust. When the plan closes, its medium-term priorities are
          what carries on.
        </p>
        <h2 class="govuk-heading-m">Diagnostic review</h2>
        {diagnostic.review ? (
          <p class="govuk-body">
            <a class="govuk-link" href={reviewPaths.review(diagnostic.review.id)}>
              {diagnostic.review.title}
            </a>
            {diagnostic.review.partnerName ? `, with ${diagnostic.review.partnerName} giving peer challenge.` : '.'}
          </p>
        ) : diagnostic.linked ? (
          <p class="govuk-body">
            The diagnostic review is chosen. You do not take part in it, so it is not shown here.
          </p>
        ) : (
          <>
            <p class="govuk-body">
              The mentee trust’s chief executive, executives or chair start the review, and add the mentor trust’s
              people to its partner trust group for peer challenge.{' '}
              <a class="govuk-link" href={reviewPaths.list}>
                Go to reviews
              </a>
              .
            </p>
            {view.reviewChoices.length > 0 && (
              <Choice
                action={partnershipPaths.of(partnership.id, 'diagnostic')}
                name="review"
                legend="Which of the reviews you lead is the diagnostic?"
                choices={view.reviewChoices}
                errors={errors}
                button="Use this review"
              />
            )}
          </>
        )}
        <h2 class="govuk-heading-m">Development plan</h2>
        {plan.plan ? (
          <p class="govuk-body">
            <a class="govuk-link" href={planPaths.plan(plan.plan.id)}>
              {plan.plan.title}
            </a>
            , shared with the mentor trust to read and comment.
          </p>
        ) : plan.linked ? (
          <p class="govuk-body">The development plan is chosen. You cannot read it, so it is not shown here.</p>
        ) : (
          <>
            <p class="govuk-body">
              From the review’s heat map, “Make this a priority” starts the plan. Then choose it here to share it with
              the mentor trust.
            </p>
            {view.planChoices.length > 0 && (
              <Choice
                action={partnershipPaths.of(partnership.id, 'plan')}
                name="plan"
                legend="Which of the trust’s plans is the development plan?"
                choices={view.planChoices}
                errors={errors}
                button="Use this plan and share it with the mentor trust"
              />
            )}
          </>
        )}
      </div>
    </div>
  );
}
