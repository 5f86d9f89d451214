import type { VNode } from 'preact';
import type { Viewer } from '../../../platform/auth/viewer.ts';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { roleLabels, type Role } from '../../people/index.ts';

export function HomePage({ viewer }: { viewer: Viewer | null }): VNode {
  return viewer ? <SignedInHome viewer={viewer} /> : <Welcome />;
}

function Welcome(): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-xl">Tandem</h1>
        <p class="govuk-body-l">
          Mentoring, self-review and development planning for school trusts and the organisations that support them.
        </p>
        <h2 class="govuk-heading-m">What you can do with Tandem</h2>
        <ul class="govuk-list govuk-list--bullet">
          <li>run year-long mentoring partnerships between trust leaders, or between trusts</li>
          <li>review a trust against a framework, with peer challenge and a heat map for the board</li>
          <li>turn what a review found into a development plan, and follow it through</li>
          <li>run leadership programmes and board governance tools</li>
        </ul>
        <p class="govuk-body">
          What is said in mentoring stays with the people in the partnership: providers see that a partnership exists
          and how it is going, never its content.
        </p>
      </div>
    </div>
  );
}

function SignedInHome({ viewer }: { viewer: Viewer }): VNode {
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Welcome, {viewer.displayName}</h1>
        <h2 class="govuk-heading-m">Your organisations</h2>
        {viewer.memberships.length === 0 ? (
          <p class="govuk-body">You are not a member of any organisation yet. An administrator can add you to one.</p>
        ) : (
          <SummaryList
            rows={viewer.memberships.map((membership) => ({
              key: { text: membership.organisationName },
              value: { text: roleLabels[membership.role as Role] ?? membership.role },
            }))}
          />
        )}
      </div>
    </div>
  );
}
