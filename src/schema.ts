/**
 * Every table, for drizzle-kit and for tests that need the whole schema. Application
 * code imports tables from its own module, never from here.
 */
export * from './modules/organisations/organisations.tables.ts';
export * from './modules/people/people.tables.ts';
export * from './modules/people/unsent-forms.tables.ts';
export * from './platform/http/rate-limit.tables.ts';
export * from './platform/audit/audit.tables.ts';
export * from './platform/mail/mail.tables.ts';
export * from './modules/frameworks/frameworks.tables.ts';
export * from './modules/reviews/reviews.tables.ts';
export * from './modules/plans/plans.tables.ts';
export * from './modules/plans/plan-sharing.tables.ts';
export * from './modules/plans/digest/digest.tables.ts';
export * from './modules/partnerships/partnerships.tables.ts';
export * from './modules/partnerships/matching.tables.ts';
export * from './modules/partnerships/agreements.tables.ts';
export * from './modules/partnerships/preparation.tables.ts';
export * from './modules/partnerships/meetings.tables.ts';
