import { partnerships } from './partnerships.tables.ts';

/**
 * A partnership's term and time budget, as every query that shows them selects them: the
 * partnership's page and the provider's dashboard both put the term and the time used beside
 * each other, and the time used is measured against these minutes.
 */
export const termAndBudgetColumns = {
  startsOn: partnerships.startsOn,
  endsOn: partnerships.endsOn,
  readingMinutes: partnerships.readingMinutes,
  schoolVisitsMinutes: partnerships.schoolVisitsMinutes,
  establishingMinutes: partnerships.establishingMinutes,
  meetingsMinutes: partnerships.meetingsMinutes,
};
