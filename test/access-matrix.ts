import type { Role } from '../src/modules/people/roles.ts';

/**
 * Who may reach what: the status each kind of visitor gets from every route, requested
 * with nothing but a valid CSRF token (so this tests access, not form handling).
 * docs/permissions.md says the same in words. A route missing here fails the matrix test.
 */
export type Visitor = 'signed-out' | 'other-organisation' | Role;

type Expected = { signedOut: number; signedIn: number } & Partial<Record<Visitor, number>>;

const signedInOnly = (signedIn = 200): Expected => ({ signedOut: 303, signedIn });
const adminOnly = (admin = 200): Expected => ({ signedOut: 303, signedIn: 403, platform_administrator: admin });
const everyone = (status = 200): Expected => ({ signedOut: status, signedIn: status });
/** A form only platform administrators may send: everyone else is refused, signed in or not. */
const adminPost = (admin: number): Expected => ({ signedOut: 403, signedIn: 403, platform_administrator: admin });

/** Roles whose accounts must use two-factor authentication (already on for these visitors). */
const withSecondFactor = { platform_administrator: 303, programme_manager: 303, mentor: 303 } as const;

/** Only those who manage an organisation's people (its programme manager or chief executive, or an administrator). */
const peopleManagers = (status: number, signedOut = 303): Expected => ({
  signedOut,
  signedIn: 403,
  platform_administrator: status,
  programme_manager: status,
  ceo: status,
});

/** The trust roles that start reviews of their own trust (reviews.policy.ts); everyone else is refused. */
const reviewStarters = (status: number, signedOut = 303): Expected => ({
  signedOut,
  signedIn: 403,
  ceo: status,
  executive: status,
  chair: status,
});

/** As reviewStarters, on a page about a trust: provider staff's own organisation is no trust (404). */
const trustLeaders = (status: number, signedOut = 303): Expected => ({
  ...reviewStarters(status, signedOut),
  platform_administrator: 404,
  programme_manager: 404,
  mentor: 404,
});

/** The trust's review starters only; to anyone else, its other people too, not found: it would tell of reviews. */
const trustLeadersOnly: Expected = { signedOut: 303, signedIn: 404, ceo: 200, executive: 200, chair: 200 };

/**
 * A review nobody visiting takes part in: whether it exists is private, so every signed-in
 * visitor gets 404, whatever their role (reviews.routes.test.ts covers the participants).
 */
const privateReview: Expected = { signedOut: 303, signedIn: 404 };
const privateReviewPost: Expected = { signedOut: 403, signedIn: 404 };

/**
 * A plan (or a review's element) the visitor has no part in: a trust's plan is read by its members and
 * an individual plan by its owner alone, so to every other signed-in visitor it is not found.
 */
const privatePlan: Expected = { signedOut: 303, signedIn: 404 };
const privatePlanPost: Expected = { signedOut: 403, signedIn: 404 };

/**
 * A partnership nobody visiting takes part in or runs: that someone is being mentored is private,
 * so every signed-in visitor gets 404 (partnerships.routes.test.ts covers participants and staff).
 */
const privatePartnership: Expected = { signedOut: 303, signedIn: 404 };
const privatePartnershipPost: Expected = { signedOut: 403, signedIn: 404 };

/** A provider's own page, for its programme managers and administrators; to anyone else not found. */
const providerStaffOnly: Expected = {
  signedOut: 303,
  signedIn: 404,
  programme_manager: 200,
  platform_administrator: 200,
};

/**
 * The visitor's own organisation (for `other-organisation`, one they do not belong to), for
 * routes whose answer depends on whose organisation it is.
 */
const ownOrganisation =
  (path: string) =>
  ({ organisationId }: VisitContext): string =>
    path.replace(':id', organisationId);

/** A published built-in framework version's page, or a page under it. */
const publishedFramework =
  (suffix = '') =>
  ({ publishedFrameworkVersion }: VisitContext): string =>
    `${publishedFrameworkVersion}${suffix}`;

export interface VisitContext {
  organisationId: string;
  /** `/frameworks/:id/versions/:versionId` of a published built-in framework. */
  publishedFrameworkVersion: string;
}

export const accessMatrix: Record<string, Expected & { url?: string | ((visitor: VisitContext) => string) }> = {
  'GET /assets/*': { ...everyone(), url: '/assets/images/favicon.svg' },
  'GET /healthz': everyone(),
  'GET /readyz': everyone(),
  'GET /': everyone(),
  'GET /sign-in': { signedOut: 200, signedIn: 303 },
  'POST /sign-in': everyone(400),
  'GET /sign-in/verify': everyone(303),
  'POST /sign-in/verify': everyone(303),
  'POST /sign-out': { signedOut: 403, signedIn: 303 },
  'GET /account': signedInOnly(),
  'POST /account/sign-out-everywhere': { signedOut: 403, signedIn: 303 },
  'POST /account/keep-alive': { signedOut: 403, signedIn: 204 },
  'GET /account/activity': signedInOnly(),
  'GET /account/unsent-form': signedInOnly(),
  'POST /account/unsent-form': { signedOut: 403, signedIn: 303 },
  'GET /account/two-factor/set-up': { ...signedInOnly(), ...withSecondFactor },
  'POST /account/two-factor/set-up': { signedOut: 403, signedIn: 303 },
  'GET /account/two-factor/recovery-codes': signedInOnly(303),
  'GET /password-reset': everyone(),
  'POST /password-reset': everyone(400),
  'GET /password-reset/sent': everyone(),
  'GET /password-reset/:token': everyone(404),
  'POST /password-reset/:token': everyone(404),
  'GET /invitations/:token': everyone(404),
  'POST /invitations/:token': everyone(404),
  'GET /organisations/:id/people': { ...peopleManagers(200), url: ownOrganisation('/organisations/:id/people') },
  'GET /organisations/:id/invitations/new': {
    ...peopleManagers(200),
    url: ownOrganisation('/organisations/:id/invitations/new'),
  },
  'POST /organisations/:id/invitations/new': {
    ...peopleManagers(400, 403),
    url: ownOrganisation('/organisations/:id/invitations/new'),
  },
  'GET /organisations/:id/benchmarking': {
    ...trustLeaders(200),
    url: ownOrganisation('/organisations/:id/benchmarking'),
  },
  'POST /organisations/:id/benchmarking': {
    ...trustLeaders(400, 403),
    url: ownOrganisation('/organisations/:id/benchmarking'),
  },
  'GET /reviews/:id/benchmarks': privateReview,
  'GET /organisations/:id/review-activity': {
    ...trustLeadersOnly,
    url: ownOrganisation('/organisations/:id/review-activity'),
  },
  'GET /reviews': signedInOnly(),
  'GET /organisations/:id/reviews/new': {
    ...reviewStarters(200),
    url: ownOrganisation('/organisations/:id/reviews/new'),
  },
  'POST /organisations/:id/reviews/new': {
    ...reviewStarters(400, 403),
    url: ownOrganisation('/organisations/:id/reviews/new'),
  },
  'GET /reviews/:id': privateReview,
  'GET /reviews/:id/close': privateReview,
  'POST /reviews/:id/close': privateReviewPost,
  'GET /reviews/:id/groups': privateReview,
  'POST /reviews/:id/groups': privateReviewPost,
  'POST /reviews/:id/groups/:groupId': privateReviewPost,
  'GET /reviews/:id/groups/:groupId/remove': privateReview,
  'POST /reviews/:id/groups/:groupId/remove': privateReviewPost,
  'GET /reviews/:id/participants/new': privateReview,
  'POST /reviews/:id/participants/new': privateReviewPost,
  'GET /reviews/:id/participants/:participantId/remove': privateReview,
  'POST /reviews/:id/participants/:participantId/remove': privateReviewPost,
  'GET /reviews/:id/rate': privateReview,
  'GET /reviews/:id/rate/:elementKey': privateReview,
  'POST /reviews/:id/rate/:elementKey': privateReviewPost,
  'GET /reviews/:id/agree/:elementKey': privateReview,
  'POST /reviews/:id/agree/:elementKey': privateReviewPost,
  'GET /reviews/:id/evidence/:evidenceId': privateReview,
  'GET /reviews/:id/heat-map': privateReview,
  'GET /reviews/:id/group-comparison': privateReview,
  'GET /reviews/:id/peer-challenge': privateReview,
  'GET /reviews/:id/history': privateReview,
  // A format it knows, so the refusal comes from the review's privacy, not from the query.
  'GET /reviews/:id/export': {
    ...privateReview,
    url: '/reviews/5d0c7a0e-8c1b-4f3e-9a51-2f6b7c8d9e01/export?format=pdf',
  },
  'GET /admin/organisations': adminOnly(),
  'GET /admin/organisations/new': adminOnly(),
  'POST /admin/organisations/new': adminPost(400),
  'GET /admin/organisations/:id': adminOnly(404),
  'GET /admin/organisations/:id/edit': adminOnly(404),
  'POST /admin/organisations/:id/edit': adminPost(404),
  'GET /admin/organisations/:id/memberships/:membershipId/role': adminOnly(404),
  'POST /admin/organisations/:id/memberships/:membershipId/role': adminPost(404),
  'GET /admin/organisations/:id/memberships/:membershipId/remove': adminOnly(404),
  'POST /admin/organisations/:id/memberships/:membershipId/remove': adminPost(404),
  'GET /admin/organisations/:id/people/:personId/deactivate': adminOnly(404),
  'POST /admin/organisations/:id/people/:personId/deactivate': adminPost(404),
  'GET /admin/organisations/:id/people/:personId/reactivate': adminOnly(404),
  'POST /admin/organisations/:id/people/:personId/reactivate': adminPost(404),
  'GET /frameworks': signedInOnly(),
  'GET /frameworks/import': adminOnly(),
  'POST /frameworks/import': adminPost(400),
  'GET /frameworks/:id': signedInOnly(404),
  'GET /frameworks/:id/versions/:versionId': { ...signedInOnly(), url: publishedFramework() },
  'GET /frameworks/:id/versions/:versionId/export': {
    ...signedInOnly(),
    url: publishedFramework('/export?format=yaml'),
  },
  // A published version is not edited or published again: its page is where to go, and a post is a conflict.
  'GET /frameworks/:id/versions/:versionId/edit': { ...adminOnly(303), url: publishedFramework('/edit') },
  'POST /frameworks/:id/versions/:versionId/edit': { ...adminPost(409), url: publishedFramework('/edit') },
  'POST /frameworks/:id/versions/:versionId/clone': { ...adminPost(303), url: publishedFramework('/clone') },
  'GET /frameworks/:id/versions/:versionId/publish': { ...adminOnly(303), url: publishedFramework('/publish') },
  'POST /frameworks/:id/versions/:versionId/publish': { ...adminPost(409), url: publishedFramework('/publish') },
  // The form-based editor of a draft, likewise: a published version's pages send administrators to it.
  'GET /frameworks/:id/versions/:versionId/details': { ...adminOnly(303), url: publishedFramework('/details') },
  'POST /frameworks/:id/versions/:versionId/details': { ...adminPost(409), url: publishedFramework('/details') },
  'GET /frameworks/:id/versions/:versionId/scale': { ...adminOnly(303), url: publishedFramework('/scale') },
  'POST /frameworks/:id/versions/:versionId/scale': { ...adminPost(409), url: publishedFramework('/scale') },
  'GET /frameworks/:id/versions/:versionId/headings/new': {
    ...adminOnly(303),
    url: publishedFramework('/headings/new'),
  },
  'POST /frameworks/:id/versions/:versionId/headings/new': {
    ...adminPost(409),
    url: publishedFramework('/headings/new'),
  },
  'GET /frameworks/:id/versions/:versionId/headings/:headingKey': {
    ...adminOnly(303),
    url: publishedFramework('/headings/a-heading'),
  },
  'POST /frameworks/:id/versions/:versionId/headings/:headingKey': {
    ...adminPost(409),
    url: publishedFramework('/headings/a-heading'),
  },
  'POST /frameworks/:id/versions/:versionId/headings/:headingKey/move': {
    ...adminPost(409),
    url: publishedFramework('/headings/a-heading/move'),
  },
  'GET /frameworks/:id/versions/:versionId/headings/:headingKey/remove': {
    ...adminOnly(303),
    url: publishedFramework('/headings/a-heading/remove'),
  },
  'POST /frameworks/:id/versions/:versionId/headings/:headingKey/remove': {
    ...adminPost(409),
    url: publishedFramework('/headings/a-heading/remove'),
  },
  'GET /frameworks/:id/versions/:versionId/headings/:headingKey/elements/new': {
    ...adminOnly(303),
    url: publishedFramework('/headings/a-heading/elements/new'),
  },
  'POST /frameworks/:id/versions/:versionId/headings/:headingKey/elements/new': {
    ...adminPost(409),
    url: publishedFramework('/headings/a-heading/elements/new'),
  },
  'GET /frameworks/:id/versions/:versionId/headings/:headingKey/elements/:elementKey': {
    ...adminOnly(303),
    url: publishedFramework('/headings/a-heading/elements/an-element'),
  },
  'POST /frameworks/:id/versions/:versionId/headings/:headingKey/elements/:elementKey': {
    ...adminPost(409),
    url: publishedFramework('/headings/a-heading/elements/an-element'),
  },
  'POST /frameworks/:id/versions/:versionId/headings/:headingKey/elements/:elementKey/move': {
    ...adminPost(409),
    url: publishedFramework('/headings/a-heading/elements/an-element/move'),
  },
  'GET /frameworks/:id/versions/:versionId/headings/:headingKey/elements/:elementKey/remove': {
    ...adminOnly(303),
    url: publishedFramework('/headings/a-heading/elements/an-element/remove'),
  },
  'POST /frameworks/:id/versions/:versionId/headings/:headingKey/elements/:elementKey/remove': {
    ...adminPost(409),
    url: publishedFramework('/headings/a-heading/elements/an-element/remove'),
  },
  // Development plans: anyone signed in keeps their own; a plan nobody visiting reads is not found (plans.routes.test.ts covers readers).
  'GET /plans': signedInOnly(),
  'GET /plans/new': signedInOnly(),
  'POST /plans/new': { signedOut: 403, signedIn: 400 },
  'GET /plans/my-actions': signedInOnly(),
  'GET /plans/from-review/:reviewId/:elementKey': privatePlan,
  'POST /plans/from-review/:reviewId/:elementKey': privatePlanPost,
  'GET /plans/:id': privatePlan,
  'GET /plans/:id/edit': privatePlan,
  'POST /plans/:id/edit': privatePlanPost,
  'GET /plans/:id/timeline': privatePlan,
  'GET /plans/:id/priorities/new': privatePlan,
  'POST /plans/:id/priorities/new': privatePlanPost,
  'GET /plans/:id/priorities/:priorityId': privatePlan,
  'POST /plans/:id/priorities/:priorityId': privatePlanPost,
  'POST /plans/:id/priorities/:priorityId/move': privatePlanPost,
  'GET /plans/:id/priorities/:priorityId/actions/new': privatePlan,
  'POST /plans/:id/priorities/:priorityId/actions/new': privatePlanPost,
  'GET /plans/:id/actions/:actionId': privatePlan,
  'GET /plans/:id/actions/:actionId/edit': privatePlan,
  'POST /plans/:id/actions/:actionId/edit': privatePlanPost,
  'GET /plans/:id/actions/:actionId/updates/new': privatePlan,
  'POST /plans/:id/actions/:actionId/updates/new': privatePlanPost,
  'GET /plans/:id/evidence/:evidenceId': privatePlan,
  'GET /plans/:id/export.pdf': privatePlan,
  'GET /plans/:id/actions.csv': privatePlan,
  'GET /plans/:id/milestones/new': privatePlan,
  'POST /plans/:id/milestones/new': privatePlanPost,
  'GET /plans/:id/milestones/:milestoneId': privatePlan,
  'POST /plans/:id/milestones/:milestoneId': privatePlanPost,
  'GET /plans/:id/priorities/:priorityId/comments': privatePlan,
  'POST /plans/:id/priorities/:priorityId/comments': privatePlanPost,
  'GET /plans/:id/sharing': privatePlan,
  'POST /plans/:id/sharing': privatePlanPost,
  'POST /plans/:id/sharing/:shareId/revoke': privatePlanPost,
  'GET /plans/:id/close': privatePlan,
  'POST /plans/:id/close': privatePlanPost,
  'GET /plans/:id/next': privatePlan,
  'POST /plans/:id/next': privatePlanPost,
  // Mentoring partnerships: content for participants alone; provider staff see parties, state and time.
  'GET /partnerships': signedInOnly(),
  'GET /partnerships/:id': privatePartnership,
  'GET /partnerships/:id/participants': privatePartnership,
  'POST /partnerships/:id/participants': privatePartnershipPost,
  'GET /partnerships/:id/participants/:personId/remove': privatePartnership,
  'POST /partnerships/:id/participants/:personId/remove': privatePartnershipPost,
  'POST /partnerships/:id/participants/:personId/lead': privatePartnershipPost,
  'GET /partnerships/:id/reads': privatePartnership,
  'GET /partnerships/:id/diagnostic': privatePartnership,
  'POST /partnerships/:id/diagnostic': privatePartnershipPost,
  'POST /partnerships/:id/plan': privatePartnershipPost,
  'GET /mentoring/providers/:organisationId/dashboard': {
    ...providerStaffOnly,
    url: ownOrganisation('/mentoring/providers/:id/dashboard'),
  },
  // Establishing, goals, the third-term review and the decision: participants alone (establishing.routes.test.ts
  // and third-term-review.routes.test.ts cover them); to every other signed-in visitor, provider staff too, not found.
  'GET /partnerships/:id/establishing': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/establishing': { signedOut: 403, signedIn: 404 },
  'GET /partnerships/:id/goals/new': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/goals/new': { signedOut: 403, signedIn: 404 },
  'GET /partnerships/:id/goals/:goalId': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/goals/:goalId': { signedOut: 403, signedIn: 404 },
  'GET /partnerships/:id/review': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/review': { signedOut: 403, signedIn: 404 },
  'GET /partnerships/:id/decision': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/decision': { signedOut: 403, signedIn: 404 },
  // Mentoring services and enquiries: a provider's programme managers and administrators run them; anyone else
  // signed in is refused (403), and another provider's service or enquiry is not found. The enquiry form is public.
  'GET /mentoring/services': { signedOut: 303, signedIn: 403, programme_manager: 200, platform_administrator: 200 },
  'GET /mentoring/services/new': { signedOut: 303, signedIn: 403, programme_manager: 200, platform_administrator: 200 },
  'POST /mentoring/services/new': {
    signedOut: 403,
    signedIn: 403,
    programme_manager: 400,
    platform_administrator: 400,
  },
  'GET /mentoring/services/:serviceId': {
    signedOut: 303,
    signedIn: 403,
    programme_manager: 404,
    platform_administrator: 404,
  },
  'GET /mentoring/services/:serviceId/edit': {
    signedOut: 303,
    signedIn: 403,
    programme_manager: 404,
    platform_administrator: 404,
  },
  'POST /mentoring/services/:serviceId/edit': {
    signedOut: 403,
    signedIn: 403,
    programme_manager: 404,
    platform_administrator: 404,
  },
  'GET /mentoring/services/:serviceId/enquire': everyone(404),
  'POST /mentoring/services/:serviceId/enquire': everyone(404),
  'GET /mentoring/services/:serviceId/enquire/sent': everyone(404),
  'GET /mentoring/enquiries': { signedOut: 303, signedIn: 403, programme_manager: 200, platform_administrator: 200 },
  'GET /mentoring/enquiries/:enquiryId': {
    signedOut: 303,
    signedIn: 403,
    programme_manager: 404,
    platform_administrator: 404,
  },
  'POST /mentoring/enquiries/:enquiryId': {
    signedOut: 403,
    signedIn: 403,
    programme_manager: 404,
    platform_administrator: 404,
  },
  // A partnership's agreement and preparation: nobody visiting takes part in it or runs its provider, so every
  // signed-in visitor gets 404 (agreements.routes.test.ts and preparation.routes.test.ts cover who does).
  'GET /partnerships/:id/agreement': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/agreement': { signedOut: 403, signedIn: 404 },
  'GET /partnerships/:id/agreement/new-version': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/agreement/new-version': { signedOut: 403, signedIn: 404 },
  'GET /partnerships/:id/preparation': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/preparation': { signedOut: 403, signedIn: 404 },
  'GET /partnerships/:id/documents/new': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/documents/new': { signedOut: 403, signedIn: 404 },
  'GET /partnerships/:id/documents/:requestId': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/documents/:requestId': { signedOut: 403, signedIn: 404 },
  'GET /partnerships/:id/files/:documentId': { signedOut: 303, signedIn: 404 },
  'GET /partnerships/:id/visits/new': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/visits/new': { signedOut: 403, signedIn: 404 },
  'POST /partnerships/:id/visits/:visitId': { signedOut: 403, signedIn: 404 },
  // Meetings, private notes, actions, conversations and the time budget: content, for participants alone, so to every
  // visitor here (none takes part) they are not found (meetings.routes.test.ts and budget.routes.test.ts cover who does).
  'GET /partnerships/:id/meetings': { signedOut: 303, signedIn: 404 },
  'GET /partnerships/:id/meetings/new': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/meetings/new': { signedOut: 403, signedIn: 404 },
  'GET /partnerships/:id/meetings/:meetingId': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/meetings/:meetingId': { signedOut: 403, signedIn: 404 },
  'POST /partnerships/:id/meetings/:meetingId/notes': { signedOut: 403, signedIn: 404 },
  'GET /partnerships/:id/meetings/:meetingId/actions/new': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/meetings/:meetingId/actions/new': { signedOut: 403, signedIn: 404 },
  'GET /partnerships/:id/time/new': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/time/new': { signedOut: 403, signedIn: 404 },
  'GET /partnerships/:id/budget': { signedOut: 303, signedIn: 404 },
  // A person's own calendar feed page; the feed itself needs no sign-in, and a made-up token finds nothing.
  'GET /calendar': signedInOnly(),
  'POST /calendar': { signedOut: 403, signedIn: 303 },
  'GET /calendar/:token': everyone(404),
  // Mentor profiles: a mentor keeps their own (an empty form is a 400); the provider's staff see the pool. A profile of
  // no provider the visitor runs is not found (mentor-profiles.routes.test.ts covers the provider's staff).
  'GET /mentoring/my-profile': { signedOut: 303, signedIn: 403, mentor: 200 },
  'POST /mentoring/my-profile': { signedOut: 403, signedIn: 403, mentor: 400 },
  'GET /mentoring/mentors': { signedOut: 303, signedIn: 403, programme_manager: 200, platform_administrator: 200 },
  'GET /mentoring/mentors/:profileId': { signedOut: 303, signedIn: 404 },
  'POST /mentoring/mentors/:profileId': { signedOut: 403, signedIn: 404 },
  // Matching and chemistry: for the mentee side, the provider's staff and (their own conversation) a possible mentor;
  // nobody visiting is any of these (matching.routes.test.ts and chemistry.routes.test.ts cover who is).
  'GET /partnerships/:id/preferences': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/preferences': { signedOut: 403, signedIn: 404 },
  'GET /partnerships/:id/matching': { signedOut: 303, signedIn: 404 },
  'GET /partnerships/:id/chemistry/new': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/chemistry/new': { signedOut: 403, signedIn: 404 },
  'GET /partnerships/:id/chemistry/:conversationId': { signedOut: 303, signedIn: 404 },
  'POST /partnerships/:id/chemistry/:conversationId': { signedOut: 403, signedIn: 404 },
  'POST /partnerships/:id/choose': { signedOut: 403, signedIn: 404 },
  'POST /partnerships/:id/confirm-match': { signedOut: 403, signedIn: 404 },
  'GET /admin/audit': adminOnly(),
  'GET /admin/outbox': adminOnly(),
  'GET /admin/outbox/:id': adminOnly(404),
};

export function expectedStatus(route: string, visitor: Visitor): number {
  const expected = accessMatrix[route];
  if (!expected) throw new Error(`${route} is not in test/access-matrix.ts`);
  return expected[visitor] ?? (visitor === 'signed-out' ? expected.signedOut : expected.signedIn);
}
