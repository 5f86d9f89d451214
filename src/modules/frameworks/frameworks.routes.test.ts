import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { postMultipart } from '../../../test/support/multipart.ts';
import { postForm, signIn } from '../../../test/support/sign-in.ts';
import { parseFrameworkDocument, serialiseFrameworkDocument, type FrameworkDocument } from './framework-document.ts';
import { frameworks, frameworkVersions } from './frameworks.tables.ts';

const { app, db } = await buildTestApp();
const admin = await signIn(db, 'platform_administrator');
const trustee = await signIn(db, 'trustee');
const get = (url: string, cookies: Record<string, string>) => app.inject({ method: 'GET', url, cookies });

const [development] = await db.select().from(frameworks).where(eq(frameworks.key, 'trust-development'));
assert.ok(development, 'the built-in frameworks are installed as the app starts');
const [published] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, development.id));
assert.ok(published);
const versionUrl = `/frameworks/${development.id}/versions/${published.id}`;

/** A small framework with a key of the test's own. */
function smallDocument(key: string): FrameworkDocument {
  return {
    format: 'tandem-framework/1',
    key,
    name: 'Small framework',
    scale: {
      levels: [
        { key: 'weak', label: 'Weak', colour: '#d4351c' },
        { key: 'strong', label: 'Strong', colour: '#00703c' },
      ],
    },
    headings: [{ key: 'only', name: 'Only', elements: [{ key: 'one', name: 'One', questions: [], descriptors: {} }] }],
  };
}
const smallFramework = (key: string): string => serialiseFrameworkDocument(smallDocument(key), 'yaml');

test('anyone signed in reads the published frameworks, with each level labelled in words', async () => {
  const list = await get('/frameworks', trustee.cookies);
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Trust development framework/);
  assert.match(list.body, /Trust governance assurance framework/);
  assert.doesNotMatch(list.body, /Import a framework/, 'importing is for administrators');

  const page = await get(`/frameworks/${development.id}`, trustee.cookies);
  assert.equal(page.statusCode, 200);
  for (const heading of ['Vision, culture and ethos', 'Leadership and governance'])
    assert.match(page.body, new RegExp(heading));
  assert.match(page.body, /Clarity of purpose/);
  assert.match(page.body, /<rect width="16" height="16" fill="#d4351c"><\/rect><\/svg>Red/);
  assert.equal((await get('/frameworks', {})).statusCode, 303, 'signed out: sent to sign in');
});

test('a version exports as a YAML or JSON file that imports back to the same framework', async () => {
  for (const format of ['yaml', 'json'] as const) {
    const file = await get(`${versionUrl}/export?format=${format}`, trustee.cookies);
    assert.equal(file.statusCode, 200);
    assert.match(String(file.headers['content-disposition']), new RegExp(`trust-development-v1\\.${format}`));
    const parsed = parseFrameworkDocument(file.body, format);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.document, published.document);
  }
  assert.equal((await get(`${versionUrl}/export?format=xml`, trustee.cookies)).statusCode, 404);
});

test('an import with problems comes back with each problem listed and the text kept; nothing is saved', async () => {
  const text = 'format: tandem-framework/1\nkey: Not A Slug\nname: ""\n';
  const response = await postForm(app, {
    url: '/frameworks/import',
    from: '/frameworks/import',
    cookies: admin.cookies,
    fields: { format: 'yaml', document: text },
  });
  assert.equal(response.statusCode, 400);
  assert.match(response.body, /<title>Error: Import a framework/);
  assert.match(response.body, /<a href="#document">key: /);
  assert.match(response.body, /<a href="#document">name: /);
  assert.match(response.body, /Not A Slug/, 'what was pasted is kept');
  assert.equal((await db.select().from(frameworks).where(eq(frameworks.key, 'not-a-slug'))).length, 0);
  const empty = await postForm(app, {
    url: '/frameworks/import',
    from: '/frameworks/import',
    cookies: admin.cookies,
    fields: { format: 'yaml', document: '   ' },
  });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /<a href="#file">Select a YAML or JSON file, or paste the framework into the box/);
});

test('an uploaded file is imported whatever the box holds; its format comes from its name or its content', async () => {
  const upload = (name: string, data: string | Buffer, fields: Record<string, string> = {}) =>
    postMultipart(app, {
      url: '/frameworks/import',
      from: '/frameworks/import',
      cookies: admin.cookies,
      fields: { format: 'yaml', document: 'ignored: the file wins', ...fields },
      files: [{ field: 'file', name, data }],
    });
  const form = await get('/frameworks/import', admin.cookies);
  assert.match(
    form.body,
    /<form action="\/frameworks\/import" method="post" novalidate enctype="multipart\/form-data">/,
  );
  assert.match(form.body, /<input class="govuk-file-upload" id="file" name="file" type="file"/);

  const yaml = await upload('uploaded.yml', smallFramework('uploaded-yaml'));
  assert.equal(yaml.statusCode, 303);
  assert.match(String(yaml.headers.location), /\?done=imported$/);
  const [fromYaml] = await db.select().from(frameworks).where(eq(frameworks.key, 'uploaded-yaml'));
  assert.ok(fromYaml, 'the file was imported, not the box');

  const json = JSON.stringify(smallDocument('uploaded-json'));
  assert.equal((await upload('framework.txt', json, { format: 'yaml' })).statusCode, 303, 'JSON told by its content');
  assert.equal((await db.select().from(frameworks).where(eq(frameworks.key, 'uploaded-json'))).length, 1);
});

test('a file with problems comes back with them listed and its text in the box; a wrong or large file is refused', async () => {
  const upload = (name: string, data: string | Buffer) =>
    postMultipart(app, {
      url: '/frameworks/import',
      from: '/frameworks/import',
      cookies: admin.cookies,
      fields: { format: 'yaml', document: '' },
      files: [{ field: 'file', name, data }],
    });
  const broken = await upload('broken.json', '{"format": "tandem-framework/1", "key": "Broken Key"}');
  assert.equal(broken.statusCode, 400);
  assert.match(broken.body, /<title>Error: Import a framework/);
  assert.match(broken.body, /<a href="#document">key: /);
  assert.match(broken.body, /Broken Key/, "the file's text is in the box");
  assert.match(broken.body, /The text of broken.json is in the box below/);
  assert.match(broken.body, /value="json" checked/, 'the format read from the name is chosen');

  const png = await upload('framework.yaml', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]));
  assert.equal(png.statusCode, 400);
  assert.match(png.body, /<a href="#file">The selected file must be a YAML or JSON file/);
  assert.match(png.body, /govuk-file-upload--error/);

  const large = await upload('large.yaml', `# ${'x'.repeat(1024 * 1024)}\n`);
  assert.equal(large.statusCode, 400);
  assert.match(large.body, /The selected file must be smaller than 1MB/);

  const huge = await upload('huge.yaml', Buffer.alloc(11 * 1024 * 1024, 0x20));
  assert.equal(huge.statusCode, 400, 'over the platform limit: still the form, never a 413 page');
  assert.match(huge.body, /The selected file must be smaller than 10MB/);

  const pastedTooMuch = await postMultipart(app, {
    url: '/frameworks/import',
    from: '/frameworks/import',
    cookies: admin.cookies,
    fields: { format: 'yaml', document: 'x'.repeat(1024 * 1024 + 1) },
  });
  assert.equal(pastedTooMuch.statusCode, 400);
  assert.match(pastedTooMuch.body, /<a href="#document">The framework in the box must be 1MB or smaller/);
});

test('clone, edit and publish: a second editor is told and keeps their text; the published version is frozen', async () => {
  const cloned = await postForm(app, {
    url: `${versionUrl}/clone`,
    from: versionUrl,
    cookies: admin.cookies,
    fields: {},
  });
  assert.equal(cloned.statusCode, 303);
  const draftUrl = String(cloned.headers.location).replace(/\?.*$/, '');
  assert.match(cloned.headers.location ?? '', /\?done=draft-started$/);
  assert.equal((await get(draftUrl, trustee.cookies)).statusCode, 404, 'a draft is not found by others');
  assert.equal((await get(`${draftUrl}/edit`, trustee.cookies)).statusCode, 403);

  const editor = await get(`${draftUrl}/edit`, admin.cookies);
  assert.equal(editor.statusCode, 200);
  const original = /<textarea[^>]*>([\s\S]*?)<\/textarea>/.exec(editor.body)?.[1] ?? '';
  const text = original
    .replaceAll('&quot;', '"')
    .replaceAll('&#39;', "'")
    .replaceAll('&amp;', '&')
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>');
  assert.match(text, /^key: trust-development$/m);

  const first = await postForm(app, {
    url: `${draftUrl}/edit`,
    from: `${draftUrl}/edit`,
    cookies: admin.cookies,
    fields: { version: '1', format: 'yaml', document: text.replace(/^name: .*$/m, 'name: First editor') },
  });
  assert.equal(first.statusCode, 303);
  const second = await postForm(app, {
    url: `${draftUrl}/edit`,
    from: `${draftUrl}/edit`,
    cookies: admin.cookies,
    fields: { version: '1', format: 'yaml', document: text.replace(/^name: .*$/m, 'name: Second editor') },
  });
  assert.equal(second.statusCode, 409);
  assert.match(second.body, /Someone else saved this draft/);
  assert.match(second.body, /name: Second editor/, 'what the second editor typed is kept');
  assert.match(second.body, /name="version" value="2"/, 'saving again goes over the newer draft');

  const confirm = await get(`${draftUrl}/publish`, admin.cookies);
  assert.match(confirm.body, /Publish First editor\?/);
  const publish = await postForm(app, {
    url: `${draftUrl}/publish`,
    from: `${draftUrl}/publish`,
    cookies: admin.cookies,
    fields: { version: '2' },
  });
  assert.equal(publish.statusCode, 303);
  const page = await get(String(publish.headers.location), trustee.cookies);
  assert.match(page.body, /Version published/);
  assert.match(page.body, /Version 2, published/);
  const late = await postForm(app, {
    url: `${draftUrl}/edit`,
    from: versionUrl,
    cookies: admin.cookies,
    fields: { version: '2', format: 'yaml', document: text },
  });
  assert.equal(late.statusCode, 409, 'a published version cannot be edited');
});
