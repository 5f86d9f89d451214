import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { queryRows } from '../src/platform/db/database.ts';
import { buildTestApp } from './support/app.ts';
import { createOrganisation } from './support/factories.ts';
import { formSession, signIn } from './support/sign-in.ts';

/**
 * Every form route, posted random and hostile values by a signed-in administrator with a
 * valid CSRF token: no answer is a server error, and a refused post changes no row.
 */
const { app, db } = await buildTestApp();

/** Tables a refused post may still write to: the audit trail of the refusal and the throttling counters. */
const MAY_CHANGE_ON_REFUSAL = new Set(['audit_events', 'rate_limit_buckets']);

const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    "'; drop table people; --",
    '<script>alert(1)</script>',
    '"><img src=x onerror=alert(1)>',
    '../../etc/passwd',
    '\u0000',
    '\ud800',
    '-1',
    '1e309',
    'null',
    'true',
    '{"a":1}',
    '0b7e7d1c-2a6f-4e55-9c4a-7b1d2e3f4a5b',
    '=cmd|"/c calc"!A1',
    ' ',
  ),
  fc.string({ minLength: 5_000, maxLength: 20_000 }),
);

async function rowCounts(): Promise<Record<string, number>> {
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables) {
    if (MAY_CHANGE_ON_REFUSAL.has(name)) continue;
    const [row] = await queryRows<{ total: number | string }>(db, sql.raw(`select count(*) as total from "${name}"`));
    counts[name] = Number(row?.total ?? 0);
  }
  return counts;
}

test(
  'no form route answers a hostile post with a 5xx, and a refused post changes nothing',
  { timeout: 600_000 },
  async () => {
    const organisation = await createOrganisation(db);
    const forms = app.routeCatalogue.filter((route) => route.method === 'POST');
    assert.ok(forms.length > 0);
    const fieldNames = fc.constantFrom(
      'email',
      'password',
      'displayName',
      'role',
      'name',
      'code',
      'returnTo',
      'kind',
      'urn',
      'version',
      'document',
      'format',
      'x',
    );

    for (const route of forms) {
      const url = route.url
        .replace(':id', organisation.id)
        .replace(/:[A-Za-z]+/g, '0b7e7d1c-2a6f-4e55-9c4a-7b1d2e3f4a5b');
      await fc.assert(
        fc.asyncProperty(
          fc.dictionary(fieldNames, fc.oneof(hostile, fc.array(hostile, { maxLength: 3 }))),
          async (fields) => {
            // A new session each time: some of these routes (signing out) end the one they are sent with.
            const admin = await signIn(db, 'platform_administrator');
            const session = await formSession(app, '/account', admin.cookies);
            const body = new URLSearchParams();
            body.append('_csrf', session.csrfToken);
            for (const [name, value] of Object.entries(fields))
              for (const item of [value].flat()) body.append(name, item);
            const before = await rowCounts();
            const response = await app.inject({
              method: 'POST',
              url,
              cookies: session.cookies,
              headers: { 'content-type': 'application/x-www-form-urlencoded' },
              payload: body.toString(),
            });
            assert.ok(
              response.statusCode < 500,
              `${route.url} answered ${response.statusCode} to ${JSON.stringify(fields).slice(0, 200)}`,
            );
            if (response.statusCode >= 400)
              assert.deepEqual(await rowCounts(), before, `${route.url}: a refused post changed rows`);
          },
        ),
        { numRuns: 15 },
      );
    }
  },
);
