import type { VNode } from 'preact';
import { InsetText } from '../../../platform/views/components/inset-text.tsx';
import { formatLondonDate } from '../../../platform/views/london-time.ts';
import { LevelLabel } from '../../frameworks/index.ts';
import { planPaths } from '../../plans/index.ts';
import type { ReportElement, ReportHeading, ReportLevel, ReviewReport } from '../review-report.ts';
import { reviewPaths } from '../reviews.paths.ts';
import {
  ElementHeader,
  NOT_ENOUGH,
  plural,
  ResultsHeading,
  ResultsLinks,
  ScrollingTable,
  TableTop,
  TwoThirds,
} from './results-parts.tsx';

const NOT_AGREED = 'Not agreed yet';

/**
 * One element's cell: a band of its agreed level's colour above its name and the level in
 * words, so the map reads the same without colour. Not agreed yet: no band, a dashed outline.
 */
function Cell({
  reviewId,
  element,
  level,
}: {
  reviewId: string;
  element: ReportElement;
  level: ReportLevel | undefined;
}): VNode {
  return (
    <li class={level ? 'tandem-heat-map__cell' : 'tandem-heat-map__cell tandem-heat-map__cell--not-agreed'}>
      {level && (
        // An SVG fill, not a style attribute: the content security policy allows no inline styles.
        <svg
          class="tandem-heat-map__band"
          viewBox="0 0 100 10"
          preserveAspectRatio="none"
          aria-hidden="true"
          focusable="false"
        >
          <rect width="100" height="10" fill={level.colour} />
        </svg>
      )}
      <span class="tandem-heat-map__text">
        {element.name}
        <span class="govuk-visually-hidden">: </span>
        <span class="tandem-heat-map__level">{level ? level.label : NOT_AGREED}</span>
      </span>
      {/* The plans page decides who may use it: the trust's leaders choose a plan, anyone else is told who can. */}
      <span class="tandem-heat-map__text">
        <a class="govuk-link" href={planPaths.fromReview(reviewId, element.key)}>
          Make this a priority<span class="govuk-visually-hidden">: {element.name}</span>
        </a>
      </span>
    </li>
  );
}

function HeadingMap({
  reviewId,
  heading,
  levels,
}: {
  reviewId: string;
  heading: ReportHeading;
  levels: ReportLevel[];
}): VNode {
  const id = `map-${heading.key}`;
  return (
    <section aria-labelledby={id}>
      <h3 class="govuk-heading-s" id={id}>
        {heading.name}
      </h3>
      <ul class="tandem-heat-map__cells">
        {heading.elements.map((element) => (
          <Cell
            reviewId={reviewId}
            element={element}
            level={levels.find((level) => level.key === element.agreed?.levelKey)}
          />
        ))}
      </ul>
    </section>
  );
}

function Key({ levels }: { levels: ReportLevel[] }): VNode {
  return (
    <>
      <h2 class="govuk-heading-m">Key</h2>
      <ul class="govuk-list">
        {levels.map((level) => (
          <li>
            <LevelLabel level={level} />
          </li>
        ))}
        <li>
          <span class="tandem-level">
            <span class="tandem-level__not-agreed" aria-hidden="true"></span>
            {NOT_AGREED} (a dashed outline)
          </span>
        </li>
      </ul>
    </>
  );
}

function CountCells({ element, levels }: { element: ReportElement; levels: ReportLevel[] }): VNode {
  const { distribution } = element;
  if (!distribution) {
    return (
      <td class="govuk-table__cell" colspan={levels.length + 1}>
        {NOT_ENOUGH}
      </td>
    );
  }
  return (
    <>
      <td class="govuk-table__cell govuk-table__cell--numeric">{element.responses}</td>
      {levels.map((level) => (
        <td class="govuk-table__cell govuk-table__cell--numeric">{distribution[level.key] ?? 0}</td>
      ))}
    </>
  );
}

/** The heat map again as a table, with how many chose each level: for screen readers, and for the numbers. */
function HeatMapTable({ report }: { report: ReviewReport }): VNode {
  const { levels } = report;
  return (
    <ScrollingTable label="The heat map as a table">
      <table class="govuk-table">
        <TableTop
          caption="The heat map as a table, with how many people chose each level"
          columns={[
            'Element',
            'Agreed level',
            { label: 'Responses', numeric: true },
            ...levels.map((level) => ({ label: <LevelLabel level={level} />, numeric: true })),
          ]}
        />
        <tbody class="govuk-table__body">
          {report.headings.flatMap((heading) =>
            heading.elements.map((element) => (
              <tr class="govuk-table__row">
                <ElementHeader name={element.name} headingName={heading.name} />
                <td class="govuk-table__cell">
                  {levels.find((level) => level.key === element.agreed?.levelKey)?.label ?? NOT_AGREED}
                </td>
                <CountCells element={element} levels={levels} />
              </tr>
            )),
          )}
        </tbody>
      </table>
    </ScrollingTable>
  );
}

function About({ report }: { report: ReviewReport }): VNode {
  const elements = report.headings.reduce((sum, heading) => sum + heading.elements.length, 0);
  const agreed = report.headings.reduce(
    (sum, heading) => sum + heading.elements.filter((element) => element.agreed).length,
    0,
  );
  return (
    <>
      <p class="govuk-body">
        Each element’s agreed level, against {report.frameworkName} (version {report.frameworkVersionNumber}). {agreed}{' '}
        of {plural(elements, 'element', 'elements')} agreed.
      </p>
      {report.status === 'open' ? (
        <InsetText>This review is still open: agreed levels can change until a lead closes it.</InsetText>
      ) : (
        report.closedAt && <p class="govuk-body">Closed on {formatLondonDate(report.closedAt)}.</p>
      )}
      {report.anonymous && (
        <p class="govuk-body">
          This review is anonymous: nobody’s own answers are shown, and an element’s counts only once at least{' '}
          {report.minimumResponses} people have answered it.
        </p>
      )}
    </>
  );
}

function Downloads({ reviewId }: { reviewId: string }): VNode {
  return (
    <>
      <h2 class="govuk-heading-m">Download</h2>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={reviewPaths.export(reviewId, 'pdf')} download>
            Heat map (PDF)
          </a>
        </li>
        <li>
          <a class="govuk-link" href={reviewPaths.export(reviewId, 'csv')} download>
            Ratings (CSV)
          </a>
        </li>
        <li>
          <a class="govuk-link" href={reviewPaths.export(reviewId, 'xlsx')} download>
            Ratings (Excel spreadsheet)
          </a>
        </li>
      </ul>
    </>
  );
}

export function HeatMapPage({ report, peerChallenge }: { report: ReviewReport; peerChallenge: boolean }): VNode {
  return (
    <>
      <ResultsHeading review={report} heading="Heat map" />
      <TwoThirds>
        <About report={report} />
      </TwoThirds>
      <h2 class="govuk-heading-m">Agreed levels</h2>
      {report.headings.map((heading) => (
        <HeadingMap reviewId={report.reviewId} heading={heading} levels={report.levels} />
      ))}
      <Key levels={report.levels} />
      <HeatMapTable report={report} />
      <TwoThirds>
        <Downloads reviewId={report.reviewId} />
        <ResultsLinks reviewId={report.reviewId} current="heat-map" results peerChallenge={peerChallenge} />
      </TwoThirds>
    </>
  );
}
