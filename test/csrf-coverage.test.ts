import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTestApp } from './support/app.ts';
import { signIn } from './support/sign-in.ts';

const { app, db } = await buildTestApp();

/** A URL for a route pattern: each parameter filled with a well-formed id. */
function concrete(url: string): string {
  return url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000');
}

test('every state-changing route refuses a request without a CSRF token, signed in or not', async () => {
  const unsafe = app.routeCatalogue.filter((route) => !['GET', 'HEAD', 'OPTIONS'].includes(route.method));
  assert.ok(unsafe.length > 0, 'the app has forms');
  const admin = await signIn(db, 'platform_administrator');
  for (const route of unsafe) {
    for (const cookies of [{}, admin.cookies]) {
      const response = await app.inject({
        method: route.method as 'POST',
        url: concrete(route.url),
        cookies,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: 'anything=1',
      });
      assert.equal(response.statusCode, 403, `${route.method} ${route.url} without a token`);
    }
  }
});
