import type { ComponentChildren, VNode } from 'preact';
import { useRequestContext } from './request-context.ts';

export const CSRF_FIELD = '_csrf';

/**
 * Every state-changing form in Tandem: a plain POST (works without JavaScript) carrying
 * the CSRF token. `novalidate` because the server's messages are the ones people read.
 */
export function Form({ action, children, id }: { action: string; children: ComponentChildren; id?: string }): VNode {
  const { csrfToken } = useRequestContext();
  return (
    <form action={action} method="post" novalidate id={id}>
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      {children}
    </form>
  );
}
