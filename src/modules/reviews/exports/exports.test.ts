import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { pageObjects, pdfText, renderedPages, run, withPoppler } from '../../../../test/support/pdf.ts';
import { neutraliseFormula } from '../../../platform/exports/csv.ts';
import { ANONYMOUS_NOTICE, NOT_ENOUGH, ratingHeader, textColourOn } from './export-parts.ts';
import { fitText, layOutHeatMap } from './heat-map-layout.ts';
import { renderHeatMapPdf, renderRatingsCsv, renderRatingsXlsx } from './index.ts';
import { anonymousReport, fixtureNames, largeReport, namedReport } from './report-fixture.ts';

test('the heat map PDF is one A4 page in DejaVu, with the levels and "Not agreed" in words', async (t) => {
  const pdf = await renderHeatMapPdf(namedReport({ organisationName: fixtureNames.accented }));
  assert.equal(pdf.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.equal(pageObjects(pdf), 1);
  assert.match(pdf.toString('latin1'), /DejaVuSans/);
  assert.doesNotMatch(pdf.toString('latin1'), /\/BaseFont\s*\/Helvetica/);
  await withPoppler(t, pdf, async (file, folder) => {
    assert.equal(await renderedPages(file, folder), 1);
    const text = await pdfText(file);
    for (const words of ['Autumn self-review 2026', fixtureNames.accented, 'Trust development, version 2']) {
      assert.ok(text.includes(words), `expected "${words}" in:\n${text}`);
    }
    assert.match(text, /Closed on 24 November 2026/);
    assert.match(text, /Generated 25 November 2026, 9am/);
    assert.match(text, /Not agreed/);
    assert.match(text, /Good \(3 of 4\)/);
    assert.match(text, /Inadequate \(1 of 4\)/);
    assert.match(text, /Requires improvement \(2 of 4\)/);
    const { stdout } = await run('pdfinfo', [file]);
    assert.match(stdout, /Title:\s+Autumn self-review 2026: heat map/);
    assert.match(stdout, /Pages:\s+1/);
  });
});

test('an anonymous heat map says where too few answered, and an open review says so', async (t) => {
  const pdf = await renderHeatMapPdf(anonymousReport());
  assert.equal(pageObjects(pdf), 1);
  await withPoppler(t, pdf, async (file) => {
    const text = await pdfText(file);
    assert.match(text, /Open · Generated/);
    assert.match(text, new RegExp(NOT_ENOUGH));
    assert.ok(!text.includes(fixtureNames.plain) && !text.includes(fixtureNames.accented));
  });
});

test('the largest framework the schema allows, 20 headings × 30 elements, still makes one page', async (t) => {
  const pdf = await renderHeatMapPdf(largeReport(20, 30));
  assert.equal(pageObjects(pdf), 1);
  await withPoppler(t, pdf, async (file, folder) => {
    assert.equal(await renderedPages(file, folder), 1);
    const text = await pdfText(file);
    // Long names are cut with an ellipsis, and what cannot fit is counted, not lost silently.
    assert.match(text, /Element 1\.1 .*…/);
    assert.match(text, /Showing \d+ of 600 elements: the rest do not fit on one page/);
  });
});

test('a realistic framework (4 headings of 5 elements) fits whole, in one column', async (t) => {
  const report = largeReport(4, 5);
  const layout = layOutHeatMap(report.headings, 700);
  assert.deepEqual([layout.columns.length, layout.omitted, layout.fontSize], [1, 0, 9]);
  const pdf = await renderHeatMapPdf(report);
  assert.equal(pageObjects(pdf), 1);
  await withPoppler(t, pdf, async (file) => {
    const text = await pdfText(file);
    assert.match(text, /Element 4\.5/);
    assert.doesNotMatch(text, /do not fit/);
  });
});

test('the layout shrinks the font, then uses two columns, and repeats a heading a column starts within', () => {
  const headings = largeReport(6, 14).headings;
  const layout = layOutHeatMap(headings, 700);
  assert.equal(layout.omitted, 0);
  assert.equal(layout.columns.length, 2);
  assert.ok(layout.fontSize >= 6 && layout.rowHeight * (Math.max(...layout.columns.map((c) => c.length)) + 1) <= 700);
  const second = layout.columns[1]?.[0];
  assert.equal(second?.kind, 'heading');
  const huge = layOutHeatMap(largeReport(20, 30).headings, 700);
  const shown = huge.columns.flat().filter((row) => row.kind === 'element').length;
  assert.equal(shown + huge.omitted, 600);
  assert.equal(huge.fontSize, 6);
});

test('fitText cuts with an ellipsis to the width, never inside a character', () => {
  const measure = (text: string) => Array.from(text).length;
  assert.equal(fitText('Short', 10, measure), 'Short');
  assert.equal(fitText('Leadership and governance', 8, measure), 'Leaders…');
  assert.equal(fitText('𝒜𝒝𝒞𝒟𝒠𝒡', 4, measure), '𝒜𝒝𝒞…');
});

test('level text is black or white, whichever contrasts more with the colour', () => {
  assert.equal(textColourOn('#ffdd00'), '#000000');
  assert.equal(textColourOn('#00703c'), '#ffffff');
  assert.equal(textColourOn('#1d70b8'), '#ffffff');
  assert.equal(textColourOn('#f3f2f1'), '#000000');
});

function csvRecords(csv: string): string[][] {
  assert.ok(csv.startsWith('\uFEFF'), 'a byte order mark, so Excel reads UTF-8');
  return parse(csv.slice(1), { relax_column_count: false });
}

test('the ratings CSV has every rating and the agreed one, with formulas neutralised and text escaped', () => {
  const csv = renderRatingsCsv(namedReport());
  const [header, ...rows] = csvRecords(csv);
  assert.deepEqual(header, ratingHeader);
  assert.deepEqual(header?.slice(3, 6), ['Participant', 'Level', 'Rationale']);
  assert.deepEqual(rows[0], [
    'Leadership and governance',
    'Vision, culture and ethos',
    'Trust board',
    fixtureNames.accented,
    'Good',
    `'=HYPERLINK("http://evil")`,
    'Minutes, "March"\nand April',
    'minutes.pdf; https://example.test/plan',
  ]);
  assert.deepEqual(rows[1]?.slice(3), [fixtureNames.plain, 'Outstanding', "'+1", "'-1", "'@SUM(A1)"]);
  assert.deepEqual(rows[2]?.slice(2, 6), [
    'Agreed',
    '',
    'Good',
    'Shared widely, "lived" by staff,\nand reviewed yearly',
  ]);
  assert.deepEqual(rows[4]?.slice(1, 5), ['Accountability', 'Agreed', '', 'Not agreed']);
  assert.ok(csv.includes('"Minutes, ""March""\nand April"'), 'quotes doubled inside a quoted field');
  assert.ok(csv.includes('\r\n'));
});

test('every CSV cell is the text, or the text behind a quote where it could start a formula', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), (text) => {
      const report = namedReport();
      const rating = report.headings[0]?.elements[0]?.ratings[0];
      assert.ok(rating);
      rating.rationale = text;
      assert.equal(csvRecords(renderRatingsCsv(report))[1]?.[5], neutraliseFormula(text));
    }),
  );
});

test('an anonymous CSV has only counts, no names, and hides an element too few answered', () => {
  const csv = renderRatingsCsv(anonymousReport());
  for (const secret of [fixtureNames.accented, fixtureNames.plain, 'Trust board', 'HYPERLINK', 'Still gathering']) {
    assert.ok(!csv.includes(secret), `"${secret}" must not be in an anonymous CSV`);
  }
  const [header, ...rows] = csvRecords(csv);
  assert.deepEqual(header?.slice(5), ['Responses', 'Inadequate', 'Requires improvement', 'Good', 'Outstanding']);
  assert.deepEqual(rows[0]?.slice(1), ['Vision, culture and ethos', 'Responses', '', '', '2', '0', '0', '1', '1']);
  assert.deepEqual(rows[1]?.slice(2, 4), ['Agreed', 'Good']);
  assert.deepEqual(rows[2]?.slice(1), ['Accountability', 'Responses', '', '', NOT_ENOUGH, '', '', '', '']);
});

async function loadWorkbook(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's own Buffer type is an ArrayBuffer; Node's Buffer is what it reads at run time.
  await workbook.xlsx.load(buffer as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Every cell's value, after checking that none is a formula or anything but a plain value. */
function plainCells(workbook: ExcelJS.Workbook): Array<string | number> {
  const values: Array<string | number> = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        assert.notEqual(cell.type, ExcelJS.ValueType.Formula, `${sheet.name}!${cell.address} is a formula`);
        assert.ok(typeof cell.value === 'string' || typeof cell.value === 'number', `${cell.address} is plain`);
        values.push(cell.value);
      }),
    ),
  );
  return values;
}

test('the XLSX has a heat map sheet with coloured agreed cells and a ratings sheet, and no formulas', async () => {
  const workbook = await loadWorkbook(await renderRatingsXlsx(namedReport()));
  assert.deepEqual(
    workbook.worksheets.map((sheet) => sheet.name),
    ['Heat map', 'Ratings'],
  );
  const map = workbook.getWorksheet('Heat map');
  const values = map?.getRow(2).values;
  // exceljs counts columns from 1, so its row array starts with a hole.
  assert.deepEqual(Array.isArray(values) ? values.slice(1) : values, [
    'Leadership and governance',
    'Vision, culture and ethos',
    'Good',
    'Shared widely, "lived" by staff,\nand reviewed yearly',
    2,
    0,
    0,
    1,
    1,
  ]);
  const agreed = map?.getRow(2).getCell(3);
  assert.deepEqual(agreed?.fill, { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF00703C' } });
  assert.equal(agreed?.font.color?.argb, 'FFFFFFFF');
  assert.equal(map?.getRow(3).getCell(3).value, 'Not agreed');
  const ratings = workbook.getWorksheet('Ratings');
  assert.equal(ratings?.getRow(2).getCell(4).value, fixtureNames.accented);
  assert.equal(ratings?.getRow(2).getCell(6).value, `'=HYPERLINK("http://evil")`);
  assert.equal(ratings?.getRow(3).getCell(8).value, "'@SUM(A1)");
  assert.ok(plainCells(workbook).length > 20);
});

test('an anonymous XLSX says individual answers are never shown and carries no names', async () => {
  const workbook = await loadWorkbook(await renderRatingsXlsx(anonymousReport()));
  const ratings = workbook.getWorksheet('Ratings');
  assert.equal(ratings?.getRow(1).getCell(1).value, ANONYMOUS_NOTICE);
  assert.equal(ratings?.rowCount, 1);
  const text = plainCells(workbook).join('\n');
  for (const secret of [fixtureNames.accented, fixtureNames.plain, 'Trust board', 'HYPERLINK']) {
    assert.ok(!text.includes(secret), `"${secret}" must not be in an anonymous workbook`);
  }
  assert.equal(workbook.getWorksheet('Heat map')?.getRow(3).getCell(5).value, NOT_ENOUGH);
});
