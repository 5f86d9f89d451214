import { renderPdf } from '../../../platform/exports/pdf.ts';
import { formatDay, formatLondonDate } from '../../../platform/views/london-time.ts';
import type { RagRating } from '../plans.tables.ts';
import { actionStatusLabels, planStatusLabels, progressText, ragLabels, ragRollUpLabel } from '../views/plan-parts.tsx';
import type { ExportAction, ExportPriority, PlanExport } from './plan-export.ts';
import {
  BOTTOM,
  CONTENT_WIDTH,
  type Doc,
  Flow,
  lineHeight,
  lines,
  MARGIN,
  rule,
  SECONDARY,
  useStyle,
  writeLine,
} from './plan-pdf-flow.ts';
import { type Column, drawTable, type Piece } from './plan-pdf-table.ts';

/**
 * A development plan as a PDF for a board pack: A4, over as many pages as it takes. Nothing is
 * cut at a page's edge: a table row moves whole to the next page (under its table's header again),
 * a heading keeps the start of what follows it, and every page after the first says whose plan it
 * is. Every fact that colour shows (RAG, overdue) is also in words, for a greyscale print.
 */

const OVERDUE = '#d4351c';
const RAG_COLOURS: Record<RagRating, string> = { red: '#d4351c', amber: '#f47738', green: '#00703c' };

const small = { size: 8.5 };
const note = { size: 7.5, colour: SECONDARY };

const actionColumns: Column[] = [
  { header: 'Action', width: 176 },
  { header: 'Owner', width: 90 },
  { header: 'Due date', width: 96 },
  { header: 'Status', width: 68 },
  { header: 'RAG', width: CONTENT_WIDTH - 176 - 90 - 96 - 68 },
];

function actionRow(action: ExportAction): Piece[][] {
  return [
    [
      { text: action.title, style: small },
      ...(action.dependsOnTitle ? [{ text: `After: ${action.dependsOnTitle}`, style: note }] : []),
    ],
    [{ text: action.ownerName, style: small }],
    [
      { text: formatDay(action.dueDate), style: small },
      ...(action.overdue ? [{ text: 'Overdue', style: { ...small, bold: true, colour: OVERDUE } }] : []),
    ],
    [{ text: actionStatusLabels[action.status], style: small }],
    [{ text: ragLabels[action.rag], style: small, swatch: RAG_COLOURS[action.rag] }],
  ];
}

function drawPriority(flow: Flow, priority: ExportPriority, index: number): void {
  const heading = `${index + 1}. ${priority.title}`;
  flow.heading(heading, { size: 13, bold: true }, { before: 10, keepWith: 4 * lineHeight(10) });
  if (priority.sourceLabel) flow.paragraph(`From a review: ${priority.sourceLabel}`, { size: 9, colour: SECONDARY });
  const overdue = priority.actions.filter((action) => action.overdue).length;
  const facts = [`RAG rating: ${ragRollUpLabel(priority.rag)}`, `Progress: ${progressText(priority.progress)}`];
  if (overdue > 0) facts.push(overdue === 1 ? '1 action overdue' : `${overdue} actions overdue`);
  flow.paragraph(facts.join(' · '), { size: 10, bold: true }, { after: 8 });
  flow.labelled('Intended outcome', priority.intendedOutcome);
  if (priority.successCriteria.trim() !== '') flow.labelled('Success criteria', priority.successCriteria);
  if (priority.achieved && priority.achieved.trim() !== '') flow.labelled('What was achieved', priority.achieved);
  if (priority.actions.length === 0) {
    flow.paragraph('No actions yet.', { size: 10 }, { after: 10 });
    return;
  }
  drawTable(flow, `Actions for ${heading}`, actionColumns, priority.actions.map(actionRow));
}

function statusText(plan: PlanExport['plan']): string {
  return plan.status === 'closed' && plan.closedAt
    ? `Closed on ${formatLondonDate(plan.closedAt)}`
    : planStatusLabels[plan.status];
}

function drawTitle(flow: Flow, planExport: PlanExport): void {
  const { doc } = flow;
  const { plan } = planExport;
  flow.heading(plan.title, { size: 20, bold: true }, { after: 2, keepWith: 0 });
  const kind = plan.ofTrust ? 'Development plan' : 'Own development plan';
  flow.paragraph(`${kind} · Produced on ${formatLondonDate(planExport.producedAt)}`, { size: 10, colour: SECONDARY });
  const facts: Array<[string, string]> = [
    [plan.ofTrust ? 'Trust' : 'Person', plan.ownerName],
    ['Period', `${formatDay(plan.periodStart)} to ${formatDay(plan.periodEnd)}`],
    ['Status', statusText(plan)],
  ];
  const keyWidth = 90;
  const height = lineHeight(10);
  rule(doc, flow.y);
  for (const [key, value] of facts) {
    const wrapped = lines(doc, value, CONTENT_WIDTH - keyWidth, { size: 10 });
    const rowHeight = wrapped.length * height + 8;
    flow.keep(rowHeight);
    writeLine(doc, key, MARGIN, flow.y + 4, { size: 10, bold: true });
    wrapped.forEach((line, index) =>
      writeLine(doc, line, MARGIN + keyWidth, flow.y + 4 + index * height, { size: 10 }),
    );
    flow.y += rowHeight;
    rule(doc, flow.y);
  }
  flow.y += 12;
  if (plan.summary.trim() !== '') {
    flow.heading('Summary', { size: 14, bold: true }, { keepWith: 2 * height });
    flow.paragraph(plan.summary, { size: 10 }, { after: 10 });
  }
}

function drawMilestones(flow: Flow, planExport: PlanExport): void {
  flow.heading('Milestones', { size: 16, bold: true }, { before: 14, keepWith: 50 });
  if (planExport.milestones.length === 0) {
    flow.paragraph('No milestones.', { size: 10 });
    return;
  }
  const columns: Column[] = [
    { header: 'Date', width: 110 },
    { header: 'Milestone', width: CONTENT_WIDTH - 110 - 90 },
    { header: 'Reached', width: 90 },
  ];
  const rows = planExport.milestones.map((milestone) => [
    [{ text: formatDay(milestone.dueOn), style: small }],
    [{ text: milestone.title, style: small }],
    [{ text: milestone.reached ? 'Reached' : 'Not yet', style: small }],
  ]);
  drawTable(flow, 'Milestones', columns, rows, { captionFirst: false });
}

/** "Produced on 24 November 2026" and "Page 2 of 5" below every page, once the pages are counted. */
function drawFooters(doc: Doc, planExport: PlanExport): void {
  const { start, count } = doc.bufferedPageRange();
  const style = { size: 8, colour: SECONDARY };
  const produced = `Produced on ${formatLondonDate(planExport.producedAt)}`;
  for (let page = start; page < start + count; page += 1) {
    doc.switchToPage(page);
    const y = BOTTOM + 18;
    rule(doc, y - 6);
    writeLine(doc, produced, MARGIN, y, style);
    const number = `Page ${page - start + 1} of ${count}`;
    useStyle(doc, style);
    writeLine(doc, number, MARGIN + CONTENT_WIDTH - doc.widthOfString(number), y, style);
  }
}

export function renderPlanPdf(planExport: PlanExport): Promise<Buffer> {
  const { plan } = planExport;
  const options: PDFKit.PDFDocumentOptions = {
    size: 'A4',
    margin: 0,
    bufferPages: true,
    lang: 'en-GB',
    displayTitle: true,
    info: {
      Title: plan.title,
      Subject: `Development plan: ${plan.ownerName}`,
      Creator: 'Tandem',
      CreationDate: planExport.producedAt,
      ModDate: planExport.producedAt,
    },
  };
  return renderPdf(options, (doc) => {
    const flow = new Flow(doc, `${plan.title} · ${plan.ownerName}`);
    drawTitle(flow, planExport);
    flow.heading('Priorities', { size: 16, bold: true }, { before: 6, keepWith: 60 });
    if (planExport.priorities.length === 0) flow.paragraph('No priorities yet.', { size: 10 });
    planExport.priorities.forEach((priority, index) => drawPriority(flow, priority, index));
    drawMilestones(flow, planExport);
    drawFooters(doc, planExport);
  });
}
