import type { VNode } from 'preact';
import { Button } from '../../../platform/views/components/button.tsx';
import { Panel } from '../../../platform/views/components/panel.tsx';
import { WarningText } from '../../../platform/views/components/warning-text.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import { partnershipPaths } from '../partnerships.paths.ts';
import { TwoThirds } from './meeting-parts.tsx';

/**
 * The person's private calendar feed: made (or made again, which stops the old address working),
 * and its address shown once, right after it was made.
 */
export function CalendarPage({
  feed,
  newFeedUrl,
}: {
  feed: { createdAt: Date } | null;
  /** The full address, only on the page right after making it. */
  newFeedUrl: string | null;
}): VNode {
  return (
    <TwoThirds>
      <h1 class="govuk-heading-l">Your calendar feed</h1>
      {newFeedUrl && (
        <>
          <Panel titleText="Your calendar feed address is ready" />
          <WarningText text="Copy this now: it is shown only once. Anyone with this address can see when and where your meetings are." />
          <div class="govuk-form-group">
            <label class="govuk-label govuk-label--s" for="feed-url">
              Calendar feed address
            </label>
            <input class="govuk-input" id="feed-url" type="text" readonly value={newFeedUrl} spellcheck={false} />
          </div>
          <p class="govuk-body">
            Add it to your calendar app as a subscription (sometimes called “From URL” or “Subscribe to calendar”).
          </p>
        </>
      )}
      <p class="govuk-body">
        A calendar feed puts your mentoring meetings into your own calendar app and keeps them up to date. It says when
        and where each meeting is and links back to Tandem. It never includes agendas or notes.
      </p>
      {feed ? (
        <p class="govuk-body">You made your current feed address on {formatLondonDateTime(feed.createdAt)}.</p>
      ) : (
        <p class="govuk-body">You do not have a calendar feed yet.</p>
      )}
      <Form action={partnershipPaths.calendar()}>
        {feed && (
          <p class="govuk-body">
            Making a new address stops the old one working. Do this if someone else may have your address.
          </p>
        )}
        <Button text={feed ? 'Make a new feed address' : 'Make a feed address'} />
      </Form>
    </TwoThirds>
  );
}
