import type { VNode } from 'preact';
import type { Viewer } from '../../../platform/auth/viewer.ts';
import { SummaryList } from '../../../platform/views/components/summary-list.tsx';
import { organisationPeoplePaths, roleLabels, type Role } from '../../people/index.ts';
import type { HomeAction } from '../../plans/index.ts';
import { YourActions } from './your-actions.tsx';

export function HomePage({
  viewer,
  managed,
  actions = [],
}: {
  viewer: Viewer | null;
  managed: ReadonlySet<string>;
  /** The viewer's own actions overdue or due soon, overdue first. */
  actions?: readonly HomeAction[];
}): VNode {
  return viewer ? <SignedInHome viewer={viewer} managed={managed} actions={actions} /> : <Welcome />;
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

/** `managed`: the organisations whose people this person sees and invites, linked from their first row. */
function SignedInHome({
  viewer,
  managed,
  actions,
}: {
  viewer: Viewer;
  managed: ReadonlySet<string>;
  actions: readonly HomeAction[];
}): VNode {
  const linked = new Set<string>();
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">Welcome, {viewer.displayName}</h1>
        <YourActions actions={actions} />
        <h2 class="govuk-heading-m">Your organisations</h2>
        {viewer.memberships.length === 0 ? (
          <p class="govuk-body">You are not a member of any organisation yet. An administrator can add you to one.</p>
        ) : (
          <SummaryList
            rows={viewer.memberships.map((membership) => {
              const { organisationId, organisationName } = membership;
              const link = managed.has(organisationId) && !linked.has(organisationId);
              linked.add(organisationId);
              return {
                key: { text: organisationName },
                value: { text: roleLabels[membership.role as Role] ?? membership.role },
                ...(link
                  ? {
                      actions: {
                        items: [
                          {
                            href: organisationPeoplePaths.people(organisationId),
                            text: 'People',
                            visuallyHiddenText: `in ${organisationName}`,
                          },
                        ],
                      },
                    }
                  : {}),
              };
            })}
          />
        )}
      </div>
    </div>
  );
}
