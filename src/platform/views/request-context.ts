import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** What a page's parts may need from the request without every component passing it down. */
export interface RequestContext {
  readonly csrfToken: string;
}

export const RequestContextValue = createContext<RequestContext>({ csrfToken: '' });

export function useRequestContext(): RequestContext {
  return useContext(RequestContextValue);
}
