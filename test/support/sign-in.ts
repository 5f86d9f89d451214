import { eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { people } from '../../src/modules/people/people.tables.ts';
import { startSession } from '../../src/modules/people/index.ts';
import type { Role } from '../../src/modules/people/roles.ts';
import { SESSION_COOKIE } from '../../src/platform/auth/viewer.ts';
import type { AppDb } from '../../src/platform/db/database.ts';
import { createPersonWithRole, type OrganisationRow, type PersonRow } from './factories.ts';

export interface SignedIn {
  person: PersonRow;
  organisation: OrganisationRow;
  /** Cookies for `app.inject({ cookies })`. */
  cookies: Record<string, string>;
}

const rolesNeedingSecondFactor: Role[] = ['platform_administrator', 'programme_manager', 'mentor'];

/**
 * A person with `as` role and a live session, without going through the sign-in form.
 * Roles that must use two-factor authentication have it turned on, as a real sign-in
 * would have needed; pass `secondFactor: false` to test the enrolment that is then due.
 */
export async function signIn(
  db: AppDb,
  as: Role,
  organisation?: OrganisationRow,
  { secondFactor = rolesNeedingSecondFactor.includes(as) }: { secondFactor?: boolean } = {},
): Promise<SignedIn> {
  const { person, organisation: home } = await createPersonWithRole(db, as, organisation);
  if (secondFactor) {
    await db.update(people).set({ mfaEnabledAt: new Date(), mfaSecret: 'set-by-test' }).where(eq(people.id, person.id));
  }
  const token = await startSession({ db, personId: person.id });
  return { person, organisation: home, cookies: { [SESSION_COOKIE]: token } };
}

/**
 * Loads a page as a browser would and returns what a form post needs: the CSRF token from
 * the page and the cookies the server set, merged with the ones given.
 */
export async function formSession(
  app: FastifyInstance,
  url: string,
  cookies: Record<string, string> = {},
): Promise<{ csrfToken: string; cookies: Record<string, string> }> {
  const response = await app.inject({ method: 'GET', url, cookies });
  const token = /name="_csrf" value="([^"]+)"/.exec(response.body)?.[1];
  if (!token) throw new Error(`No CSRF token on ${url} (status ${response.statusCode})`);
  const set = Object.fromEntries(response.cookies.map((cookie) => [cookie.name, cookie.value]));
  return { csrfToken: token, cookies: { ...cookies, ...set } };
}

/**
 * Posts a form as a browser would: loads `from` for its CSRF token and cookies, then sends
 * `fields` with them to `url`.
 */
export async function postForm(
  app: FastifyInstance,
  {
    url,
    from,
    cookies = {},
    fields,
  }: { url: string; from: string; cookies?: Record<string, string>; fields: Record<string, string> },
) {
  const session = await formSession(app, from, cookies);
  return app.inject({
    method: 'POST',
    url,
    cookies: session.cookies,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: session.csrfToken, ...fields }).toString(),
  });
}
