import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { LevelLabel, type FrameworkLevel } from '../../frameworks/index.ts';
import type { AgreePage as AgreePageData } from '../agreement.service.ts';
import type { ReportElement } from '../review-report.ts';
import { reviewPaths } from '../reviews.paths.ts';
import type { ReviewRow } from '../reviews.service.ts';

function WhatPeopleSaid({ results, levels }: { results: ReportElement; levels: FrameworkLevel[] }): VNode {
  if (!results.distribution) {
    return <p class="govuk-body">Not enough responses to show ({results.responses} so far).</p>;
  }
  const distribution = results.distribution;
  return (
    <>
      <table class="govuk-table">
        <caption class="govuk-table__caption govuk-table__caption--s">
          How the trust’s raters answered ({results.responses} answers)
        </caption>
        <tbody class="govuk-table__body">
          {levels.map((level) => (
            <tr class="govuk-table__row" key={level.key}>
              <th scope="row" class="govuk-table__header">
                <LevelLabel level={level} />
              </th>
              <td class="govuk-table__cell govuk-table__cell--numeric">{distribution[level.key] ?? 0}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {results.ratings.length > 0 && (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--s">Each rating, with its reasons</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Who
              </th>
              <th scope="col" class="govuk-table__header">
                Rating
              </th>
              <th scope="col" class="govuk-table__header">
                Rationale and evidence
              </th>
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {results.ratings.map((rating, index) => {
              const level = levels.find((each) => each.key === rating.levelKey);
              return (
                <tr class="govuk-table__row" key={index}>
                  <td class="govuk-table__cell">
                    {rating.participantName}
                    <br />
                    <span class="govuk-hint">{rating.groupName}</span>
                  </td>
                  <td class="govuk-table__cell">{level ? <LevelLabel level={level} /> : 'Not chosen yet'}</td>
                  <td class="govuk-table__cell tandem-pre-line">
                    {rating.rationale}
                    {rating.evidenceText && `\n\nEvidence: ${rating.evidenceText}`}
                    {rating.evidenceNames.length > 0 && `\n\nAttached: ${rating.evidenceNames.join(', ')}`}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </>
  );
}

export function AgreePage({
  page,
  values,
  errors,
  stale,
}: {
  page: AgreePageData;
  values: FormValues;
  errors: FormErrors;
  stale: { levelKey: string; rationale: string } | null;
}): VNode {
  const { review, heading, element, levels, results, agreed } = page;
  const staleLevel = stale ? levels.find((level) => level.key === stale.levelKey) : undefined;
  return (
    <>
      <BackLink href={reviewPaths.review(review.id)} text={`Back to ${review.title}`} />
      <ErrorSummaryFor errors={errors} />
      <span class="govuk-caption-l">{heading.name}</span>
      <h1 class="govuk-heading-l">Agree the rating of {element.name}</h1>
      {stale && (
        <div class="govuk-inset-text">
          <p class="govuk-body govuk-!-font-weight-bold">
            Another lead saved an agreed rating meanwhile: {staleLevel ? <LevelLabel level={staleLevel} /> : ''}
          </p>
          <p class="govuk-body tandem-pre-line">{stale.rationale}</p>
          <p class="govuk-body">Your choice is kept below. Save again to replace theirs.</p>
        </div>
      )}
      <WhatPeopleSaid results={results} levels={levels} />
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <Form action={reviewPaths.agree(review.id, element.key)}>
            {/* Shown again after a mistake, the form keeps the version it was opened on, so a save made
                meanwhile is still caught; after a refused save it takes the current one ("save again"). */}
            <input
              type="hidden"
              name="version"
              value={
                stale ? String(agreed?.version ?? 0) : typedText(values, 'version') || String(agreed?.version ?? 0)
              }
            />
            <Radios
              name="level"
              idPrefix="level"
              fieldset={{ legend: { text: 'Agreed rating', classes: 'govuk-fieldset__legend--m' } }}
              value={typedText(values, 'level')}
              errorMessage={errors.field('level')}
              items={levels.map((level) => ({ value: level.key, text: level.label }))}
            />
            <Textarea
              id="rationale"
              name="rationale"
              rows={5}
              label={{ text: 'Why this rating was agreed', classes: 'govuk-label--s' }}
              value={typedText(values, 'rationale')}
              errorMessage={errors.field('rationale')}
            />
            <Button text="Save agreed rating" />
          </Form>
        </div>
      </div>
    </>
  );
}

export function CloseReviewPage({ review, notAgreed }: { review: ReviewRow; notAgreed: number }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <BackLink href={reviewPaths.review(review.id)} text={`Back to ${review.title}`} />
        <span class="govuk-caption-l">{review.title}</span>
        <h1 class="govuk-heading-l">Close the review?</h1>
        <p class="govuk-body">Once closed, nobody can change a rating or an agreed rating in it.</p>
        {notAgreed > 0 && (
          <WarningText text={`${notAgreed} ${notAgreed === 1 ? 'element has' : 'elements have'} no agreed rating.`} />
        )}
        <Form action={reviewPaths.close(review.id)}>
          <input type="hidden" name="version" value={String(review.version)} />
          <Button text="Close the review" classes="govuk-button--warning" />
        </Form>
      </div>
    </div>
  );
}
