/**
 * The reads of a review's content that go into the audit log (action `confidential.read`,
 * details `{ kind, id: reviewId, … }`), and how each is told to the trust's leaders on
 * "Who has read your reviews". Kinds are stored, so a kind is renamed only with its old name
 * kept here: an event recorded under it must still be described.
 *
 * Not recorded: a person reading their own rating form or their own evidence file (nobody
 * else's content is read), and the review's own page (who takes part and its state, not ratings).
 */
export const reviewReadKinds = [
  'review.heat-map',
  'review.group-comparison',
  'review.peer-challenge',
  'review.history',
  'review.export',
  'review.evidence-file',
  'review.agree',
  'review.benchmarks',
] as const;

export type ReviewReadKind = (typeof reviewReadKinds)[number];

export const exportFormats = ['pdf', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const formatNames: Record<ExportFormat, string> = {
  pdf: 'a PDF',
  csv: 'a CSV file',
  xlsx: 'an Excel spreadsheet',
};

const readDescriptions: Record<ReviewReadKind, string> = {
  'review.heat-map': 'Looked at the heat map',
  'review.group-comparison': 'Looked at the group comparison',
  'review.peer-challenge': 'Looked at the peer challenge page',
  'review.history': 'Looked at the history (agreed ratings beside the previous review’s)',
  'review.export': 'Downloaded the results',
  'review.evidence-file': 'Downloaded an evidence file someone uploaded with their rating',
  'review.agree': 'Opened a page for agreeing a rating, which shows what each person said',
  'review.benchmarks': 'Looked at the benchmarks (agreed ratings beside other trusts’)',
};

function isReviewReadKind(kind: string): kind is ReviewReadKind {
  return (reviewReadKinds as readonly string[]).includes(kind);
}

/** What someone read, in words for the trust's leaders: "Downloaded the results as a PDF". */
export function describeReviewRead(details: Record<string, unknown>): string {
  const kind = typeof details.kind === 'string' ? details.kind : '';
  // A kind recorded by a newer version keeps its code rather than breaking the page.
  if (!isReviewReadKind(kind)) return kind || 'Read the review';
  const format = details.format;
  if (kind === 'review.export' && typeof format === 'string' && format in formatNames) {
    return `${readDescriptions[kind]} as ${formatNames[format as ExportFormat]}`;
  }
  return readDescriptions[kind];
}
