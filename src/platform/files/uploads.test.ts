import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildTestApp } from '../../../test/support/app.ts';
import { multipartBody, postMultipart } from '../../../test/support/multipart.ts';
import { formValuesOf } from '../forms/forms.ts';
import { uploadedFiles, uploadProblem } from './uploads.ts';

const filesDir = await mkdtemp(join(tmpdir(), 'tandem-uploads-'));
after(() => rm(filesDir, { recursive: true, force: true }));

/** A route that says what it received: the form's text fields, its files and any upload problem. */
async function echoRoute(app: FastifyInstance): Promise<void> {
  app.post('/test/upload', async (request) => ({
    fields: formValuesOf(request.body),
    files: uploadedFiles(request, 'evidence').map(({ originalName, contentType, size, data }) => ({
      originalName,
      contentType,
      size,
      text: data.toString('latin1').slice(0, 20),
    })),
    problem: uploadProblem(request, 'evidence') ?? null,
  }));
}

const { app } = await buildTestApp({ extraPlugins: [echoRoute], env: { FILES_DIR: filesDir } });
const post = (fields: Record<string, string>, files: Parameters<typeof postMultipart>[1]['files']) =>
  postMultipart(app, { url: '/test/upload', from: '/sign-in', fields, files });

test('a multipart post gives the route its text fields as strings and its files, CSRF checked as for any form', async () => {
  const response = await post({ note: 'Minutes ✓', tags: 'a' }, [
    { field: 'evidence', name: 'C:\\fakepath\\minutes.pdf', data: '%PDF-1.7 minutes', contentType: 'application/pdf' },
    { field: 'evidence', name: 'photo.png', data: 'not really a png' },
    { field: 'other', name: 'ignored.txt', data: 'in another field' },
  ]);
  assert.equal(response.statusCode, 200);
  assert.deepEqual(response.json(), {
    fields: { note: 'Minutes ✓', tags: 'a' },
    files: [
      { originalName: 'minutes.pdf', contentType: 'application/pdf', size: 16, text: '%PDF-1.7 minutes' },
      { originalName: 'photo.png', contentType: 'application/octet-stream', size: 16, text: 'not really a png' },
    ],
    problem: null,
  });
  assert.equal(app.files.directory, filesDir);

  const { payload, headers } = multipartBody({ note: 'no token' }, [
    { field: 'evidence', name: 'a.pdf', data: '%PDF' },
  ]);
  const refused = await app.inject({ method: 'POST', url: '/test/upload', headers, payload });
  assert.equal(refused.statusCode, 403, 'a multipart post without the CSRF token is refused');
});

test('a file input left empty sends no file; an empty chosen file is kept for the route to refuse', async () => {
  const nothing = await post({}, [{ field: 'evidence', name: '', data: '' }]);
  assert.deepEqual(nothing.json().files, []);
  const empty = await post({}, [{ field: 'evidence', name: 'empty.pdf', data: '' }]);
  assert.equal(empty.json().files.length, 1);
});

test('a file over 10MB or a sixth file is a problem the route shows on its form, never a 413 or 5xx', async () => {
  const big = await post({ note: 'kept' }, [
    { field: 'evidence', name: 'big.pdf', data: Buffer.alloc(10 * 1024 * 1024 + 1) },
  ]);
  assert.equal(big.statusCode, 200);
  assert.deepEqual(big.json(), {
    fields: { note: 'kept' },
    files: [],
    problem: { field: 'evidence', reason: 'file-too-large', message: 'The selected file must be smaller than 10MB' },
  });
  const exactly = await post({}, [{ field: 'evidence', name: 'ok.pdf', data: Buffer.alloc(10 * 1024 * 1024) }]);
  assert.equal(exactly.json().problem, null, 'exactly 10MB is within the limit');

  const six = Array.from({ length: 6 }, (_, index) => ({ field: 'evidence', name: `${index}.pdf`, data: '%PDF' }));
  const many = await post({}, six);
  assert.equal(many.statusCode, 200);
  assert.equal(many.json().problem?.message, 'Select 5 files or fewer');
});

test('a part named after a built-in property (a prototype-pollution attempt) is a 400 page, not a 5xx', async () => {
  for (const name of ['__proto__', 'constructor']) {
    const response = await post({ [name]: 'x' }, []);
    assert.equal(response.statusCode, 400, name);
    assert.match(response.body, /<html/);
  }
});
