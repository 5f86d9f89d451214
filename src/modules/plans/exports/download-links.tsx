import type { VNode } from 'preact';
import { planPaths } from '../plans.paths.ts';

/** The plan's downloads, offered to everyone who reads it. */
export function PlanDownloadLinks({ planId }: { planId: string }): VNode {
  return (
    <ul class="govuk-list">
      <li>
        <a class="govuk-link" href={planPaths.exportPdf(planId)}>
          Download as PDF (for a board pack)
        </a>
      </li>
      <li>
        <a class="govuk-link" href={planPaths.actionsCsv(planId)}>
          Download actions as CSV
        </a>
      </li>
    </ul>
  );
}
