import type { VNode } from 'preact';
import { ErrorSummaryFor } from '../../../platform/forms/error-summary-for.tsx';
import { FormErrors, typedText, type FormValues } from '../../../platform/forms/forms.ts';
import { BackLink } from '../../../platform/views/components/back-link.tsx';
import { Button } from '../../../platform/views/components/button.tsx';
import { Details } from '../../../platform/views/components/details.tsx';
import { NotificationBanner } from '../../../platform/views/components/notification-banner.tsx';
import { Textarea } from '../../../platform/views/components/textarea.tsx';
import { Form } from '../../../platform/views/form.tsx';
import { formatLondonDateTime } from '../../../platform/views/london-time.ts';
import type { CommentRow, PriorityComments } from '../comments.service.ts';
import { planPaths } from '../plans.paths.ts';
import { PlanCaption } from './plan-parts.tsx';

/** A comment form sent with a mistake: which one (a reply names its comment), what was typed, and why. */
export interface SentComment {
  replyTo: string | null;
  values: FormValues;
  errors: FormErrors;
}

/** The id of a comment form's textarea: one per reply form, so an error can point at the right one. */
export const commentFieldId = (replyTo: string | null) => (replyTo ? `reply-${replyTo}` : 'body');

function Comment({ comment }: { comment: CommentRow }): VNode {
  return (
    <>
      <p class="govuk-body govuk-!-margin-bottom-1">
        <strong>{comment.authorName}</strong>{' '}
        <span class="govuk-hint govuk-!-display-inline">{formatLondonDateTime(comment.createdAt)}</span>
      </p>
      <p class="govuk-body tandem-pre-line">{comment.body}</p>
    </>
  );
}

function CommentForm({
  comments,
  replyTo,
  sent,
  creationKey,
}: {
  comments: PriorityComments;
  replyTo: string | null;
  sent: SentComment | null;
  creationKey: string;
}): VNode {
  const mine = sent && sent.replyTo === replyTo ? sent : null;
  const id = commentFieldId(replyTo);
  return (
    <Form action={planPaths.comments(comments.plan.id, comments.priority.id)}>
      <input type="hidden" name="creationKey" value={creationKey} />
      {replyTo && <input type="hidden" name="replyTo" value={replyTo} />}
      <Textarea
        id={id}
        name="body"
        rows={replyTo ? 3 : 5}
        label={{ text: replyTo ? 'Your reply' : 'Your comment', classes: 'govuk-label--s' }}
        value={mine ? typedText(mine.values, 'body') : ''}
        errorMessage={mine?.errors.field('body')}
      />
      <Button text={replyTo ? 'Post the reply' : 'Post the comment'} preventDoubleClick />
    </Form>
  );
}

export function CommentsPage({
  comments,
  sent,
  done,
  creationKey,
}: {
  comments: PriorityComments;
  sent: SentComment | null;
  done: string | null;
  creationKey: string;
}): VNode {
  const { plan, priority, threads, mayComment } = comments;
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <BackLink href={planPaths.plan(plan.id)} text="Back to the plan" />
        <ErrorSummaryFor errors={sent?.errors ?? FormErrors.none()} />
        {done && <NotificationBanner type="success" text={done} />}
        <PlanCaption plan={plan} />
        <h1 class="govuk-heading-l">Comments on “{priority.title}”</h1>
        {threads.length === 0 && <p class="govuk-body">No comments yet.</p>}
        {threads.map(({ comment, replies }) => (
          <article key={comment.id} class="govuk-!-margin-bottom-6" aria-label={`Comment by ${comment.authorName}`}>
            <Comment comment={comment} />
            {replies.length > 0 && (
              <div class="govuk-inset-text govuk-!-margin-top-0">
                <h2 class="govuk-visually-hidden">Replies to {comment.authorName}</h2>
                {replies.map((reply) => (
                  <Comment key={reply.id} comment={reply} />
                ))}
              </div>
            )}
            {mayComment && (
              <Details
                summaryText={`Reply to ${comment.authorName}`}
                open={sent?.replyTo === comment.id}
                classes="govuk-!-margin-bottom-2"
              >
                <CommentForm comments={comments} replyTo={comment.id} sent={sent} creationKey={creationKey} />
              </Details>
            )}
            <hr class="govuk-section-break govuk-section-break--m govuk-section-break--visible" />
          </article>
        ))}
        {mayComment ? (
          <>
            <h2 class="govuk-heading-m">Add a comment</h2>
            <CommentForm comments={comments} replyTo={null} sent={sent} creationKey={creationKey} />
          </>
        ) : (
          <p class="govuk-body">
            {plan.status === 'closed'
              ? 'This plan is closed, so no more comments can be added.'
              : 'You can read these comments. The plan’s owners decide who may add to them.'}
          </p>
        )}
      </div>
    </div>
  );
}
