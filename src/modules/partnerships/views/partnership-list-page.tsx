import type { VNode } from 'preact';
import { partnershipPaths } from '../partnerships.paths.ts';
import type { PartnershipSummary } from '../partnerships.service.ts';
import { PartnershipTable } from './partnership-parts.tsx';

export function PartnershipListPage({
  mine,
  providers,
}: {
  mine: PartnershipSummary[];
  providers: Array<{ id: string; name: string }>;
}): VNode {
  return (
    <>
      <h1 class="govuk-heading-l">Mentoring</h1>
      <p class="govuk-body">
        A partnership pairs a mentor with a trust’s chief executive, or a mentor trust with a mentee trust, usually for
        a year. What is said and written in it is for its participants alone.
      </p>
      <ul class="govuk-list">
        <li>
          <a class="govuk-link" href={partnershipPaths.myProfile()}>
            Your mentor profile
          </a>{' '}
          (if you mentor)
        </li>
        <li>
          <a class="govuk-link" href={partnershipPaths.calendar()}>
            Your calendar feed of meetings
          </a>
        </li>
        {providers.map((provider) => (
          <li key={provider.id}>
            <a class="govuk-link" href={partnershipPaths.dashboard(provider.id)}>
              {provider.name}: dashboard of every partnership
            </a>
            ,{' '}
            <a class="govuk-link" href={partnershipPaths.services}>
              services
            </a>
            ,{' '}
            <a class="govuk-link" href={partnershipPaths.enquiries}>
              enquiries
            </a>{' '}
            and{' '}
            <a class="govuk-link" href={partnershipPaths.mentors}>
              mentors
            </a>
          </li>
        ))}
      </ul>
      {mine.length > 0 ? (
        <PartnershipTable caption="Your partnerships" summaries={mine} />
      ) : (
        <p class="govuk-body">You take part in no partnership yet.</p>
      )}
    </>
  );
}
