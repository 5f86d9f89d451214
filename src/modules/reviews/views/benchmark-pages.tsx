import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import type { FormErrors } from '../../../platform/forms/forms.ts';
import { Button } from '../../../platform/views/components/button.tsx';
import { InsetText } from '../../../platform/views/components/inset-text.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Radios } from '../../../platform/views/components/radios.tsx';
import { Select } from '../../../platform/views/components/select.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatLondonDate } from '../../../platform/views/london-time.ts';
import { LevelLabel, type FrameworkLevel } from '../../frameworks/index.ts';
import { benchmarkDoneMessages, benchmarkPaths, type BenchmarkDone } from '../benchmarks.paths.ts';
import {
  MINIMUM_TRUSTS,
  sizeBands,
  type Benchmark,
  type BenchmarkConsent,
  type BenchmarkElement,
} from '../benchmarks.service.ts';

export function ConsentPage({
  consent,
  chosen,
  errors,
  done,
}: {
  consent: BenchmarkConsent;
  /** What the form shows as chosen: the trust's choice, or what was posted. */
  chosen: string;
  errors: FormErrors;
  done: BenchmarkDone | null;
}): VNode {
  const { organisation, consentedAt } = consent;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <ErrorSummaryFor errors={errors} />
        {done && <NotificationBanner type="success" text={benchmarkDoneMessages[done]} />}
        <span class="govuk-caption-l">{organisation.name}</span>
        <h1 class="govuk-heading-l">Benchmarking</h1>
        <p class="govuk-body">
          Trusts that take part see each review’s agreed ratings beside how other trusts rated the same elements.
        </p>
        <p class="govuk-body">If {organisation.name} takes part:</p>
        <ul class="govuk-list govuk-list--bullet">
          <li>
            the agreed ratings of its latest closed review of each framework join anonymous totals: how many trusts
            agreed each level of each element
          </li>
          <li>its name, its people’s ratings and the reasons they gave are never shared</li>
          <li>an element’s totals are shown only where at least {MINIMUM_TRUSTS} trusts contribute to them</li>
          <li>it can stop at any time, and its ratings leave the totals straight away</li>
        </ul>
        <p class="govuk-body">
          {consentedAt
            ? `${organisation.name} has taken part since ${formatLondonDate(consentedAt)}.`
            : `${organisation.name} does not take part.`}
        </p>
        <Form action={benchmarkPaths.consent(organisation.id)}>
          <Radios
            name="takePart"
            fieldset={{
              legend: { text: `Should ${organisation.name} take part?`, classes: 'govuk-fieldset__legend--m' },
            }}
            value={chosen}
            errorMessage={errors.field('takePart')}
            items={[
              { value: 'yes', text: 'Yes, include our agreed ratings in the benchmarks' },
              { value: 'no', text: 'No, do not include them' },
            ]}
          />
          <Button text="Save" preventDoubleClick />
        </Form>
      </div>
    </div>
  );
}

function FilterForm({ benchmark }: { benchmark: Benchmark }): VNode {
  return (
    <form action={benchmarkPaths.benchmarks(benchmark.review.id)} method="get" novalidate>
      <Select
        id="region"
        name="region"
        label={{ text: 'Region', classes: 'govuk-label--s' }}
        value={benchmark.region ?? ''}
        items={[
          { value: '', text: 'All regions' },
          ...benchmark.regions.map((region) => ({ value: region, text: region })),
        ]}
      />
      <Select
        id="size"
        name="size"
        label={{ text: 'Trust size', classes: 'govuk-label--s' }}
        value={benchmark.size ?? ''}
        items={[{ value: '', text: 'All sizes' }, ...sizeBands.map((band) => ({ value: band.key, text: band.label }))]}
      />
      <Button text="Apply" />
    </form>
  );
}

const trustsText = (count: number) => `${count} ${count === 1 ? 'trust' : 'trusts'}`;

function ElementRow({ element, levels }: { element: BenchmarkElement; levels: FrameworkLevel[] }): VNode {
  const own = levels.find((level) => level.key === element.own);
  const { others } = element;
  return (
    <tr class="govuk-table__row">
      <th scope="row" class="govuk-table__header">
        {element.name}
      </th>
      <td class="govuk-table__cell">{own ? <LevelLabel level={own} /> : 'Not agreed'}</td>
      {others ? (
        levels.map((level) => {
          const count = others.levels[level.key] ?? 0;
          return (
            <td class="govuk-table__cell govuk-table__cell--numeric">
              {Math.round((count / others.trusts) * 100)}% <span class="govuk-body-s">({trustsText(count)})</span>
            </td>
          );
        })
      ) : (
        <td class="govuk-table__cell" colspan={levels.length}>
          Fewer than {MINIMUM_TRUSTS} trusts — not shown
        </td>
      )}
    </tr>
  );
}

export function BenchmarkPage({ benchmark }: { benchmark: Benchmark }): VNode {
  const { review, levels } = benchmark;
  return (
    <>
      <span class="govuk-caption-l">{review.title}</span>
      <h1 class="govuk-heading-l">Benchmarks</h1>
      <div class="govuk-grid-row">
        <div class="govuk-grid-column-two-thirds">
          <p class="govuk-body">
            Each element’s agreed rating beside the agreed ratings of other trusts that take part: from the latest
            closed review of each trust that used this framework. An element is shown only where at least{' '}
            {MINIMUM_TRUSTS} trusts contribute.
          </p>
          {!review.consented && (
            <InsetText>
              {review.organisationName} does not take part in the benchmarks. Its chief executive, executives and chair
              can{' '}
              <a class="govuk-link" href={benchmarkPaths.consent(review.organisationId)}>
                choose to take part
              </a>
              .
            </InsetText>
          )}
          <h2 class="govuk-heading-m">Compare with</h2>
          <FilterForm benchmark={benchmark} />
        </div>
      </div>
      {benchmark.headings.map((heading) => (
        <table class="govuk-table">
          <caption class="govuk-table__caption govuk-table__caption--m">{heading.name}</caption>
          <thead class="govuk-table__head">
            <tr class="govuk-table__row">
              <th scope="col" class="govuk-table__header">
                Element
              </th>
              <th scope="col" class="govuk-table__header">
                Your agreed rating
              </th>
              {levels.map((level) => (
                <th scope="col" class="govuk-table__header govuk-table__header--numeric">
                  <LevelLabel level={level} />
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="govuk-table__body">
            {heading.elements.map((element) => (
              <ElementRow element={element} levels={levels} />
            ))}
          </tbody>
        </table>
      ))}
    </>
  );
}
