import type { Role } from '../../src/modules/people/roles.ts';
import type { SignedIn } from '../../test/support/sign-in.ts';

export type Visitor = 'signed-out' | Role;

/** One page, opened in the browser by each of `visitors` (see e2e/pages.test.ts). */
export interface PageVisit {
  name: string;
  /** The catalogued route this visit covers; null for pages that are not routes (error pages). */
  route: string | null;
  /** The URL to open: for a route with parameters, a real one. */
  path: string;
  /** For a URL that depends on the visitor (e.g. their organisation's id); `path` then names it in reports. */
  pathFor?: (signedIn: SignedIn | null) => string;
  visitors: Visitor[];
  status: number;
  /** What the h1 says, which may depend on who is looking. */
  heading: (signedIn: SignedIn | null) => string | RegExp;
  /** Sets the scene once the visitor is signed in, for pages that show nothing without data. */
  prepare?: (signedIn: SignedIn | null) => Promise<void>;
}
