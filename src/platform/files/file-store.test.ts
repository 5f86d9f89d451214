import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { AppError } from '../http/app-error.ts';
import { createFileStore } from './file-store.ts';

const parent = await mkdtemp(join(tmpdir(), 'tandem-files-'));
after(() => rm(parent, { recursive: true, force: true }));

test('a saved file reads back byte for byte under a generated name, and is gone once removed', async () => {
  const store = createFileStore(join(parent, 'created-on-start'));
  const data = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0x0a]);
  const saved = await store.save({ data, originalName: '../../etc/passwd', contentType: 'application/pdf' });
  assert.match(saved.storedName, /^[0-9a-f-]{36}$/);
  assert.deepEqual(
    { originalName: saved.originalName, contentType: saved.contentType, size: saved.size },
    { originalName: '../../etc/passwd', contentType: 'application/pdf', size: 7 },
  );
  assert.deepEqual(await readdir(store.directory), [saved.storedName], 'never stored under the uploaded name');
  assert.deepEqual(await store.read(saved.storedName), data);

  const second = await store.save({ data, originalName: '../../etc/passwd', contentType: 'application/pdf' });
  assert.notEqual(second.storedName, saved.storedName, 'the same upload twice is two files');

  await store.remove(saved.storedName);
  await store.remove(saved.storedName);
  await assert.rejects(store.read(saved.storedName), (error) => error instanceof AppError && error.code === 'NotFound');
});

test('a name the store did not generate is refused: no path reaches outside its directory', async () => {
  const outside = join(parent, 'outside');
  const store = createFileStore(join(outside, 'store'));
  await writeFile(join(outside, 'secret.txt'), 'outside the store');
  for (const name of [
    '../secret.txt',
    '..%2fsecret.txt',
    '/etc/passwd',
    'secret.txt',
    '',
    '00000000-0000-4000-8000-000000000000/../../secret.txt',
    'A0000000-0000-4000-8000-000000000000',
  ]) {
    await assert.rejects(store.read(name), (error) => error instanceof AppError && error.code === 'NotFound', name);
    await assert.rejects(store.remove(name), (error) => error instanceof AppError && error.code === 'NotFound', name);
  }
  assert.deepEqual((await readdir(outside)).sort(), ['secret.txt', 'store']);
});
