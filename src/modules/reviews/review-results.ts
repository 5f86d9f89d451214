import type { FrameworkLevel } from '../frameworks/index.ts';

/**
 * The arithmetic of review results, pure so it can be tested alone: how many chose each level,
 * the middle answer, and where groups see a trust differently.
 */

export type Distribution = Record<string, number>;

/** How many chose each level; answers with no level (a draft) or an unknown one are not counted. */
export function distributionOf(
  levelKeys: ReadonlyArray<string | null>,
  levels: readonly FrameworkLevel[],
): Distribution {
  const counts: Distribution = Object.fromEntries(levels.map((level) => [level.key, 0]));
  for (const key of levelKeys) if (key !== null && key in counts) counts[key] = (counts[key] ?? 0) + 1;
  return counts;
}

export function responsesIn(distribution: Distribution): number {
  return Object.values(distribution).reduce((sum, count) => sum + count, 0);
}

/**
 * The middle answer (the lower of the two middles when the count is even, so a split never
 * reads as better than it is); null when nobody has answered.
 */
export function medianLevel(distribution: Distribution, levels: readonly FrameworkLevel[]): string | null {
  const total = responsesIn(distribution);
  if (total === 0) return null;
  const middle = Math.ceil(total / 2);
  let seen = 0;
  for (const level of levels) {
    seen += distribution[level.key] ?? 0;
    if (seen >= middle) return level.key;
  }
  return null;
}

/** Whether an anonymous review may show anything of these answers. */
export function enoughResponses(
  distribution: Distribution,
  { anonymous, minimumResponses }: { anonymous: boolean; minimumResponses: number },
): boolean {
  return !anonymous || responsesIn(distribution) >= minimumResponses;
}

export interface GroupAnswer {
  groupId: string;
  responses: number;
  /** The group's middle answer; null when nobody in it answered, or too few for an anonymous review. */
  levelKey: string | null;
}

export interface ElementComparison {
  elementKey: string;
  groups: GroupAnswer[];
  /** Levels between the most and least favourable group; 0 when they agree or fewer than two answered. */
  spread: number;
}

/**
 * Each group's middle answer per element, the elements where groups disagree most first (ties
 * in framework order), so a lead knows where to start the conversation.
 */
export function compareGroups({
  elementKeys,
  groupIds,
  answers,
  levels,
  anonymity,
}: {
  elementKeys: readonly string[];
  groupIds: readonly string[];
  answers: ReadonlyArray<{ elementKey: string; groupId: string; levelKey: string | null }>;
  levels: readonly FrameworkLevel[];
  anonymity: { anonymous: boolean; minimumResponses: number };
}): ElementComparison[] {
  const rank = new Map(levels.map((level, index) => [level.key, index]));
  const comparisons = elementKeys.map((elementKey, order) => {
    const groups = groupIds.map((groupId) => {
      const chosen = answers.filter((each) => each.elementKey === elementKey && each.groupId === groupId);
      const distribution = distributionOf(
        chosen.map((each) => each.levelKey),
        levels,
      );
      const shown = enoughResponses(distribution, anonymity);
      return {
        groupId,
        responses: responsesIn(distribution),
        levelKey: shown ? medianLevel(distribution, levels) : null,
      };
    });
    const ranks = groups.flatMap((group) => (group.levelKey === null ? [] : [rank.get(group.levelKey) ?? 0]));
    const spread = ranks.length < 2 ? 0 : Math.max(...ranks) - Math.min(...ranks);
    return { comparison: { elementKey, groups, spread }, order };
  });
  return comparisons
    .sort((a, b) => b.comparison.spread - a.comparison.spread || a.order - b.order)
    .map((each) => each.comparison);
}

export type Movement = 'up' | 'down' | 'same' | 'new' | 'not-agreed';

/** How an element's agreed level moved since the previous review (levels are weakest first). */
export function movementOf(
  previous: string | null,
  current: string | null,
  levels: readonly FrameworkLevel[],
): Movement {
  if (current === null) return 'not-agreed';
  if (previous === null) return 'new';
  const rank = (key: string) => levels.findIndex((level) => level.key === key);
  const change = rank(current) - rank(previous);
  return change > 0 ? 'up' : change < 0 ? 'down' : 'same';
}
