import { toSpreadsheetCsv, type CsvCell } from '../../../platform/exports/csv.ts';
import type { ReportElement, ReportHeading, ReviewReport } from '../review-report.ts';
import { AGREED_GROUP, agreedLabel, ratingHeader, ratingRows, responseCells } from './export-parts.ts';

/** The agreed rating: no participant of its own (and no participant column when anonymous). */
function agreedRow(report: ReviewReport, heading: ReportHeading, element: ReportElement): CsvCell[] {
  const participant = report.anonymous ? [] : [''];
  const rationale = element.agreed?.rationale ?? '';
  return [heading.name, element.name, AGREED_GROUP, ...participant, agreedLabel(report.levels, element), rationale];
}

/** Named review: every rating, then the agreed one, with the evidence. */
function namedRecords(report: ReviewReport): CsvCell[][] {
  return [
    ratingHeader,
    ...report.headings.flatMap((heading) =>
      heading.elements.flatMap((element) => [
        ...ratingRows(report, heading, element),
        [...agreedRow(report, heading, element), '', ''],
      ]),
    ),
  ];
}

/** Anonymous review: only counts, and not even those for an element too few people answered. */
function anonymousRecords(report: ReviewReport): CsvCell[][] {
  const blanks = report.levels.map(() => '');
  return [
    ['Heading', 'Element', 'Group', 'Level', 'Rationale', 'Responses', ...report.levels.map((level) => level.label)],
    ...report.headings.flatMap((heading) =>
      heading.elements.flatMap((element) => [
        [heading.name, element.name, 'Responses', '', '', ...responseCells(element, report.levels)],
        [...agreedRow(report, heading, element), '', ...blanks],
      ]),
    ),
  ];
}

export function renderRatingsCsv(report: ReviewReport): string {
  const records = report.anonymous ? anonymousRecords(report) : namedRecords(report);
  return toSpreadsheetCsv(records);
}
