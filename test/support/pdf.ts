import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import { promisify } from 'node:util';

/** Checks of a generated PDF: its page objects, and poppler-utils' reading of it (pages drawn, text, info). */

export const run = promisify(execFile);

/** `/Type /Page` objects, not the `/Type /Pages` tree above them. */
export function pageObjects(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)\b/g)?.length ?? 0;
}

/**
 * Runs a poppler-utils tool on the PDF in a temporary folder. Without the tool, CI fails (it
 * installs poppler-utils, so a missing tool there is a broken build); elsewhere the check is skipped.
 */
export async function withPoppler<T>(
  t: TestContext,
  pdf: Buffer,
  use: (file: string, folder: string) => Promise<T>,
): Promise<T | undefined> {
  try {
    await run('pdftoppm', ['-v']);
  } catch {
    if (process.env.CI) assert.fail('pdftoppm is not on PATH: install poppler-utils to check the rendered PDF');
    t.skip('pdftoppm is not on PATH (poppler-utils)');
    return undefined;
  }
  const folder = await mkdtemp(join(tmpdir(), 'tandem-pdf-'));
  try {
    const file = join(folder, 'document.pdf');
    await writeFile(file, pdf);
    return await use(file, folder);
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** How many pages poppler draws. */
export async function renderedPages(file: string, folder: string): Promise<number> {
  await run('pdftoppm', ['-r', '50', '-png', file, join(folder, 'page')]);
  return (await readdir(folder)).filter((name) => name.endsWith('.png')).length;
}

/** The PDF's text as laid out, or of one page (counted from 1). */
export async function pdfText(file: string, page?: number): Promise<string> {
  const pages = page === undefined ? [] : ['-f', String(page), '-l', String(page)];
  return (await run('pdftotext', ['-layout', ...pages, file, '-'])).stdout;
}
