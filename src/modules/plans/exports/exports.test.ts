import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { pageObjects, pdfText, renderedPages, run, withPoppler } from '../../../../test/support/pdf.ts';
import { downloadFileName } from '../../../platform/exports/file-name.ts';
import { actionsCsvHeader, renderActionsCsv } from './actions-csv.ts';
import { planExportOf } from './plan-export.ts';
import { fixtureOwner, largePlan, producedAt, smallPlan, smallPlanRows } from './plan-fixture.ts';
import { renderPlanPdf } from './plan-pdf.ts';
import { wrapText } from './wrap-text.ts';

test('the plan PDF is an A4 page in DejaVu with the plan, its priorities, actions and milestones', async (t) => {
  const pdf = await renderPlanPdf(smallPlan());
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.equal(pageObjects(pdf), 1);
  assert.match(pdf.toString('latin1'), /DejaVuSans/);
  assert.doesNotMatch(pdf.toString('latin1'), /\/BaseFont\s*\/Helvetica/);
  await withPoppler(t, pdf, async (file, folder) => {
    assert.equal(await renderedPages(file, folder), 1);
    const text = await pdfText(file);
    for (const words of [
      'Trust development plan 2026 to 2027',
      'Carrow Learning Trust',
      '1 September 2026 to 31 August 2027',
      'Active',
      'Produced on 24 November 2026',
      'Agreed by the board in October.',
      '1. Strengthen governance',
      'From a review: Leadership and governance: Accountability',
      'RAG rating: Red · Progress: 1 of 3 actions done (33%) · 1 action overdue',
      'Trustees hold leaders to account',
      'Every committee reports to the board each term',
      'Review the scheme of delegation',
      fixtureOwner.split(' ')[0] ?? '',
      'After: Review the scheme of delegation',
      '=SUM(1)',
      'Not started',
      'In progress',
      '2. Improve attendance',
      'RAG rating: No actions yet · Progress: No actions to do yet',
      'No actions yet.',
      'Board approves the plan',
      'Not yet',
      'Page 1 of 1',
    ]) {
      assert.ok(text.includes(words), `expected "${words}" in:\n${text}`);
    }
    // The overdue action says so in words, not only in red.
    assert.match(text, /31 October 2026\s+In progress[^\n]*\n[^\n]*Overdue/);
    assert.ok(text.indexOf('Train new trustees') < text.indexOf('=SUM(1)'), 'actions in the order they can be done');
    const { stdout } = await run('pdfinfo', [file]);
    assert.match(stdout, /Title:\s+Trust development plan 2026 to 2027/);
    assert.match(stdout, /Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });
});

test('a closed plan says when it closed and what each priority achieved', async (t) => {
  const rows = smallPlanRows();
  rows.plan.status = 'closed';
  rows.plan.closedAt = new Date('2027-07-20T15:00:00Z');
  rows.plan.organisationId = null;
  rows.plan.ownerName = fixtureOwner;
  const [first] = rows.priorities;
  assert.ok(first);
  first.achieved = 'Every committee now reports each term.';
  await withPoppler(t, await renderPlanPdf(planExportOf(rows, producedAt)), async (file) => {
    const text = await pdfText(file);
    assert.match(text, /Closed on 20 July 2027/);
    assert.match(text, /Own development plan/);
    assert.ok(text.includes(fixtureOwner), 'a non-Latin name comes out whole');
    assert.match(text, /What was achieved\s+Every committee now reports each term\./);
  });
});

test('a plan with many actions runs over pages, never cutting a row, with the title atop each page', async (t) => {
  const plan = largePlan(4, 14);
  const pdf = await renderPlanPdf(plan);
  const pages = pageObjects(pdf);
  assert.ok(pages > 1, `${pages} pages`);
  await withPoppler(t, pdf, async (file, folder) => {
    assert.equal(await renderedPages(file, folder), pages);
    const texts: string[] = [];
    for (let page = 1; page <= pages; page += 1) texts.push(await pdfText(file, page));
    texts.forEach((text, index) => {
      assert.match(text, new RegExp(`Page ${index + 1} of ${pages}`));
      assert.match(text, /Produced on 24 November 2026/);
      if (index > 0) assert.match(text.trimStart(), /^Trust development plan 2026 to 2027 · Carrow Learning Trust/);
    });
    assert.ok(texts.slice(1).some((text) => /Actions for \d\. Priority \d \(continued\)/.test(text)));
    for (const priority of plan.priorities) {
      for (const action of priority.actions) {
        const mark = action.title.slice(0, action.title.indexOf('<'));
        const start = texts.findIndex((text) => text.includes(`${mark}<`));
        const end = texts.findIndex((text) => text.includes(`>${mark}\n`) || text.includes(`>${mark} `));
        assert.ok(start >= 0, `${mark} is in the PDF`);
        assert.equal(end, start, `${mark} starts and ends on the same page`);
      }
    }
  });
});

test('lines are wrapped at spaces within the width, and only a word too long for a line is split', () => {
  const measure = (text: string) => Array.from(text).length;
  assert.deepEqual(wrapText('Trustees hold leaders to account', 14, measure), [
    'Trustees hold',
    'leaders to',
    'account',
  ]);
  assert.deepEqual(wrapText('  one\r\n\r\n\r\ntwo\t three  ', 20, measure), ['one', '', 'two three']);
  assert.deepEqual(wrapText('𝒜𝒝𝒞𝒟𝒠𝒡 ab', 4, measure), ['𝒜𝒝𝒞𝒟', '𝒠𝒡', 'ab']);
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), fc.integer({ min: 1, max: 30 }), (text, width) => {
      const lines = wrapText(text, width, measure);
      for (const line of lines) assert.ok(measure(line) <= width, `"${line}" is wider than ${width}`);
      const visible = (value: string) => value.replace(/\s/g, '');
      assert.equal(visible(lines.join('')), visible(text), 'nothing lost or added but spaces');
    }),
  );
});

function csvRecords(csv: string): string[][] {
  assert.ok(csv.startsWith('\uFEFF'), 'a byte order mark, so Excel reads UTF-8');
  return parse(csv.slice(1), { relax_column_count: false });
}

test('the actions CSV has a row per action, dates as ISO, words for statuses, and formulas neutralised', () => {
  const csv = renderActionsCsv(smallPlan());
  assert.ok(csv.includes('\r\n'), 'CRLF line ends');
  const [header, ...rows] = csvRecords(csv);
  assert.deepEqual(header, actionsCsvHeader);
  assert.deepEqual(rows, [
    [
      'Strengthen governance',
      'Train new trustees, "in person"',
      'Sam Patel',
      '2026-09-30',
      'Done',
      'Green',
      'No',
      '',
      '',
      '',
    ],
    [
      'Strengthen governance',
      'Review the scheme of delegation',
      fixtureOwner,
      '2026-10-31',
      'In progress',
      'Amber',
      'Yes',
      '',
      '2026-11-20',
      "'+ half the schools done,\nthe rest by Christmas",
    ],
    [
      'Strengthen governance',
      "'=SUM(1)",
      'Sam Patel',
      '2027-01-31',
      'Not started',
      'Red',
      'No',
      'Review the scheme of delegation',
      '',
      '',
    ],
  ]);
  assert.doesNotMatch(csv, /(^|[,\n])"?=SUM/, 'no cell starts with =');
});

test('a download is named after the plan, safely', () => {
  assert.equal(
    downloadFileName('Trust development plan 2026 to 2027', 'pdf', 'development-plan'),
    'trust-development-plan-2026-to-2027.pdf',
  );
  assert.equal(downloadFileName('Évaluation "Q1" / \r\n école', 'csv', 'plan'), 'evaluation-q1-ecole.csv');
  assert.equal(downloadFileName('???', 'csv', 'development-plan'), 'development-plan.csv');
});
