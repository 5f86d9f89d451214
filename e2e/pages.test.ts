/**
 * Every page Tandem serves, opened in a real browser by each kind of visitor: it answers
 * with the right status, is styled, has one h1 and a proper title, and axe-core finds no
 * WCAG 2.2 AA violation. A screenshot of each lands in test-results/screenshots/.
 */
import assert from 'node:assert/strict';
import { and, eq } from 'drizzle-orm';
import { test } from 'node:test';
import { memberships } from '../src/modules/people/people.tables.ts';
import { recordAuditEvent } from '../src/platform/audit/audit.ts';
import { addMembership, createOrganisation, createPerson } from '../test/support/factories.ts';
import type { SignedIn } from '../test/support/sign-in.ts';
import { frameworkVisits } from './framework-visits.ts';
import { mentoringAgreementVisits } from './mentoring-agreement-visits.ts';
import { mentoringServiceVisits } from './mentoring-service-visits.ts';
import { mentoringEstablishingVisits } from './mentoring-establishing-visits.ts';
import { partnershipVisits } from './partnership-visits.ts';
import { mentoringMeetingVisits } from './mentoring-meeting-visits.ts';
import { planVisits } from './plan-visits.ts';
import { mentoringMatchingVisits } from './mentoring-matching-visits.ts';
import { reviewActivityVisit } from './read-log-visits.ts';
import { reviewVisits } from './review-visits.ts';
import { reviewSetupVisits } from './review-setup-visits.ts';
import type { PageVisit, Visitor } from './support/page-visit.ts';
import {
  expectNoAxeViolations,
  expectStyled,
  launchBrowser,
  newContext,
  saveScreenshot,
  watchForPageProblems,
} from './support/browser.ts';
import { signInContext, startServer } from './support/server.ts';

/** A spread of roles: provider staff, a trust's executive and its board. */
const everyone: Visitor[] = ['signed-out', 'platform_administrator', 'programme_manager', 'mentor', 'ceo', 'trustee'];

const visits: PageVisit[] = [
  {
    name: 'home',
    route: '/',
    path: '/',
    visitors: everyone,
    status: 200,
    heading: (signedIn) => (signedIn ? `Welcome, ${signedIn.person.displayName}` : 'Tandem'),
  },
  {
    name: 'sign-in',
    route: '/sign-in',
    path: '/sign-in',
    visitors: ['signed-out'],
    status: 200,
    heading: () => 'Sign in to Tandem',
  },
  {
    name: 'account',
    route: '/account',
    path: '/account',
    // Signed out, the page sends the visitor to sign in (and back afterwards).
    visitors: ['signed-out', 'platform_administrator', 'ceo', 'trustee'],
    status: 200,
    heading: (signedIn) => (signedIn ? 'Your account' : 'Sign in to Tandem'),
  },
  {
    name: 'account-unsent-form',
    route: '/account/unsent-form',
    path: '/account/unsent-form',
    visitors: ['ceo'],
    status: 200,
    heading: () => 'Nothing is waiting to be sent',
  },
  {
    name: 'account-activity',
    route: '/account/activity',
    path: '/account/activity',
    visitors: ['platform_administrator', 'ceo', 'trustee'],
    status: 200,
    heading: () => 'Account activity',
    prepare: recordActivityAbout,
  },
  {
    name: 'audit-log',
    route: '/admin/audit',
    path: '/admin/audit',
    visitors: ['platform_administrator'],
    status: 200,
    heading: () => 'Audit log',
    prepare: recordActivityAbout,
  },
  {
    name: 'audit-log-refused',
    route: '/admin/audit',
    path: '/admin/audit',
    visitors: ['ceo'],
    status: 403,
    heading: () => 'You do not have permission to do that',
  },
  {
    name: 'second-factor-code',
    route: '/sign-in/verify',
    path: '/sign-in/verify',
    // Without a password step first, the code page sends the visitor back to sign in.
    visitors: ['signed-out'],
    status: 200,
    heading: () => 'Sign in to Tandem',
  },
  {
    name: 'second-factor-set-up',
    route: '/account/two-factor/set-up',
    path: '/account/two-factor/set-up',
    visitors: ['trustee', 'ceo'],
    status: 200,
    heading: () => 'Set up two-factor authentication',
  },
  {
    name: 'recovery-codes',
    route: '/account/two-factor/recovery-codes',
    path: '/account/two-factor/recovery-codes',
    // Shown once, straight after enrolment; any other visit goes to the account page.
    visitors: ['trustee'],
    status: 200,
    heading: () => 'Your account',
  },
  {
    name: 'password-reset',
    route: '/password-reset',
    path: '/password-reset',
    visitors: ['signed-out'],
    status: 200,
    heading: () => 'Reset your password',
  },
  {
    name: 'password-reset-sent',
    route: '/password-reset/sent',
    path: '/password-reset/sent',
    visitors: ['signed-out'],
    status: 200,
    heading: () => 'Check your email',
  },
  {
    name: 'password-reset-link',
    route: '/password-reset/:token',
    path: '/password-reset/an-old-link',
    visitors: ['signed-out'],
    status: 404,
    heading: () => 'This link has expired or been used',
  },
  {
    name: 'invitation-link',
    route: '/invitations/:token',
    path: '/invitations/an-old-link',
    visitors: ['signed-out'],
    status: 404,
    heading: () => 'This invitation link has expired or been used',
  },
  {
    name: 'invite',
    route: '/organisations/:id/invitations/new',
    path: '/organisations/(their organisation)/invitations/new',
    pathFor: (signedIn) => `/organisations/${signedIn?.organisation.id ?? 'none'}/invitations/new`,
    visitors: ['platform_administrator', 'programme_manager', 'ceo'],
    status: 200,
    heading: () => 'Invite someone',
  },
  {
    name: 'organisation-people',
    route: '/organisations/:id/people',
    path: '/organisations/(their organisation)/people',
    pathFor: (signedIn) => `/organisations/${signedIn?.organisation.id ?? 'none'}/people`,
    visitors: ['programme_manager', 'ceo'],
    status: 200,
    heading: () => 'People',
  },
  {
    name: 'not-found',
    route: null,
    path: '/no-such-page',
    visitors: ['signed-out', 'ceo'],
    status: 404,
    heading: () => 'Page not found',
  },
  {
    name: 'forbidden',
    route: null,
    path: '/test/forbidden',
    visitors: ['signed-out', 'trustee'],
    status: 403,
    heading: () => 'You do not have permission to do that',
  },
  {
    name: 'server-error',
    route: null,
    path: '/test/boom',
    visitors: ['signed-out', 'mentor'],
    status: 500,
    heading: () => 'Sorry, there is a problem with the service',
  },
];

/** Routes that are not pages: static files, JSON health checks, and test-only fixtures. */
/** Routes that answer with a page; files to download (exports) and probes are not pages. */
/** Downloads (exports, evidence files) are not pages: their routes' tests cover them. */
function isPageRoute(url: string): boolean {
  if (url.startsWith('/assets/') || url.startsWith('/test/') || url.endsWith('/export')) return false;
  if (url.endsWith('/evidence/:evidenceId')) return false;
  if (url.endsWith('/files/:documentId')) return false;
  if (url.endsWith('.pdf') || url.endsWith('.csv')) return false;
  // A calendar feed is iCalendar text for calendar apps, not a page.
  if (url === '/calendar/:token') return false;
  return url !== '/healthz' && url !== '/readyz';
}

const browser = await launchBrowser();
const server = await startServer();

/** Enough events about the visitor for a table and its page links (26 and more go to a second page). */
async function recordActivityAbout(signedIn: SignedIn | null): Promise<void> {
  if (!signedIn) return;
  const about = signedIn.person.id;
  const from = { ip: '198.51.100.7', userAgent: 'Browser suite', requestId: 'e2e' };
  for (let minute = 0; minute < 26; minute += 1) {
    const occurredAt = new Date(Date.UTC(2026, 10, 24, 15, minute));
    await recordAuditEvent(
      server.db,
      { action: 'sign_in.succeeded', actorPersonId: about, subjectPersonId: about, occurredAt },
      from,
    );
  }
  await recordAuditEvent(
    server.db,
    { action: 'sign_in.failed', subjectPersonId: about, details: { reason: 'wrong_password' } },
    from,
  );
}

// The outbox pages need a message to show: one written as any part of Tandem writes mail.
const outboxMessage = await server.app.mailer.send({
  to: 'ada@example.test',
  subject: 'Your sign-in link',
  text: 'Hello Ada,\n\nSign in with this link:\nhttps://tandem.example/sign-in/0123456789abcdef',
});
visits.push(
  {
    name: 'outbox',
    route: '/admin/outbox',
    path: '/admin/outbox',
    visitors: ['platform_administrator'],
    status: 200,
    heading: () => 'Outbox',
  },
  {
    name: 'outbox-message',
    route: '/admin/outbox/:id',
    path: `/admin/outbox/${outboxMessage.id}`,
    visitors: ['platform_administrator'],
    status: 200,
    heading: () => 'Your sign-in link',
  },
);

// The organisation pages need a trust with a school and people in it, as the register and invitations make them.
const trust = await createOrganisation(server.db, {
  kind: 'trust',
  name: 'Browser Suite Academy Trust',
  groupUid: 990_001,
  companiesHouseNumber: '07318714',
  trustType: 'multi_academy',
  region: 'London',
});
const school = await createOrganisation(server.db, {
  kind: 'school',
  name: 'Browser Suite Primary School',
  urn: 990_002,
  trustId: trust.id,
  phase: 'Primary',
  establishmentType: 'Academy converter',
  localAuthority: 'Camden',
  region: 'London',
  pupilCount: 412,
  ofstedRating: 'Good',
  ofstedInspectionDate: '2023-03-13',
});
const trustee = await createPerson(server.db, { displayName: 'Grace Hopper', email: 'grace@example.test' });
await addMembership(server.db, trustee.id, trust.id, 'trustee');
await addMembership(server.db, trustee.id, trust.id, 'member');
const [trusteeMembership] = await server.db
  .select({ id: memberships.id })
  .from(memberships)
  .where(and(eq(memberships.personId, trustee.id), eq(memberships.role, 'trustee')));
if (!trusteeMembership) throw new Error('membership not created');
const organisationPage = (name: string, route: string, path: string, heading: string): PageVisit => ({
  name,
  route,
  path,
  visitors: ['platform_administrator'],
  status: 200,
  heading: () => heading,
});
visits.push(
  {
    ...organisationPage('organisations', '/admin/organisations', '/admin/organisations', 'Organisations'),
    // More than a page of them, so the page links are checked too.
    prepare: async () => {
      for (let index = 0; index < 30; index += 1) {
        await createOrganisation(server.db, { kind: 'provider', name: `Browser Suite Provider ${index}` });
      }
    },
  },
  {
    name: 'organisations-refused',
    route: '/admin/organisations',
    path: '/admin/organisations',
    visitors: ['ceo'],
    status: 403,
    heading: () => 'You do not have permission to do that',
  },
  organisationPage(
    'organisation-kind',
    '/admin/organisations/new',
    '/admin/organisations/new',
    'What kind of organisation is it?',
  ),
  organisationPage(
    'organisation-new',
    '/admin/organisations/new',
    '/admin/organisations/new?kind=trust',
    'Add a trust',
  ),
  organisationPage('organisation-trust', '/admin/organisations/:id', `/admin/organisations/${trust.id}`, trust.name),
  organisationPage('organisation-school', '/admin/organisations/:id', `/admin/organisations/${school.id}`, school.name),
  organisationPage(
    'organisation-edit',
    '/admin/organisations/:id/edit',
    `/admin/organisations/${trust.id}/edit`,
    "Change the organisation's details",
  ),
  organisationPage(
    'membership-role',
    '/admin/organisations/:id/memberships/:membershipId/role',
    `/admin/organisations/${trust.id}/memberships/${trusteeMembership.id}/role`,
    "Change Grace Hopper's role",
  ),
  organisationPage(
    'membership-remove',
    '/admin/organisations/:id/memberships/:membershipId/remove',
    `/admin/organisations/${trust.id}/memberships/${trusteeMembership.id}/remove`,
    'Remove Grace Hopper as trustee?',
  ),
  organisationPage(
    'account-deactivate',
    '/admin/organisations/:id/people/:personId/deactivate',
    `/admin/organisations/${trust.id}/people/${trustee.id}/deactivate`,
    "Deactivate Grace Hopper's account?",
  ),
  organisationPage(
    'account-reactivate',
    '/admin/organisations/:id/people/:personId/reactivate',
    `/admin/organisations/${trust.id}/people/${trustee.id}/reactivate`,
    "Reactivate Grace Hopper's account?",
  ),
);
visits.push(reviewActivityVisit(server.db));
visits.push(...(await frameworkVisits(server.db)));
visits.push(...(await reviewVisits(server.db)));
visits.push(...(await reviewSetupVisits(server.db)));
visits.push(...(await planVisits(server.db)));
visits.push(...(await mentoringMeetingVisits(server.db)));
visits.push(...mentoringMatchingVisits(server.db));
visits.push(...(await mentoringAgreementVisits(server.db)));
visits.push(...(await mentoringServiceVisits(server.db)));
visits.push(...(await partnershipVisits(server.db)));
visits.push(...(await mentoringEstablishingVisits(server.db)));

test('every page route in the catalogue has a browser visit', () => {
  const catalogued = server.app.routeCatalogue.filter((route) => route.method === 'GET' && isPageRoute(route.url));
  assert.ok(catalogued.length > 0, 'the route catalogue lists no pages: is the catalogue plugin registered?');
  const visited = new Set(visits.map((visit) => visit.route));
  const missing = catalogued.filter((route) => !visited.has(route.url)).map((route) => route.url);
  assert.deepEqual(missing, [], `pages with no visit in e2e/pages.test.ts: add one for each of ${missing.join(', ')}`);

  const known = new Set(catalogued.map((route) => route.url));
  const stale = visits.filter((visit) => visit.route !== null && !known.has(visit.route)).map((visit) => visit.route);
  assert.deepEqual(stale, [], 'visits name routes the app no longer serves');
});

for (const visit of visits) {
  for (const visitor of visit.visitors) {
    test(`${visit.name} (${visit.path}) as ${visitor}`, { timeout: 60_000 }, async () => {
      const context = await newContext(browser, server.baseUrl);
      try {
        const signedIn = visitor === 'signed-out' ? null : await signInContext(context, server, visitor);
        await visit.prepare?.(signedIn);
        const page = await context.newPage();
        const problems = watchForPageProblems(page);
        const label = `${visit.path} as ${visitor}`;

        const response = await page.goto(visit.pathFor?.(signedIn) ?? visit.path, { waitUntil: 'load' });
        assert.equal(response?.status(), visit.status, `${label}: status`);

        const headings = await page.locator('h1').allInnerTexts();
        assert.equal(headings.length, 1, `${label}: expected one h1, found ${JSON.stringify(headings)}`);
        const expected = visit.heading(signedIn);
        if (typeof expected === 'string') assert.equal(headings[0]?.trim(), expected, `${label}: h1`);
        else assert.match(headings[0] ?? '', expected, `${label}: h1`);

        const title = await page.title();
        assert.match(title, / – Tandem$/, `${label}: title "${title}"`);
        assert.doesNotMatch(title, /^Error: /, `${label}: a page without form errors must not say "Error:"`);

        if (signedIn) {
          const person = await page.locator('.tandem-header__person').innerText();
          assert.match(person, new RegExp(signedIn.person.displayName), `${label}: header names the person`);
        }

        await expectStyled(page, label);
        // govuk-frontend's JS ran (the module loaded under the CSP and initialised).
        assert.equal(await page.locator('body.js-enabled.govuk-frontend-supported').count(), 1, `${label}: js-enabled`);
        await expectNoAxeViolations(page, label);
        await saveScreenshot(page, `${visit.name}--${visitor}`);
        assert.deepEqual(problems(), [], `${label}: problems in the browser`);
      } finally {
        await context.close();
      }
    });
  }
}
