import type { VNode } from 'preact';

import type { ErrorPageText } from '../http/app-error.ts';

/** What each error says: what happened and what the person can do, never a stack trace. */
const contentByStatus: Record<number, ErrorPageText> = {
  400: {
    title: 'Sorry, there is a problem with that request',
    paragraphs: [
      'Tandem could not understand what your browser sent.',
      'Go back, check what you entered and try again.',
    ],
  },
  403: {
    title: 'You do not have permission to do that',
    paragraphs: [
      'Your account does not allow this, or the form you sent had expired.',
      'If you were filling in a form, go back, reload the page and try again. Nothing you entered has been saved.',
    ],
  },
  404: {
    title: 'Page not found',
    paragraphs: [
      'If you typed the web address, check it is correct.',
      'If you pasted the web address, check you copied the entire address.',
    ],
  },
  409: {
    title: 'Someone else changed this at the same time',
    paragraphs: ['Go back and reload the page to see the latest version, then make your change again.'],
  },
  413: {
    title: 'What you sent is too large',
    paragraphs: ['Go back and send a smaller file or shorter text. Nothing has been saved.'],
  },
  429: {
    title: 'Too many attempts',
    paragraphs: ['Wait a few minutes and try again.'],
  },
  500: {
    title: 'Sorry, there is a problem with the service',
    paragraphs: [
      'Try again later. If you were saving something, check whether it was saved before you enter it again.',
    ],
  },
  503: {
    title: 'Sorry, the service is unavailable',
    paragraphs: ['Tandem is restarting or under maintenance. Try again in a few minutes.'],
  },
};

export function errorContent(status: number): ErrorPageText {
  return (
    contentByStatus[status] ??
    (status >= 500 ? contentByStatus[500] : contentByStatus[400]) ?? { title: 'Error', paragraphs: [] }
  );
}

export function ErrorPage({
  status,
  content,
  requestId,
}: {
  status: number;
  content: ErrorPageText;
  requestId: string;
}): VNode {
  const link = content.link ?? { href: '/', text: 'Go to the Tandem home page' };
  return (
    <div class="govuk-grid-row">
      <div class="govuk-grid-column-two-thirds">
        <h1 class="govuk-heading-l">{content.title}</h1>
        {content.paragraphs.map((paragraph) => (
          <p class="govuk-body">{paragraph}</p>
        ))}
        <p class="govuk-body">
          <a href={link.href} class="govuk-link">
            {link.text}
          </a>
        </p>
        {status >= 500 && <p class="govuk-body-s">If you contact support, quote reference {requestId}.</p>}
      </div>
    </div>
  );
}
