import type { ComponentChildren, VNode } from 'preact';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { partnershipPaths } from '../partnerships.paths.ts';

export { PartnershipCaption } from './partnership-parts.tsx';

/** The pieces the agreement and preparation pages share. */

/** The page's column, with the way back to the partnership and its name above the heading. */
export function PartnershipColumn({
  partnership,
  back,
  children,
  wide = false,
}: {
  partnership: { id: string; title: string };
  back?: { href: string; text: string };
  children: ComponentChildren;
  wide?: boolean;
}): VNode {
  return (
    <div class="govuk-grid-row">
      <div class={wide ? 'govuk-grid-column-full' : 'govuk-grid-column-two-thirds'}>
        <BackLink
          href={back?.href ?? partnershipPaths.of(partnership.id, 'partnership')}
          text={back?.text ?? 'Back to the partnership'}
        />
        {children}
      </div>
    </div>
  );
}

/** A green "done" banner after a change, from `?done=…` in the URL. */
export function DoneBanner({ message }: { message: string | null }): VNode | null {
  return message ? <NotificationBanner type="success" text={message} /> : null;
}
