import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import type { GoalReviewRow, ReviewPage as Page } from '../third-term-review.service.ts';
import {
  differencesOf,
  establishingDoneMessages,
  PartnershipCaption,
  SavedMeanwhile,
  sideLabels,
  TwoThirds,
  VersionField,
  type EstablishingDone,
} from './establishing-parts.tsx';

export const progressField = (goalId: string) => `progress-${goalId}`;
export const versionField = (goalId: string) => `version-${goalId}`;

/** The actor's side's views as saved, to open the form on. */
export function reviewValues(page: Page): FormValues {
  const values: FormValues = {};
  for (const goal of page.goals) {
    const ours = page.reviews.find((each) => each.goalId === goal.id && each.side === page.me.side);
    values[progressField(goal.id)] = ours?.progress ?? '';
    values[versionField(goal.id)] = String(ours?.version ?? 0);
  }
  return values;
}

function View({ review }: { review: GoalReviewRow | undefined }): VNode {
  if (!review) return <span class="govuk-hint">Not written yet</span>;
  return (
    <>
      <span class="tandem-pre-line">{review.progress}</span>
      <br />
      <span class="govuk-hint">
        {review.authorName ? `${review.authorName}, ` : ''}
        {formatLondonDateTime(review.updatedAt)}
      </span>
    </>
  );
}

export function ReviewPage({
  page,
  values,
  errors,
  staleGoalIds,
  done,
}: {
  page: Page;
  values: FormValues;
  errors: FormErrors;
  /** Set when the save was refused: the goals whose view someone of the same side saved meanwhile. */
  staleGoalIds: string[] | null;
  done: EstablishingDone | null;
}): VNode {
  const { partnership, me, goals, reviews, sides, editable } = page;
  const ours = (goalId: string) => reviews.find((each) => each.goalId === goalId && each.side === me.side);
  const staleReviews = (staleGoalIds ?? []).map(ours).filter((each) => each !== undefined);
  const latest = staleReviews.reduce<Date | null>(
    (at, each) => (at && at > each.updatedAt ? at : each.updatedAt),
    null,
  );
  return (
    <TwoThirds>
      <BackLink href={partnershipPaths.of(partnership.id, 'partnership')} text="Back to the partnership" />
      {done && <NotificationBanner type="success" text={establishingDoneMessages[done]} />}
      <ErrorSummaryFor errors={errors} />
      {staleGoalIds && latest && (
        <SavedMeanwhile
          savedBy={staleReviews.length === 1 ? (staleReviews[0]?.authorName ?? null) : null}
          savedAt={latest}
          differences={differencesOf(
            staleReviews.map((review) => [
              goals.find((goal) => goal.id === review.goalId)?.title ?? 'A goal',
              review.progress,
              typedText(values, progressField(review.goalId)),
            ]),
          )}
        />
      )}
      <PartnershipCaption partnership={partnership} />
      <h1 class="govuk-heading-l">Third-term review</h1>
      <p class="govuk-body">
        In the last term, each side writes its view of progress towards every goal. Then the mentee side decides, with
        the mentor, whether to extend the partnership for a further year or to close it.
      </p>
      {goals.length === 0 && <p class="govuk-body">This partnership has no goals to review.</p>}
      {goals.map((goal) => (
        <div key={goal.id}>
          <h2 class="govuk-heading-m">{goal.title}</h2>
          <p class="govuk-body">Measure of success: {goal.measureOfSuccess}</p>
          <dl class="govuk-summary-list">
            {sides.map((side) => (
              <div class="govuk-summary-list__row" key={side}>
                <dt class="govuk-summary-list__key">{sideLabels[side]}</dt>
                <dd class="govuk-summary-list__value">
                  <View review={reviews.find((each) => each.goalId === goal.id && each.side === side)} />
                </dd>
              </div>
            ))}
          </dl>
        </div>
      ))}
      {editable && goals.length > 0 && (
        <>
          <h2 class="govuk-heading-m">Your side’s view: {sideLabels[me.side]}</h2>
          <p class="govuk-body">
            Write what has changed towards each goal, against its measure of success. You can save some now and the rest
            later.
          </p>
          <Form action={partnershipPaths.of(partnership.id, 'review')}>
            <input type="hidden" name="side" value={me.side} />
            {goals.map((goal) => (
              <div key={goal.id}>
                <VersionField
                  name={versionField(goal.id)}
                  values={values}
                  saved={ours(goal.id)?.version ?? 0}
                  stale={staleGoalIds?.includes(goal.id) ? (ours(goal.id)?.version ?? 0) : null}
                />
                <Textarea
                  id={progressField(goal.id)}
                  name={progressField(goal.id)}
                  rows={4}
                  label={{ text: `Progress on “${goal.title}”`, classes: 'govuk-label--s' }}
                  value={typedText(values, progressField(goal.id))}
                  errorMessage={errors.field(progressField(goal.id))}
                />
              </div>
            ))}
            <Button text="Save your side’s view" preventDoubleClick />
          </Form>
        </>
      )}
      {partnership.state !== 'meetings' && (
        <p class="govuk-body">
          <a class="govuk-link" href={partnershipPaths.of(partnership.id, 'decision')}>
            {partnership.state === 'closed' ? 'The decision: extended or closed' : 'Decide: extend or close'}
          </a>
        </p>
      )}
    </TwoThirds>
  );
}
