import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { typedList, typedText, type FormErrors, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Checkboxes } from '../../../platform/views/components/checkboxes.tsx';
import { Details } from '../../../platform/views/components/details.tsx';
import { FileUpload } from '../../../platform/views/components/file-upload.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Tag } from '../../../platform/views/components/tag.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import { LevelLabel, type FrameworkLevel } from '../../frameworks/index.ts';
import type { MyRating, RatingPage } from '../ratings.service.ts';
import { reviewDoneMessages, reviewPaths, type ReviewDone } from '../reviews.paths.ts';
import type { ReviewRow } from '../reviews.service.ts';

const stateTags = {
  'not-started': <Tag text="Not started" classes="govuk-tag--grey" />,
  'in-progress': <Tag text="In progress" classes="govuk-tag--light-blue" />,
  rated: <Tag text="Rated" />,
} as const;

export function MyRatingsPage({
  review,
  levels,
  headings,
  done,
}: {
  review: ReviewRow;
  levels: FrameworkLevel[];
  headings: Array<{
    key: string;
    name: string;
    elements: Array<{ key: string; name: string; state: keyof typeof stateTags; levelKey: string | null }>;
  }>;
  done: ReviewDone | null;
}): VNode {
  return (
    <>
      <BackLink href={reviewPaths.review(review.id)} text={`Back to ${review.title}`} />
      {done && <NotificationBanner type="success" text={reviewDoneMessages[done]} />}
      <span class="govuk-caption-l">{review.title}</span>
      <h1 class="govuk-heading-l">Your ratings</h1>
      {review.anonymous && (
        <p class="govuk-body">This review is anonymous: nobody else ever sees your individual answers.</p>
      )}
      {headings.map((heading) => (
        <section key={heading.key}>
          <h2 class="govuk-heading-m">{heading.name}</h2>
          <ul class="govuk-task-list">
            {heading.elements.map((element) => {
              const level = levels.find((each) => each.key === element.levelKey);
              return (
                <li class="govuk-task-list__item govuk-task-list__item--with-link" key={element.key}>
                  <div class="govuk-task-list__name-and-hint">
                    <a
                      class="govuk-link govuk-task-list__link"
                      href={reviewPaths.rateElement(review.id, element.key)}
                      aria-describedby={`status-${element.key}`}
                    >
                      {element.name}
                    </a>
                  </div>
                  <div class="govuk-task-list__status" id={`status-${element.key}`}>
                    {level ? <LevelLabel level={level} /> : stateTags[element.state]}
                  </div>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </>
  );
}

/** What is saved already, shown when a save was refused because it changed in the meantime. */
function SavedMeanwhile({ current, levels }: { current: MyRating; levels: FrameworkLevel[] }): VNode {
  const level = levels.find((each) => each.key === current.levelKey);
  return (
    <div class="govuk-inset-text">
      <p class="govuk-body govuk-!-font-weight-bold">
        Saved {current.updatedAt ? formatLondonDateTime(current.updatedAt) : ''} (in another tab or window):
      </p>
      <p class="govuk-body">Level: {level ? <LevelLabel level={level} /> : 'none chosen'}</p>
      <p class="govuk-body tandem-pre-line">Rationale: {current.rationale || '(empty)'}</p>
      <p class="govuk-body">
        What you typed is kept below. Save again to replace what was saved, or leave this page to keep it.
      </p>
    </div>
  );
}

export function RateElementPage({
  page,
  values,
  errors,
  stale,
  done,
}: {
  page: RatingPage;
  values: FormValues;
  errors: FormErrors;
  /** Set when the save was refused: what was saved meanwhile. */
  stale: MyRating | null;
  /** Set after a save: "Save" stays on the element, "Save and continue" moves on to the next. */
  done: ReviewDone | null;
}): VNode {
  const { review, element, heading, levels, rating } = page;
  const closed = review.status !== 'open';
  const removable = rating.evidence.map((item) => ({
    value: item.id,
    text: item.kind === 'link' ? item.name : `${item.name} (file)`,
  }));
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <BackLink href={reviewPaths.rate(review.id)} text="Back to your ratings" />
        {done && <NotificationBanner type="success" text={reviewDoneMessages[done]} />}
        <ErrorSummaryFor errors={errors} />
        {stale && <SavedMeanwhile current={stale} levels={levels} />}
        <span class="govuk-caption-l">
          {heading.name} · element {page.position.index} of {page.position.total}
        </span>
        <h1 class="govuk-heading-l">{element.name}</h1>
        {element.summary && <p class="govuk-body">{element.summary}</p>}
        {element.questions.length > 0 && (
          <Details summaryText="Guiding questions">
            <ul class="govuk-list govuk-list--bullet">
              {element.questions.map((question) => (
                <li key={question}>{question}</li>
              ))}
            </ul>
          </Details>
        )}
        {closed && <WarningText text="This review is closed: your rating can be read but no longer changed." />}
        <Form action={reviewPaths.rateElement(review.id, element.key)} enctype="multipart/form-data">
          {/* As on the agree page: a form shown again after a mistake keeps the version it was opened on. */}
          <input
            type="hidden"
            name="version"
            value={stale ? String(stale.version) : typedText(values, 'version') || String(rating.version)}
          />
          <Radios
            name="level"
            idPrefix="level"
            fieldset={{ legend: { text: 'Your rating', classes: 'govuk-fieldset__legend--m' } }}
            hint={{ text: 'You can save without choosing, and come back to it.' }}
            value={typedText(values, 'level')}
            errorMessage={errors.field('level')}
            items={levels.map((level) => {
              const descriptor = element.descriptors[level.key] ?? level.descriptor;
              return {
                value: level.key,
                text: level.meaning ? `${level.label}: ${level.meaning}` : level.label,
                ...(descriptor ? { hint: { text: descriptor } } : {}),
              };
            })}
          />
          <Textarea
            id="rationale"
            name="rationale"
            rows={6}
            label={{ text: 'Rationale', classes: 'govuk-label--s' }}
            hint={{ text: 'Why this rating: what you have seen, and what would move it.' }}
            value={typedText(values, 'rationale')}
            errorMessage={errors.field('rationale')}
          />
          <Textarea
            id="evidenceText"
            name="evidenceText"
            rows={4}
            label={{ text: 'Evidence', classes: 'govuk-label--s' }}
            hint={{ text: 'Documents, data or observations that back it up.' }}
            value={typedText(values, 'evidenceText')}
            errorMessage={errors.field('evidenceText')}
          />
          <Textarea
            id="links"
            name="links"
            rows={2}
            label={{ text: 'Add links (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'One web address a line, starting https://' }}
            value={typedText(values, 'links')}
            errorMessage={errors.field('links')}
          />
          <FileUpload
            name="files"
            multiple
            label={{ text: 'Add files (optional)', classes: 'govuk-label--s' }}
            hint={{ text: 'PDF, Word, Excel, PowerPoint, images or text; up to 5 files of 10MB each.' }}
            errorMessage={errors.field('files')}
          />
          {removable.length > 0 && (
            <>
              <h2 class="govuk-heading-s">Evidence saved</h2>
              <ul class="govuk-list">
                {rating.evidence.map((item) => (
                  <li key={item.id}>
                    {item.kind === 'file' ? (
                      <a class="govuk-link" href={reviewPaths.evidence(review.id, item.id)}>
                        {item.name}
                      </a>
                    ) : (
                      <span class="tandem-break-words">{item.name}</span>
                    )}
                  </li>
                ))}
              </ul>
              <Checkboxes
                name="removeEvidence"
                idPrefix="removeEvidence"
                classes="govuk-checkboxes--small"
                fieldset={{ legend: { text: 'Remove evidence', classes: 'govuk-fieldset__legend--s' } }}
                values={typedList(values, 'removeEvidence')}
                items={removable}
              />
            </>
          )}
          {!closed && (
            <div class="govuk-button-group">
              <Button text="Save and continue" name="then" value="next" />
              <Button text="Save" name="then" value="stay" classes="govuk-button--secondary" />
            </div>
          )}
        </Form>
      </div>
    </div>
  );
}
