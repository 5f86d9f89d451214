import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import fc from 'fast-check';
import { buildTestApp } from '../../../test/support/app.ts';
import { postForm, signIn } from '../../../test/support/sign-in.ts';
import { parseFrameworkDocument, serialiseFrameworkDocument } from './framework-document.ts';
import { frameworks, frameworkVersions } from './frameworks.tables.ts';

const { app, db } = await buildTestApp();
const admin = await signIn(db, 'platform_administrator');
const trustee = await signIn(db, 'trustee');
const get = (url: string, cookies = admin.cookies) => app.inject({ method: 'GET', url, cookies });

const [development] = await db.select().from(frameworks).where(eq(frameworks.key, 'trust-development'));
assert.ok(development);
const [published] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.frameworkId, development.id));
assert.ok(published);
const publishedUrl = `/frameworks/${development.id}/versions/${published.id}`;
const cloned = await postForm(app, {
  url: `${publishedUrl}/clone`,
  from: publishedUrl,
  cookies: admin.cookies,
  fields: {},
});
const draftUrl = String(cloned.headers.location).replace(/\?.*$/, '');
const draftId = draftUrl.split('/').at(-1) ?? '';

async function draft() {
  const [row] = await db.select().from(frameworkVersions).where(eq(frameworkVersions.id, draftId));
  assert.ok(row);
  return row;
}

/** Posts a form of the editor over the draft's current version, unless told another. */
async function save(path: string, fields: Record<string, string>, version?: number) {
  const url = `${draftUrl}${path}`;
  const current = version ?? (await draft()).version;
  return postForm(app, {
    url,
    from: draftUrl,
    cookies: admin.cookies,
    fields: { version: String(current), ...fields },
  });
}

test('the draft page links administrators to each part of the form-based editor', async () => {
  const page = await get(draftUrl);
  assert.equal(page.statusCode, 200);
  for (const path of ['/details', '/scale', '/headings/new', '/headings/vision-culture-ethos', '/edit'])
    assert.match(page.body, new RegExp(`href="${draftUrl}${path}"`), path);
  assert.match(page.body, /action="[^"]+\/headings\/vision-culture-ethos\/elements\/clarity-of-purpose\/move"/);
  assert.doesNotMatch((await get(publishedUrl)).body, /Edit this draft/);
  assert.equal((await get(`${draftUrl}/details`, trustee.cookies)).statusCode, 403);
});

test('name and summary: problems by field with what was typed kept, then saved', async () => {
  const form = await get(`${draftUrl}/details`);
  assert.match(form.body, /value="Trust development framework"/);
  const empty = await save('/details', { name: '  ', summary: 'Kept summary' });
  assert.equal(empty.statusCode, 400);
  assert.match(empty.body, /<title>Error: Name and summary/);
  assert.match(empty.body, /<a href="#name">Enter a name for the framework<\/a>/);
  assert.match(empty.body, /Kept summary/);
  const saved = await save('/details', { name: 'Renamed framework', summary: '' });
  assert.equal(saved.statusCode, 303);
  assert.match(String(saved.headers.location), /\?done=saved$/);
  const { document, name } = await draft();
  assert.equal(name, 'Renamed framework');
  assert.equal(document.summary, undefined, 'an emptied summary is left out');
});

test('a save over a newer draft is refused with 409: told what the draft says now, keeping what was typed', async () => {
  const { version } = await draft();
  assert.equal((await save('/details', { name: 'First editor', summary: '' }, version)).statusCode, 303);
  const second = await save('/details', { name: 'Second editor', summary: 'Mine' }, version);
  assert.equal(second.statusCode, 409);
  assert.match(second.body, /Someone else saved this draft/);
  assert.match(second.body, /What the draft says now[\s\S]*First editor/);
  assert.match(second.body, /value="Second editor"/);
  assert.match(
    second.body,
    new RegExp(`name="version" value="${version + 1}"`),
    'saving again goes over the newer draft',
  );
  assert.equal((await draft()).name, 'First editor');
});

test('the scale: a level added in the form, one removed with its descriptors, colours checked, keys kept', async () => {
  const form = await get(`${draftUrl}/scale`);
  assert.match(form.body, /name="label-3" type="text" value="Green"/);
  const levels = (await draft()).document.scale.levels;
  const fields: Record<string, string> = { levels: String(levels.length) };
  levels.forEach((level, index) => {
    Object.assign(fields, {
      [`key-${index}`]: level.key,
      [`label-${index}`]: level.label,
      [`meaning-${index}`]: level.meaning ?? '',
      [`colour-${index}`]: level.colour,
      [`descriptor-${index}`]: level.descriptor ?? '',
    });
  });
  const added = await save('/scale', { ...fields, change: 'add-level' });
  assert.equal(added.statusCode, 200, 'adding a row saves nothing');
  assert.match(added.body, /name="label-4"/);
  const badColour = await save('/scale', { ...fields, 'colour-1': 'orange' });
  assert.equal(badColour.statusCode, 400);
  assert.match(badColour.body, /<a href="#colour-1">Level 2: Enter a colour as # and six hex digits/);
  assert.match(badColour.body, /value="orange"/);

  const saved = await save('/scale', {
    ...fields,
    'remove-0': 'yes',
    levels: '5',
    'label-4': 'Exemplary',
    'colour-4': '#1D70B8',
  });
  assert.equal(saved.statusCode, 303);
  const { document } = await draft();
  assert.deepEqual(
    document.scale.levels.map((level) => [level.key, level.colour]),
    [
      ['amber-red', '#f47738'],
      ['amber-green', '#85994b'],
      ['green', '#00703c'],
      ['exemplary', '#1d70b8'],
    ],
  );
  const described = document.headings.flatMap((heading) => heading.elements.flatMap((e) => Object.keys(e.descriptors)));
  assert.ok(!described.includes('red'));
});

test('headings: added with a first element, renamed and moved with keys kept, removed after a confirm page', async () => {
  const problems = await save('/headings/new', { name: '', elementName: '' });
  assert.equal(problems.statusCode, 400);
  assert.match(problems.body, /<a href="#name">Enter a name for this heading<\/a>/);
  assert.match(problems.body, /<a href="#elementName">Enter a name for this element<\/a>/);
  const added = await save('/headings/new', { name: 'Vision culture ethos', elementName: 'Clarity of purpose' });
  assert.equal(added.statusCode, 303);
  assert.equal(
    added.headers.location,
    `${draftUrl}/headings/vision-culture-ethos-2/elements/clarity-of-purpose-2`,
    'keys made unique, and straight on to the new element',
  );
  assert.equal((await save('/headings/vision-culture-ethos-2', { name: 'Partnerships' })).statusCode, 303);
  const keysBefore = (await draft()).document.headings.map((heading) => heading.key);
  assert.equal(keysBefore.at(-1), 'vision-culture-ethos-2', 'renaming keeps the key');
  assert.equal((await save('/headings/vision-culture-ethos-2/move', { direction: 'up' })).statusCode, 303);
  const moved = (await draft()).document.headings.map((heading) => heading.key);
  assert.deepEqual(moved.slice(-2), [keysBefore.at(-1), keysBefore.at(-2)]);

  const confirm = await get(`${draftUrl}/headings/vision-culture-ethos-2/remove`);
  assert.match(confirm.body, /Remove the heading Partnerships\?/);
  assert.equal((await save('/headings/vision-culture-ethos-2/remove', {})).statusCode, 303);
  assert.deepEqual(
    (await draft()).document.headings.map((heading) => heading.key),
    keysBefore.slice(0, -1),
  );
  assert.equal((await get(`${draftUrl}/headings/vision-culture-ethos-2`)).statusCode, 404);
});

test('elements: added, changed with questions one a line, moved and removed; the last of a heading stays', async () => {
  const base = '/headings/vision-culture-ethos/elements';
  const tooLong = await save(`${base}/new`, { name: 'Shared values', questions: `First?\n${'x'.repeat(501)}` });
  assert.equal(tooLong.statusCode, 400);
  assert.match(tooLong.body, /<a href="#questions">Question 2: Each question must be 500 characters or fewer/);
  const added = await save(`${base}/new`, {
    name: 'Shared values',
    questions: 'What?\n\n  Why?  ',
    'descriptor-green': 'Lived',
  });
  assert.equal(added.statusCode, 303);
  assert.match(String(added.headers.location), /\?done=element-added$/);
  const changed = await save(`${base}/shared-values`, { name: 'Values in practice', questions: 'How?' });
  assert.equal(changed.statusCode, 303);
  const heading = (await draft()).document.headings.find((each) => each.key === 'vision-culture-ethos');
  assert.deepEqual(heading?.elements.at(-1), {
    key: 'shared-values',
    name: 'Values in practice',
    questions: ['How?'],
    descriptors: {},
  });

  const form = await get(`${draftUrl}${base}/shared-values`);
  assert.match(form.body, /<label class="govuk-label" for="descriptor-green">\s*Green \(Strong capacity\)/);
  assert.equal((await save(`${base}/shared-values/move`, { direction: 'up' })).statusCode, 303);
  const order = (await draft()).document.headings[0]?.elements.map((element) => element.key) ?? [];
  assert.equal(order.at(-2), 'shared-values');
  assert.equal((await save(`${base}/shared-values/remove`, {})).statusCode, 303);

  assert.equal((await save('/headings/new', { name: 'Solo', elementName: 'Only element' })).statusCode, 303);
  const refused = await save('/headings/solo/elements/only-element/remove', {});
  assert.equal(refused.statusCode, 400);
  assert.match(refused.body, /<a href="#remove">Solo needs at least one element/);
  assert.equal((await get(`${draftUrl}${base}/no-such-element`)).statusCode, 404);
});

test('a published version is not edited: its editor pages send people to it, and a post is a conflict', async () => {
  for (const path of [
    '/details',
    '/scale',
    '/headings/new',
    '/headings/vision-culture-ethos/elements/clarity-of-purpose',
  ]) {
    const page = await get(`${publishedUrl}${path}`);
    assert.equal(page.statusCode, 303, path);
    assert.equal(page.headers.location, publishedUrl);
  }
  const post = await postForm(app, {
    url: `${publishedUrl}/details`,
    from: publishedUrl,
    cookies: admin.cookies,
    fields: { version: String(published.version), name: 'Changed' },
  });
  assert.equal(post.statusCode, 409);
});

test('after form edits the draft still exports and imports back to the same framework', async () => {
  const { document } = await draft();
  for (const format of ['yaml', 'json'] as const) {
    const file = await get(`${draftUrl}/export?format=${format}`);
    const parsed = parseFrameworkDocument(file.body, format);
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.document, document);
    assert.equal(serialiseFrameworkDocument(parsed.document, format), file.body);
  }
});

test('hostile values in the editor forms never make a server error, and a refused save changes nothing', async () => {
  const hostile = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc.constantFrom('', ' ', '\u0000', '<script>', '-1', '99', '#GGGGGG', 'add-level', 'up', 'yes', 'x'.repeat(2100)),
  );
  const fields = fc.dictionary(
    fc.constantFrom(
      'name',
      'summary',
      'questions',
      'levels',
      'label-0',
      'colour-1',
      'key-0',
      'remove-0',
      'change',
      'elementName',
      'direction',
      'descriptor-green',
    ),
    hostile,
  );
  const paths = fc.constantFrom(
    '/details',
    '/scale',
    '/headings/new',
    '/headings/vision-culture-ethos',
    '/headings/vision-culture-ethos/elements/clarity-of-purpose',
  );
  await fc.assert(
    fc.asyncProperty(paths, fields, async (path, posted) => {
      const before = await draft();
      const response = await save(path, posted);
      assert.ok(response.statusCode < 500, `${path} answered ${response.statusCode}`);
      if (response.statusCode >= 400) assert.equal((await draft()).version, before.version);
    }),
    { numRuns: 25 },
  );
});
