import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { buildTestApp } from '../../../test/support/app.ts';
import { postForm, signIn } from '../../../test/support/sign-in.ts';
import { parseFrameworkDocument } from './framework-document.ts';
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
  assert.match(empty.body, /Paste the framework file into the box/);
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
