import type { PartnershipState } from './partnerships.tables.ts';

/**
 * Every mentoring URL, built in one place (route patterns in `routes`, links from the functions).
 * Services, enquiries and mentor profiles belong to a provider; everything else to a partnership.
 */
const routes = {
  // A provider's services, and the public enquiry form of each.
  services: '/mentoring/services',
  serviceNew: '/mentoring/services/new',
  service: '/mentoring/services/:serviceId',
  serviceEdit: '/mentoring/services/:serviceId/edit',
  enquire: '/mentoring/services/:serviceId/enquire',
  enquirySent: '/mentoring/services/:serviceId/enquire/sent',
  // Triage, by the provider's programme managers.
  enquiries: '/mentoring/enquiries',
  enquiry: '/mentoring/enquiries/:enquiryId',
  // Mentor profiles: the mentor's own, and the provider's pool.
  myProfile: '/mentoring/my-profile',
  mentors: '/mentoring/mentors',
  mentor: '/mentoring/mentors/:profileId',
  // The provider's dashboard: parties, state, dates, time used; never content.
  dashboard: '/mentoring/providers/:organisationId/dashboard',
  // Partnerships.
  list: '/partnerships',
  partnership: '/partnerships/:id',
  participants: '/partnerships/:id/participants',
  participantRemove: '/partnerships/:id/participants/:personId/remove',
  participantLead: '/partnerships/:id/participants/:personId/lead',
  preferences: '/partnerships/:id/preferences',
  matching: '/partnerships/:id/matching',
  chemistryNew: '/partnerships/:id/chemistry/new',
  chemistry: '/partnerships/:id/chemistry/:conversationId',
  chooseMentor: '/partnerships/:id/choose',
  confirmMatch: '/partnerships/:id/confirm-match',
  agreement: '/partnerships/:id/agreement',
  agreementNew: '/partnerships/:id/agreement/new-version',
  preparation: '/partnerships/:id/preparation',
  documentRequestNew: '/partnerships/:id/documents/new',
  documentRequest: '/partnerships/:id/documents/:requestId',
  documentFile: '/partnerships/:id/files/:documentId',
  visitNew: '/partnerships/:id/visits/new',
  visit: '/partnerships/:id/visits/:visitId',
  establishing: '/partnerships/:id/establishing',
  goalNew: '/partnerships/:id/goals/new',
  goal: '/partnerships/:id/goals/:goalId',
  meetings: '/partnerships/:id/meetings',
  meetingNew: '/partnerships/:id/meetings/new',
  meeting: '/partnerships/:id/meetings/:meetingId',
  meetingNotes: '/partnerships/:id/meetings/:meetingId/notes',
  meetingActionNew: '/partnerships/:id/meetings/:meetingId/actions/new',
  timeNew: '/partnerships/:id/time/new',
  budget: '/partnerships/:id/budget',
  review: '/partnerships/:id/review',
  decision: '/partnerships/:id/decision',
  diagnostic: '/partnerships/:id/diagnostic',
  plan: '/partnerships/:id/plan',
  reads: '/partnerships/:id/reads',
  // A person's private calendar feed.
  calendar: '/calendar',
  calendarFeed: '/calendar/:token',
} as const;

export type PartnershipRoute = keyof typeof routes;

const fill = (pattern: string, params: Record<string, string>) =>
  pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));

/** A URL with an optional "done" message for the page it leads to. */
const withDone = (path: string, done?: string) => (done ? `${path}?done=${encodeURIComponent(done)}` : path);

export const partnershipPaths = {
  routes,
  services: routes.services,
  serviceNew: routes.serviceNew,
  service: (serviceId: string, done?: string) => withDone(fill(routes.service, { serviceId }), done),
  serviceEdit: (serviceId: string) => fill(routes.serviceEdit, { serviceId }),
  enquire: (serviceId: string) => fill(routes.enquire, { serviceId }),
  enquirySent: (serviceId: string) => fill(routes.enquirySent, { serviceId }),
  enquiries: routes.enquiries,
  enquiry: (enquiryId: string, done?: string) => withDone(fill(routes.enquiry, { enquiryId }), done),
  myProfile: (done?: string) => withDone(routes.myProfile, done),
  mentors: routes.mentors,
  mentor: (profileId: string, done?: string) => withDone(fill(routes.mentor, { profileId }), done),
  /** The dashboard, its list at one state and on one page when given (page 1 needs no number). */
  dashboard: (organisationId: string, { state, page }: { state?: PartnershipState | null; page?: number } = {}) => {
    const query = new URLSearchParams({
      ...(state ? { state } : {}),
      ...(page && page > 1 ? { page: `${page}` } : {}),
    });
    const path = fill(routes.dashboard, { organisationId });
    return query.toString() ? `${path}?${query.toString()}` : path;
  },
  list: routes.list,
  /** A page of one partnership: `partnershipPaths.of(id, 'meetings')`, or with more params. */
  of: (
    id: string,
    route: Exclude<
      PartnershipRoute,
      | 'services'
      | 'serviceNew'
      | 'service'
      | 'serviceEdit'
      | 'enquire'
      | 'enquirySent'
      | 'enquiries'
      | 'enquiry'
      | 'myProfile'
      | 'mentors'
      | 'mentor'
      | 'dashboard'
      | 'list'
      | 'calendar'
      | 'calendarFeed'
    >,
    params: Record<string, string> = {},
    done?: string,
  ) => withDone(fill(routes[route], { ...params, id }), done),
  calendar: (done?: string) => withDone(routes.calendar, done),
  calendarFeed: (token: string) => fill(routes.calendarFeed, { token }),
};

/** The pages of one partnership, for `partnershipPaths.of`. */
export type PartnershipPageRoute = Parameters<typeof partnershipPaths.of>[1];
