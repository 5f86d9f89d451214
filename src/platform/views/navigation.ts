import type { Viewer } from '../auth/viewer.ts';
import type { ServiceNavigationItem } from './components/service-navigation.tsx';

/**
 * Modules contribute the links of the service navigation; each link says who sees it.
 * The platform only filters and orders them, so it never learns a domain rule.
 */
export interface NavigationEntry {
  readonly label: string;
  readonly href: string;
  /** Lower comes first. */
  readonly order: number;
  readonly visibleTo: (viewer: Viewer | null) => boolean;
}

export class NavigationRegistry {
  readonly #entries: NavigationEntry[] = [];

  add(entry: NavigationEntry): void {
    if (this.#entries.some((existing) => existing.href === entry.href)) {
      throw new Error(`Navigation already has a link to ${entry.href}`);
    }
    this.#entries.push(entry);
    this.#entries.sort((a, b) => a.order - b.order);
  }

  /** The links this viewer may see, the one for the current section marked. */
  itemsFor(viewer: Viewer | null, currentPath: string): ServiceNavigationItem[] {
    const visible = this.#entries.filter((entry) => entry.visibleTo(viewer));
    const current = longestMatch(visible, currentPath);
    return visible.map((entry) => ({
      text: entry.label,
      href: entry.href,
      ...(entry === current ? (entry.href === currentPath ? { current: true } : { active: true }) : {}),
    }));
  }
}

function longestMatch(entries: NavigationEntry[], path: string): NavigationEntry | undefined {
  return entries
    .filter((entry) => path === entry.href || (entry.href !== '/' && path.startsWith(`${entry.href}/`)))
    .sort((a, b) => b.href.length - a.href.length)[0];
}
