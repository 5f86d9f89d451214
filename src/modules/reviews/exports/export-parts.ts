/**
 * What the three exports (PDF heat map, CSV, XLSX) say the same way: the words for missing
 * answers, a level's label and rank, and the rows of individual ratings. How a cell that a
 * spreadsheet could take for a formula is made harmless is in platform/exports/csv.ts.
 */
import { formatLondonDate } from '../../../platform/views/london-time.ts';
import type { ReportElement, ReportHeading, ReportLevel, ReviewReport } from '../review-report.ts';

export const NOT_AGREED = 'Not agreed';
export const NOT_ENOUGH = 'Not enough responses to show';
export const AGREED_GROUP = 'Agreed';
export const ANONYMOUS_NOTICE = 'This review is anonymous: individual answers are never shown.';

export function levelByKey(levels: readonly ReportLevel[], key: string | null | undefined): ReportLevel | undefined {
  return key == null ? undefined : levels.find((level) => level.key === key);
}

/** "3 of 4": tells levels apart where colour cannot (a greyscale print, colour blindness). */
export function rankMarker(level: ReportLevel, levels: readonly ReportLevel[]): string {
  return `${level.rank + 1} of ${levels.length}`;
}

export function statusText(report: ReviewReport): string {
  if (report.status === 'open') return 'Open';
  return report.closedAt ? `Closed on ${formatLondonDate(report.closedAt)}` : 'Closed';
}

export function frameworkText(report: ReviewReport): string {
  return `${report.frameworkName}, version ${report.frameworkVersionNumber}`;
}

/** Black or white, whichever contrasts more with a `#rrggbb` background (WCAG relative luminance). */
export function textColourOn(background: string): '#000000' | '#ffffff' {
  const channels = [1, 3, 5].map((start) => {
    const value = parseInt(background.slice(start, start + 2), 16) / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  const [red = 0, green = 0, blue = 0] = channels;
  const luminance = 0.2126 * red + 0.7152 * green + 0.0722 * blue;
  return (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) ? '#000000' : '#ffffff';
}

/** Counts in the levels' order (weakest first), or null when they may not be shown. */
export function countsOf(element: ReportElement, levels: readonly ReportLevel[]): number[] | null {
  const { distribution } = element;
  return distribution ? levels.map((level) => distribution[level.key] ?? 0) : null;
}

/** The responses count then one count per level; too few answers show nothing but the reason. */
export function responseCells(element: ReportElement, levels: readonly ReportLevel[]): Array<number | string> {
  const counts = countsOf(element, levels);
  return counts ? [element.responses, ...counts] : [NOT_ENOUGH, ...levels.map(() => '')];
}

export const ratingHeader = [
  'Heading',
  'Element',
  'Group',
  'Participant',
  'Level',
  'Rationale',
  'Evidence',
  'Evidence names',
];

/**
 * One row per individual rating, in the columns of `ratingHeader`. Nothing for an anonymous
 * review, whatever the report carries: the exports must never be where a name slips out.
 */
export function ratingRows(report: ReviewReport, heading: ReportHeading, element: ReportElement): string[][] {
  if (report.anonymous) return [];
  return element.ratings.map((rating) => [
    heading.name,
    element.name,
    rating.groupName,
    rating.participantName,
    levelByKey(report.levels, rating.levelKey)?.label ?? '',
    rating.rationale,
    rating.evidenceText,
    rating.evidenceNames.join('; '),
  ]);
}

export function agreedLabel(levels: readonly ReportLevel[], element: ReportElement): string {
  return levelByKey(levels, element.agreed?.levelKey)?.label ?? NOT_AGREED;
}
