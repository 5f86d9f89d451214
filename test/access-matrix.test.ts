import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eq } from 'drizzle-orm';
import { frameworkVersions } from '../src/modules/frameworks/frameworks.tables.ts';
import { roles } from '../src/modules/people/roles.ts';
import { accessMatrix, expectedStatus, type VisitContext, type Visitor } from './access-matrix.ts';
import { buildTestApp } from './support/app.ts';
import { createOrganisation } from './support/factories.ts';
import { formSession, signIn } from './support/sign-in.ts';

const { app, db } = await buildTestApp();
const visitors: Visitor[] = ['signed-out', ...roles, 'other-organisation'];
const ANY_ID = '0b7e7d1c-2a6f-4e55-9c4a-7b1d2e3f4a5b';
const [builtin] = await db
  .select({ frameworkId: frameworkVersions.frameworkId, id: frameworkVersions.id })
  .from(frameworkVersions)
  .where(eq(frameworkVersions.status, 'published'))
  .limit(1);
assert.ok(builtin, 'the built-in frameworks are installed');
const publishedFrameworkVersion = `/frameworks/${builtin.frameworkId}/versions/${builtin.id}`;

test('every route the app serves is in the access matrix, and every matrix row is a route', () => {
  const served = app.routeCatalogue.map((route) => `${route.method} ${route.url}`);
  assert.deepEqual(
    served.filter((route) => !(route in accessMatrix)),
    [],
    'add these routes to test/access-matrix.ts and docs/permissions.md',
  );
  assert.deepEqual(
    Object.keys(accessMatrix).filter((route) => !served.includes(route)),
    [],
    'these matrix rows name no route',
  );
});

/**
 * A fresh visitor for each request (some requests, signing out, end the session they use),
 * with the organisation routes about "their own organisation" name: their home, or for a
 * member of another organisation, an organisation they do not belong to.
 */
async function visit(visitor: Visitor): Promise<VisitContext & { cookies: Record<string, string> }> {
  if (visitor === 'signed-out') {
    return { cookies: {}, organisationId: (await createOrganisation(db)).id, publishedFrameworkVersion };
  }
  if (visitor === 'other-organisation') {
    const { cookies } = await signIn(db, 'ceo', await createOrganisation(db, { name: 'Another Trust' }));
    return { cookies, organisationId: (await createOrganisation(db)).id, publishedFrameworkVersion };
  }
  const { cookies, organisation } = await signIn(db, visitor);
  return { cookies, organisationId: organisation.id, publishedFrameworkVersion };
}

for (const visitor of visitors) {
  test(`as ${visitor}, every route answers as the matrix says`, async () => {
    const mismatches: string[] = [];
    for (const route of Object.keys(accessMatrix)) {
      const [method = 'GET', pattern = '/'] = route.split(' ');
      const visiting = await visit(visitor);
      const given = accessMatrix[route]?.url;
      const url = typeof given === 'function' ? given(visiting) : (given ?? pattern.replace(/:[A-Za-z]+/g, ANY_ID));
      let cookies = visiting.cookies;
      let payload: string | undefined;
      if (method !== 'GET') {
        const session = await formSession(app, visitor === 'signed-out' ? '/sign-in' : '/account', cookies);
        cookies = session.cookies;
        payload = new URLSearchParams({ _csrf: session.csrfToken }).toString();
      }
      const response = await app.inject({
        method: method as 'GET' | 'POST',
        url,
        cookies,
        ...(payload === undefined ? {} : { payload, headers: { 'content-type': 'application/x-www-form-urlencoded' } }),
      });
      const expected = expectedStatus(route, visitor);
      if (response.statusCode !== expected) mismatches.push(`${route}: ${response.statusCode}, expected ${expected}`);
    }
    assert.deepEqual(mismatches, []);
  });
}
