import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { partnershipPaths } from '../partnerships.paths.ts';
import type { DecisionPage as Page } from '../third-term-decision.service.ts';
import {
  establishingDoneMessages,
  PartnershipCaption,
  sideLabels,
  TwoThirds,
  Written,
  type EstablishingDone,
} from './establishing-parts.tsx';

export const decisionHeading = 'Extend or close the partnership';

function Closed({ page }: { page: Page }): VNode {
  const { partnership, next } = page;
  return next ? (
    <>
      <p class="govuk-body">This year is closed, and the partnership goes on for a further year.</p>
      <p class="govuk-body">
        <a class="govuk-link" href={partnershipPaths.of(next.id, 'partnership')}>
          Go to the further year
        </a>
      </p>
    </>
  ) : (
    <>
      <p class="govuk-body">The partnership is closed. What the mentee will keep doing without a mentor:</p>
      <Written text={partnership.sustainNote ?? ''} />
    </>
  );
}

function Choices({ page, values, errors }: { page: Page; values: FormValues; errors: FormErrors }): VNode {
  const action = partnershipPaths.of(page.partnership.id, 'decision');
  return (
    <>
      <h2 class="govuk-heading-m">Extend for a further year</h2>
      <p class="govuk-body">
        A further year starts the day after this one ends, with the same participants, its own time budget (the
        service’s budget as it is now) and a new agreement for both sides to accept. This year closes.
      </p>
      <Form action={action}>
        <Input
          id="fee"
          name="fee"
          classes="govuk-input--width-10"
          inputmode="decimal"
          spellcheck={false}
          prefix={{ text: '£' }}
          label={{ text: 'Fee agreed for the further year', classes: 'govuk-label--s' }}
          hint={{ text: 'In pounds, before VAT. Enter 0 if there is no fee.' }}
          value={typedText(values, 'fee')}
          errorMessage={errors.field('fee')}
        />
        <Button text="Extend for a further year" name="decision" value="extend" preventDoubleClick />
      </Form>
      <h2 class="govuk-heading-m">Close the partnership</h2>
      <p class="govuk-body">
        Closing ends the partnership. To avoid depending on the mentor, write down what the mentee will sustain on their
        own.
      </p>
      <Form action={action}>
        <Textarea
          id="sustainNote"
          name="sustainNote"
          rows={5}
          label={{ text: 'What will you keep doing without a mentor?', classes: 'govuk-label--s' }}
          hint={{ text: 'The habits, routines and support the mentee will keep up after the partnership ends.' }}
          value={typedText(values, 'sustainNote')}
          errorMessage={errors.field('sustainNote')}
        />
        <Button text="Close the partnership" name="decision" value="close" preventDoubleClick />
      </Form>
    </>
  );
}

export function DecisionPage({
  page,
  values,
  errors,
  done,
}: {
  page: Page;
  values: FormValues;
  errors: FormErrors;
  done: EstablishingDone | null;
}): VNode {
  const { partnership, missing, mayDecide, goals } = page;
  const review = partnershipPaths.of(partnership.id, 'review');
  return (
    <TwoThirds>
      <BackLink href={review} text="Back to the third-term review" />
      {done && <NotificationBanner type="success" text={establishingDoneMessages[done]} />}
      <ErrorSummaryFor errors={errors} />
      <PartnershipCaption partnership={partnership} />
      <h1 class="govuk-heading-l">{decisionHeading}</h1>
      {partnership.state === 'closed' ? (
        <Closed page={page} />
      ) : goals.length === 0 || missing.length > 0 ? (
        <>
          <p class="govuk-body">
            Before deciding, each side writes its view of progress on every goal.{' '}
            {goals.length === 0 ? 'This partnership has no goals yet.' : 'Still to write:'}
          </p>
          {missing.length > 0 && (
            <ul class="govuk-list govuk-list--bullet">
              {missing.map((each) => (
                <li key={`${each.goalId}-${each.side}`}>
                  {sideLabels[each.side]}: “{each.goalTitle}”
                </li>
              ))}
            </ul>
          )}
          <p class="govuk-body">
            <a class="govuk-link" href={review}>
              Go to the third-term review
            </a>
          </p>
        </>
      ) : partnership.state !== 'review' ? (
        <p class="govuk-body">The decision is made once the third-term review has begun.</p>
      ) : mayDecide ? (
        <Choices page={page} values={values} errors={errors} />
      ) : (
        <p class="govuk-body">
          Both sides have written their views. The mentee side decides with the mentor, and a lead of the mentee side
          records the decision here.
        </p>
      )}
    </TwoThirds>
  );
}
