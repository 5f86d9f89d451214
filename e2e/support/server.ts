import type { FastifyInstance } from 'fastify';
import type { BrowserContext } from 'playwright-core';
import { startSession } from '../../src/modules/people/index.ts';
import type { Role } from '../../src/modules/people/roles.ts';
import { SESSION_COOKIE } from '../../src/platform/auth/viewer.ts';
import { AppError } from '../../src/platform/http/app-error.ts';
import { buildTestApp, type TestApp } from '../../test/support/app.ts';
import { formFixtureRoutes } from '../../test/support/form-fixture.tsx';
import { signIn, type SignedIn } from '../../test/support/sign-in.ts';

export interface TestServer extends TestApp {
  /** e.g. http://127.0.0.1:41234, with no trailing slash. */
  baseUrl: string;
}

/**
 * Routes that exist only so the browser can see the error pages no real page produces on
 * demand yet. Under /test/, so the page-coverage check leaves them out.
 */
async function errorFixtureRoutes(app: FastifyInstance): Promise<void> {
  app.get('/test/forbidden', async () => {
    throw AppError.forbidden();
  });
  app.get('/test/boom', async () => {
    throw new Error('an unexpected failure');
  });
}

/**
 * The whole app, in this process, on a real port: the browser needs HTTP, and in-process
 * lets tests read the database and fixtures directly. Closed when the test file ends
 * (buildTestApp registers that when called at the top level of a file).
 */
export async function startServer(): Promise<TestServer> {
  const testApp = await buildTestApp({ extraPlugins: [formFixtureRoutes, errorFixtureRoutes] });
  const address = await testApp.app.listen({ port: 0, host: '127.0.0.1' });
  return { ...testApp, baseUrl: address.replace(/\/$/, '') };
}

/**
 * A new person holding `role`, signed in on this browser context: the session cookie is
 * added as the server would set it, without going through a sign-in form.
 */
export async function signInContext(context: BrowserContext, server: TestServer, role: Role): Promise<SignedIn> {
  const signedIn = await signIn(server.db, role);
  const token = signedIn.cookies[SESSION_COOKIE];
  if (!token) throw new Error(`signIn gave no ${SESSION_COOKIE} cookie`);
  await addSessionCookie(context, server, token);
  return signedIn;
}

/** Someone who already exists (made by a scene or factory), signed in on this browser context. */
export async function signInPerson(context: BrowserContext, server: TestServer, personId: string): Promise<void> {
  await addSessionCookie(context, server, await startSession({ db: server.db, personId }));
}

async function addSessionCookie(context: BrowserContext, server: TestServer, token: string): Promise<void> {
  await context.addCookies([
    { name: SESSION_COOKIE, value: token, url: server.baseUrl, httpOnly: true, sameSite: 'Lax' },
  ]);
}
