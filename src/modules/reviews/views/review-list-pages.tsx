import type { VNode } from 'preact';
import { typedList, typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Checkboxes } from '../../../platform/views/components/checkboxes.tsx';
import { Input } from '../../../platform/views/components/input.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Tag } from '../../../platform/views/components/tag.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatLondonDate } from '../../../platform/views/london-time.ts';
import { PageLinks, ResultCount } from '../../../platform/views/page-links.tsx';
import { reviewActivityPaths } from '../review-activity.paths.ts';
import { reviewPaths } from '../reviews.paths.ts';
import type { ReviewListItem, ReviewRow } from '../reviews.service.ts';

export function ReviewState({ review }: { review: Pick<ReviewRow, 'status' | 'closedAt'> }): VNode {
  return review.status === 'open' ? (
    <Tag text="Open" classes="govuk-tag--blue" />
  ) : (
    <Tag text={`Closed ${review.closedAt ? formatLondonDate(review.closedAt) : ''}`.trim()} classes="govuk-tag--grey" />
  );
}

const partLabels: Record<NonNullable<ReviewListItem['part']>, string> = {
  lead: 'Lead',
  rater: 'Rater',
  'lead and rater': 'Lead and rater',
};

function ReviewTable({
  caption,
  rows,
  part,
}: {
  caption: string;
  rows: Array<ReviewRow & { part?: ReviewListItem['part'] }>;
  part: boolean;
}): VNode {
  return (
    <table class="govuk-table">
      <caption class="govuk-table__caption govuk-table__caption--m">{caption}</caption>
      <thead class="govuk-table__head">
        <tr class="govuk-table__row">
          <th scope="col" class="govuk-table__header">
            Review
          </th>
          <th scope="col" class="govuk-table__header">
            Organisation
          </th>
          {part && (
            <th scope="col" class="govuk-table__header">
              Your part
            </th>
          )}
          <th scope="col" class="govuk-table__header">
            Started
          </th>
          <th scope="col" class="govuk-table__header">
            State
          </th>
        </tr>
      </thead>
      <tbody class="govuk-table__body">
        {rows.map((review) => (
          <tr class="govuk-table__row" key={review.id}>
            <td class="govuk-table__cell">
              <a class="govuk-link" href={reviewPaths.review(review.id)}>
                {review.title}
              </a>
            </td>
            <td class="govuk-table__cell">{review.organisationName}</td>
            {part && <td class="govuk-table__cell">{review.part ? partLabels[review.part] : ''}</td>}
            <td class="govuk-table__cell">{formatLondonDate(review.createdAt)}</td>
            <td class="govuk-table__cell">
              <ReviewState review={review} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function ReviewListPage({
  mine,
  all,
  startable,
}: {
  mine: ReviewListItem[];
  all: { rows: ReviewRow[]; total: number; page: number; pageCount: number } | null;
  startable: Array<{ id: string; name: string }>;
}): VNode {
  return (
    <>
      <h1 class="govuk-heading-l">Reviews</h1>
      <p class="govuk-body">
        A review rates a trust against a framework: each person taking part rates each element with their reasons and
        evidence, then the review’s leads agree a rating for each.
      </p>
      {startable.map((organisation) => (
        <Button
          key={organisation.id}
          href={reviewPaths.start(organisation.id)}
          text={startable.length === 1 ? 'Start a review' : `Start a review of ${organisation.name}`}
          classes="govuk-!-margin-right-2"
        />
      ))}
      {startable.length > 0 && (
        // Whoever may start a trust's reviews sees who has read them (the audit log of their reads).
        <ul class="govuk-list">
          {startable.map((organisation) => (
            <li key={organisation.id}>
              <a class="govuk-link" href={reviewActivityPaths.activity(organisation.id)}>
                {startable.length === 1
                  ? 'Who has read your reviews'
                  : `Who has read the reviews of ${organisation.name}`}
              </a>
            </li>
          ))}
        </ul>
      )}
      {mine.length > 0 ? (
        <ReviewTable caption="Reviews you take part in" rows={mine} part />
      ) : (
        <p class="govuk-body">You are not taking part in any review yet.</p>
      )}
      {all && (
        <>
          <ReviewTable caption="Every review (what and whose, never its ratings)" rows={all.rows} part={false} />
          <ResultCount
            page={all.page}
            pageSize={25}
            shown={all.rows.length}
            total={all.total}
            noun={{ one: 'review', many: 'reviews' }}
          />
          <PageLinks
            page={all.page}
            pageCount={all.pageCount}
            hrefFor={(page) => `${reviewPaths.list}?page=${page}`}
            label="Pages of reviews"
          />
        </>
      )}
    </>
  );
}

export interface FrameworkChoice {
  frameworkId: string;
  versionId: string;
  name: string;
  number: number;
  headings: Array<{ key: string; name: string }>;
}

export function StartReviewPage({
  organisationName,
  action,
  frameworks,
  values,
  errors,
  creationKey,
  starterGroups,
}: {
  organisationName: string;
  action: string;
  frameworks: FrameworkChoice[];
  values: FormValues;
  errors: FormErrors;
  creationKey: string;
  /** The groups the person starting the review may rate in. */
  starterGroups: string[];
}): VNode {
  const text = (name: string) => typedText(values, name);
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummaryFor errors={errors} />
        <span class="govuk-caption-l">{organisationName}</span>
        <h1 class="govuk-heading-l">Start a review</h1>
        <Form action={action}>
          <input type="hidden" name="creationKey" value={creationKey} />
          <Input
            id="title"
            name="title"
            label={{ text: 'Title', classes: 'govuk-label--s' }}
            hint={{ text: 'For example, “Autumn self-review 2026”' }}
            value={text('title')}
            errorMessage={errors.field('title')}
          />
          <Radios
            name="framework"
            idPrefix="framework"
            fieldset={{ legend: { text: 'Framework', classes: 'govuk-fieldset__legend--s' } }}
            value={text('framework')}
            errorMessage={errors.field('framework')}
            items={frameworks.map((framework) => ({
              value: framework.versionId,
              text: `${framework.name} (version ${framework.number})`,
            }))}
          />
          <Checkboxes
            name="headings"
            idPrefix="headings"
            fieldset={{ legend: { text: 'Headings to cover (optional)', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'Leave every box empty to review the whole framework.' }}
            values={typedList(values, 'headings')}
            errorMessage={errors.field('headings')}
            items={frameworks.flatMap((framework) =>
              framework.headings.map((heading) => ({
                value: `${framework.versionId}:${heading.key}`,
                text: `${heading.name} (${framework.name})`,
              })),
            )}
          />
          <Radios
            name="anonymous"
            idPrefix="anonymous"
            fieldset={{ legend: { text: 'Who sees individual answers?', classes: 'govuk-fieldset__legend--s' } }}
            value={text('anonymous') || 'no'}
            errorMessage={errors.field('anonymous')}
            items={[
              { value: 'no', text: 'Named: leads and the trust’s raters see who said what' },
              {
                value: 'yes',
                text: 'Anonymous: nobody sees an individual answer',
                hint: { text: 'Results for an element appear only once at least 3 people have answered it.' },
              },
            ]}
          />
          <Radios
            name="myGroup"
            idPrefix="myGroup"
            fieldset={{ legend: { text: 'Your part', classes: 'govuk-fieldset__legend--s' } }}
            hint={{ text: 'You lead the review: you add people, agree ratings and close it. You can rate as well.' }}
            value={text('myGroup') || 'none'}
            errorMessage={errors.field('myGroup')}
            items={[
              ...starterGroups.map((name) => ({ value: name, text: `Lead, and rate in the group “${name}”` })),
              { divider: 'or' },
              { value: 'none', text: 'Lead only: agree ratings but give none' },
            ]}
          />
          <Button text="Start the review" preventDoubleClick />
        </Form>
      </div>
    </div>
  );
}
