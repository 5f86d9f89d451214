import type { FastifyInstance } from 'fastify';
import type { NoteCipher } from '../../platform/crypto/note-cipher.ts';
import type { AppDb } from '../../platform/db/database.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { agreementRoutes } from './agreements.routes.tsx';
import { budgetRoutes } from './budget.routes.tsx';
import { calendarRoutes } from './calendar.routes.tsx';
import { chemistryRoutes } from './chemistry.routes.tsx';
import { enquiryRoutes } from './enquiries.routes.tsx';
import { establishingRoutes } from './establishing.routes.tsx';
import { goalRoutes } from './goals.routes.tsx';
import { matchingRoutes } from './matching.routes.tsx';
import { meetingActionRoutes } from './meeting-actions.routes.tsx';
import { meetingRoutes } from './meetings.routes.tsx';
import { mentorProfileRoutes } from './mentor-profiles.routes.tsx';
import { partnershipRoutes } from './partnerships.routes.tsx';
import { preparationRoutes } from './preparation.routes.tsx';
import { serviceRoutes } from './services.routes.tsx';
import { thirdTermReviewRoutes } from './third-term-review.routes.tsx';
import { timeEntryRoutes } from './time-entries.routes.tsx';
import { trustToTrustRoutes } from './trust-to-trust.routes.tsx';

export { partnershipPaths } from './partnerships.paths.ts';
/** Meeting reminders and half-term nudges, declared with the app's other jobs. */
export { registerMeetingJobs } from './meeting-jobs.ts';

/** What every partnership route plugin is given. */
export interface PartnershipsOptions {
  db: AppDb;
  /** Seals and opens private notes: the database never holds their plaintext. */
  cipher: NoteCipher;
  /** The site's address, for links in emails and the calendar feed. */
  publicUrl: string;
}

/**
 * Mentoring partnerships (SPEC section 2): a provider's services and the enquiries they receive,
 * mentor profiles and matching, chemistry conversations, the agreement, preparation, meetings
 * with private notes, the time budget, the third-term review, and the provider's dashboard.
 * Who sees what is in partnerships.policy.ts: content is for participants alone.
 */
export async function partnershipsModule(app: FastifyInstance, options: PartnershipsOptions): Promise<void> {
  app.navigation.add({
    label: 'Mentoring',
    href: partnershipPaths.list,
    order: 28,
    visibleTo: (viewer) => viewer !== null,
  });
  // In the order of the lifecycle (SPEC section 2).
  await app.register(partnershipRoutes, options);
  await app.register(serviceRoutes, options);
  await app.register(enquiryRoutes, options);
  await app.register(mentorProfileRoutes, options);
  await app.register(matchingRoutes, options);
  await app.register(chemistryRoutes, options);
  await app.register(agreementRoutes, options);
  await app.register(preparationRoutes, options);
  await app.register(establishingRoutes, options);
  await app.register(goalRoutes, options);
  await app.register(meetingRoutes, options);
  await app.register(meetingActionRoutes, options);
  await app.register(timeEntryRoutes, options);
  await app.register(budgetRoutes, options);
  await app.register(thirdTermReviewRoutes, options);
  await app.register(trustToTrustRoutes, options);
  await app.register(calendarRoutes, options);
}
