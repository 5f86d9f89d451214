import type { FileReport, LineNote } from './gias-import.service.ts';

const number = new Intl.NumberFormat('en-GB');
const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

const labels: Record<FileReport['kind'], string> = {
  trusts: 'Trusts',
  establishments: 'Establishments',
  ofsted: 'Ofsted ratings',
};

function listed(title: string, notes: LineNote[], shown: number): string[] {
  if (notes.length === 0) return [];
  const lines = [`  ${title} (${number.format(notes.length)}):`];
  for (const note of notes.slice(0, shown)) lines.push(`    line ${note.line}: ${note.reason}`);
  if (notes.length > shown) lines.push(`    … and ${number.format(notes.length - shown)} more`);
  return lines;
}

/** The import's outcome as the command line prints it: counts per file, then the first rejections. */
export function formatImportReport(reports: FileReport[], { shown = 50 }: { shown?: number } = {}): string {
  const lines: string[] = [];
  for (const report of reports) {
    lines.push(
      `${labels[report.kind]} from ${report.file}: ${number.format(report.rows)} rows in ${seconds(report.milliseconds)}`,
      `  ${number.format(report.created)} created, ${number.format(report.updated)} updated, ` +
        `${number.format(report.unchanged)} unchanged, ${number.format(report.rejected)} rejected`,
      ...listed('Rejected', report.rejections, shown),
      ...listed('Imported with a warning', report.warnings, shown),
    );
  }
  return lines.join('\n');
}
