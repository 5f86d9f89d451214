import type { ComponentChildren, VNode } from 'preact';
import { useRequestContext } from './request-context.ts';

export const CSRF_FIELD = '_csrf';

/**
 * Every state-changing form in Tandem: a plain POST (works without JavaScript) carrying
 * the CSRF token. `novalidate` because the server's messages are the ones people read.
 * A form with a file input posts as `multipart/form-data` (see src/platform/files).
 */
export function Form({
  action,
  children,
  id,
  enctype,
}: {
  action: string;
  children: ComponentChildren;
  id?: string;
  enctype?: 'multipart/form-data';
}): VNode {
  const { csrfToken } = useRequestContext();
  return (
    <form action={action} method="post" novalidate id={id} enctype={enctype}>
      <input type="hidden" name={CSRF_FIELD} value={csrfToken} />
      {children}
    </form>
  );
}
