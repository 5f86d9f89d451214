import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { createTestDatabase } from '../../../test/support/database.ts';
import { createViewerWithRole } from '../../../test/support/factories.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { renameHeading, setDetails } from './draft-edits.ts';
import { editDraft } from './draft-editor.service.ts';
import { getFrameworkVersion, installBuiltinFrameworks, listFrameworks, startDraft } from './frameworks.service.ts';

const database = await createTestDatabase();
after(() => database.close());
const { db } = database;

const admin = await createViewerWithRole(db, 'platform_administrator');
const trustee = await createViewerWithRole(db, 'trustee');
await installBuiltinFrameworks({ db });
const item = (await listFrameworks({ db, actor: admin })).find((each) => each.key === 'trust-development');
assert.ok(item?.published);
const frameworkId = item.id;
const { versionId } = await startDraft({ db, actor: admin, frameworkId, fromVersionId: item.published.id });
const current = () => getFrameworkVersion({ db, actor: admin, frameworkId, versionId });

test('a change is saved over the version it was made on, checked by the file rules, and nothing else is', async () => {
  const before = await current();
  const saved = await editDraft({
    db,
    actor: admin,
    frameworkId,
    versionId,
    version: before.version,
    change: (document) => ({ document: setDetails(document, { name: 'Edited', summary: '' }), made: 'made' }),
  });
  assert.deepEqual(saved, { outcome: 'saved', made: 'made' });
  const after = await current();
  assert.equal(after.version, before.version + 1);
  assert.equal(after.name, 'Edited');

  const stale = await editDraft({
    db,
    actor: admin,
    frameworkId,
    versionId,
    version: before.version,
    change: (document) => ({ document: setDetails(document, { name: 'Late', summary: '' }), made: null }),
  });
  assert.equal(stale.outcome, 'stale');

  const problems = await editDraft({
    db,
    actor: admin,
    frameworkId,
    versionId,
    version: after.version,
    change: (document) => ({ document: renameHeading(document, 'vision-culture-ethos', 'x'.repeat(201)), made: null }),
  });
  assert.equal(problems.outcome, 'problems');
  assert.deepEqual(problems.outcome === 'problems' && problems.problems.map((problem) => problem.path), [
    ['headings', 0, 'name'],
  ]);

  const refused = await editDraft({
    db,
    actor: admin,
    frameworkId,
    versionId,
    version: after.version,
    change: () => ({ refused: 'Not this' }),
  });
  assert.equal(refused.outcome === 'refused' && refused.message, 'Not this');
  assert.equal((await current()).version, after.version, 'a refused or faulty change saves nothing');
});

test('only platform administrators edit a draft', async () => {
  await assert.rejects(
    editDraft({
      db,
      actor: trustee,
      frameworkId,
      versionId,
      version: 1,
      change: (document) => ({ document, made: null }),
    }),
    (error) => error instanceof AppError && error.code === 'Forbidden',
  );
});
