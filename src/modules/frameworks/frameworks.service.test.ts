import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { count, eq, sql } from 'drizzle-orm';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createViewerWithRole } from '../../../test/support/factories.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { builtinFrameworks } from './builtin/index.ts';
import { serialiseFrameworkDocument } from './framework-document.ts';
import { frameworks, frameworkVersions } from './frameworks.tables.ts';
import {
  exportFrameworkVersion,
  getFrameworkOverview,
  getFrameworkVersion,
  importFramework,
  installBuiltinFrameworks,
  listFrameworks,
  publishDraft,
  saveDraft,
  startDraft,
} from './frameworks.service.ts';

const database = await createTestDatabase();
after(() => database.close());
const { db } = database;

const admin = await createViewerWithRole(db, 'platform_administrator');
const trustee = await createViewerWithRole(db, 'trustee');
const [development] = builtinFrameworks;
assert.ok(development);

/** A small framework file with a key of the test's own. */
function smallFramework(key: string, name = 'Small framework'): string {
  return serialiseFrameworkDocument(
    {
      format: 'tandem-framework/1',
      key,
      name,
      scale: {
        levels: [
          { key: 'weak', label: 'Weak', colour: '#d4351c' },
          { key: 'strong', label: 'Strong', colour: '#00703c' },
        ],
      },
      headings: [
        { key: 'only', name: 'Only heading', elements: [{ key: 'one', name: 'One', questions: [], descriptors: {} }] },
      ],
    },
    'yaml',
  );
}

const versionCount = async () => (await db.select({ total: count() }).from(frameworkVersions))[0]?.total ?? 0;

test('the built-in frameworks are installed once, published as version 1, and readable by everyone', async () => {
  assert.equal(await installBuiltinFrameworks({ db }), 2);
  assert.equal(await installBuiltinFrameworks({ db }), 0, 'a second start adds nothing');
  const listed = await listFrameworks({ db, actor: trustee });
  const names = listed.map((item) => item.name);
  assert.ok(names.includes('Trust development framework'));
  assert.ok(names.includes('Trust governance assurance framework'));
  const item = listed.find((each) => each.key === 'trust-development');
  assert.equal(item?.published?.number, 1);
  assert.equal(item?.builtin, true);
  const overview = await getFrameworkOverview({ db, actor: trustee, frameworkId: item?.id ?? '' });
  assert.deepEqual(overview.current?.document, development);
});

test('signed-out visitors read nothing', async () => {
  await assert.rejects(listFrameworks({ db, actor: null }), AppError);
});

test('an import is a draft that only administrators see, until it is published', async () => {
  const imported = await importFramework({ db, actor: admin, text: smallFramework('draft-only'), format: 'yaml' });
  assert.equal(imported.outcome, 'imported');
  if (imported.outcome !== 'imported') return;
  const { frameworkId, versionId } = imported;
  assert.equal(
    (await listFrameworks({ db, actor: trustee })).some((item) => item.key === 'draft-only'),
    false,
  );
  await assert.rejects(getFrameworkVersion({ db, actor: trustee, frameworkId, versionId }), { code: 'NotFound' });
  await assert.rejects(getFrameworkOverview({ db, actor: trustee, frameworkId }), { code: 'NotFound' });
  const draft = await getFrameworkVersion({ db, actor: admin, frameworkId, versionId });
  assert.equal(draft.status, 'draft');

  assert.deepEqual(await publishDraft({ db, actor: admin, frameworkId, versionId, version: draft.version }), {
    outcome: 'published',
  });
  assert.equal((await getFrameworkVersion({ db, actor: trustee, frameworkId, versionId })).status, 'published');
  assert.deepEqual(
    await publishDraft({ db, actor: admin, frameworkId, versionId, version: draft.version }),
    { outcome: 'published' },
    'pressing publish twice is harmless',
  );
});

test('a file with problems saves nothing and lists each problem with its path', async () => {
  const before = await versionCount();
  const broken = smallFramework('broken')
    .replace('name: One', 'name: ""')
    .replace(/colour: ["']#d4351c["']/, 'colour: red');
  const result = await importFramework({ db, actor: admin, text: broken, format: 'yaml' });
  assert.equal(result.outcome, 'problems');
  if (result.outcome !== 'problems') return;
  assert.ok(
    result.problems.some((problem) => problem.startsWith('headings[0].elements[0].name:')),
    result.problems.join('\n'),
  );
  assert.ok(
    result.problems.some((problem) => problem.startsWith('scale.levels[0].colour:')),
    result.problems.join('\n'),
  );
  assert.equal(await versionCount(), before);
  const [framework] = await db.select().from(frameworks).where(eq(frameworks.key, 'broken'));
  assert.equal(framework, undefined);
});

test('a file with too many parts is refused with the reason, and nothing is saved', async () => {
  const before = await versionCount();
  // Just under 1 MB of headings: within the size limit, but far more parts than any framework has.
  const heading = (i: number) => `  - {key: h${i}, name: H, elements: [{key: e${i}, name: E}]}\n`;
  const text = `${smallFramework('hostile').split('headings:')[0]}headings:\n${Array.from({ length: 16_500 }, (_, i) => heading(i)).join('')}`;
  assert.ok(text.length > 900_000 && text.length < 1024 * 1024);
  const result = await importFramework({ db, actor: admin, text, format: 'yaml' });
  assert.deepEqual(result, {
    outcome: 'problems',
    problems: [
      'The file has too many fields, values and punctuation marks (more than 60,000); ' +
        'a framework has at most about 46,000, so this does not look like a framework file',
    ],
  });
  assert.equal(await versionCount(), before);
  assert.equal((await db.select().from(frameworks).where(eq(frameworks.key, 'hostile'))).length, 0);
});

test('only administrators import, draft, edit and publish', async () => {
  const text = smallFramework('not-yours');
  await assert.rejects(importFramework({ db, actor: trustee, text, format: 'yaml' }), { code: 'Forbidden' });
  const [item] = await listFrameworks({ db, actor: trustee });
  assert.ok(item?.published);
  await assert.rejects(startDraft({ db, actor: trustee, frameworkId: item.id, fromVersionId: item.published.id }), {
    code: 'Forbidden',
  });
});

test('a new draft copies a version; there is one draft at a time; a stale save changes nothing', async () => {
  const [item] = (await listFrameworks({ db, actor: admin })).filter((each) => each.key === 'trust-governance');
  assert.ok(item?.published);
  const frameworkId = item.id;
  const first = await startDraft({ db, actor: admin, frameworkId, fromVersionId: item.published.id });
  assert.equal(first.created, true);
  const again = await startDraft({ db, actor: admin, frameworkId, fromVersionId: item.published.id });
  assert.deepEqual(again, { versionId: first.versionId, created: false });

  const draft = await getFrameworkVersion({ db, actor: admin, frameworkId, versionId: first.versionId });
  assert.equal(draft.number, 2);
  const text = exportFrameworkVersion(draft, 'yaml');
  const renamed = text.replace(/^name: .*$/m, 'name: Governance framework (revised)');
  const saved = await saveDraft({
    db,
    actor: admin,
    frameworkId,
    versionId: draft.id,
    version: draft.version,
    text: renamed,
    format: 'yaml',
  });
  assert.deepEqual(saved, { outcome: 'saved' });

  const late = await saveDraft({
    db,
    actor: admin,
    frameworkId,
    versionId: draft.id,
    version: draft.version,
    text,
    format: 'yaml',
  });
  assert.equal(late.outcome, 'stale', 'a save over a newer draft is refused');
  const now = await getFrameworkVersion({ db, actor: admin, frameworkId, versionId: draft.id });
  assert.equal(now.name, 'Governance framework (revised)');

  const rekeyed = renamed.replace(/^key: .*$/m, 'key: another-key');
  const refused = await saveDraft({
    db,
    actor: admin,
    frameworkId,
    versionId: draft.id,
    version: now.version,
    text: rekeyed,
    format: 'yaml',
  });
  assert.equal(refused.outcome, 'problems');
  assert.match(refused.outcome === 'problems' ? (refused.problems[0] ?? '') : '', /^key: /);

  // The published version 1 is as it was: drafts never touch it.
  const published = await getFrameworkVersion({ db, actor: trustee, frameworkId, versionId: item.published.id });
  assert.equal(published.name, 'Trust governance assurance framework');
});

test('importing a key that exists makes its next version, unless it has a draft', async () => {
  const first = await importFramework({ db, actor: admin, text: smallFramework('two-versions'), format: 'yaml' });
  assert.equal(first.outcome, 'imported');
  if (first.outcome !== 'imported') return;
  const blocked = await importFramework({
    db,
    actor: admin,
    text: smallFramework('two-versions', 'Renamed'),
    format: 'yaml',
  });
  assert.deepEqual(blocked, { outcome: 'draft-exists', frameworkId: first.frameworkId, versionId: first.versionId });
  const draft = await getFrameworkVersion({ db, actor: admin, ...first });
  await publishDraft({ db, actor: admin, ...first, version: draft.version });
  const second = await importFramework({
    db,
    actor: admin,
    text: smallFramework('two-versions', 'Renamed'),
    format: 'yaml',
  });
  assert.equal(second.outcome, 'imported');
  if (second.outcome !== 'imported') return;
  assert.equal(second.frameworkId, first.frameworkId);
  assert.equal((await getFrameworkVersion({ db, actor: admin, ...second })).number, 2);
});

test('the database refuses any change to a published version, whatever asks', async () => {
  const [item] = await listFrameworks({ db, actor: trustee });
  assert.ok(item?.published);
  const id = item.published.id;
  await assert.rejects(
    db.execute(sql`update framework_versions set name = 'Changed' where id = ${id}`),
    (error: unknown) => /published and cannot change/.test(String((error as { cause?: unknown }).cause ?? error)),
  );
  await assert.rejects(db.execute(sql`delete from framework_versions where id = ${id}`));
  assert.equal(
    (await getFrameworkVersion({ db, actor: trustee, frameworkId: item.id, versionId: id })).name,
    item.name,
  );
});

test('each built-in survives export and import in both formats unchanged', async () => {
  for (const document of builtinFrameworks) {
    for (const format of ['yaml', 'json'] as const) {
      const key = `${document.key}-copy-${format}`;
      const text = serialiseFrameworkDocument({ ...document, key }, format);
      const result = await importFramework({ db, actor: admin, text, format });
      assert.equal(result.outcome, 'imported');
      if (result.outcome !== 'imported') continue;
      const stored = await getFrameworkVersion({ db, actor: admin, ...result });
      assert.deepEqual(stored.document, { ...document, key });
      assert.equal(exportFrameworkVersion(stored, format), text);
    }
  }
});
