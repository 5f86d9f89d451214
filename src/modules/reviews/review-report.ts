/**
 * A review's results as one plain value: what the heat map, the exports (PDF, CSV, XLSX) and
 * the board pack show. The service builds it only for someone allowed to see it, and in
 * anonymous mode it never carries an individual's answer: `ratings` is empty and each element
 * has only its `responses` count and `distribution`, and those only once enough people answered.
 */

export interface ReportLevel {
  key: string;
  label: string;
  /** `#rrggbb`; never the only way a level is told apart: its label is always shown too. */
  colour: string;
  /** 0 for the weakest level, rising to the strongest. */
  rank: number;
}

export interface ReportRating {
  participantName: string;
  groupName: string;
  /** Null while the participant has saved a rationale but not chosen a level. */
  levelKey: string | null;
  rationale: string;
  evidenceText: string;
  /** Links (their addresses) and uploaded files (their names as uploaded). */
  evidenceNames: string[];
}

export interface ReportElement {
  key: string;
  name: string;
  agreed: { levelKey: string; rationale: string } | null;
  /** Every participant's rating, named; always empty for an anonymous review. */
  ratings: ReportRating[];
  /** How many participants chose a level for this element. */
  responses: number;
  /**
   * Level key → how many chose it. Null when the review is anonymous and fewer than its
   * minimum number of people answered: then nothing about the answers may be shown.
   */
  distribution: Record<string, number> | null;
}

export interface ReportHeading {
  key: string;
  name: string;
  elements: ReportElement[];
}

export interface ReviewReport {
  reviewId: string;
  title: string;
  organisationName: string;
  frameworkName: string;
  frameworkVersionNumber: number;
  status: 'open' | 'closed';
  anonymous: boolean;
  /** For an anonymous review: the fewest answers an element needs before anything of it is shown. */
  minimumResponses: number;
  closedAt: Date | null;
  generatedAt: Date;
  /** Weakest first. */
  levels: ReportLevel[];
  /** Only the headings the review covers, in the framework's order. */
  headings: ReportHeading[];
}
