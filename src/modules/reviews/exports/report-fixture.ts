/**
 * Small review reports for tests of anything that shows one: a named review with awkward text
 * (formula-like rationales, quotes, new lines, non-Latin names), its anonymous twin and a
 * framework as large as the schema allows.
 */
import type { ReportElement, ReportHeading, ReportLevel, ReviewReport } from '../review-report.ts';

export const fixtureNames = {
  accented: 'Zoë Ångström – Łódź',
  plain: 'Sam Patel',
};

export const fixtureLevels: ReportLevel[] = [
  { key: 'inadequate', label: 'Inadequate', colour: '#d4351c', rank: 0 },
  { key: 'requires-improvement', label: 'Requires improvement', colour: '#ffdd00', rank: 1 },
  { key: 'good', label: 'Good', colour: '#00703c', rank: 2 },
  { key: 'outstanding', label: 'Outstanding', colour: '#1d70b8', rank: 3 },
];

function counts(values: Partial<Record<string, number>>): Record<string, number> {
  return Object.fromEntries(fixtureLevels.map((level) => [level.key, values[level.key] ?? 0]));
}

function leadership(): ReportHeading {
  return {
    key: 'leadership',
    name: 'Leadership and governance',
    elements: [
      {
        key: 'vision',
        name: 'Vision, culture and ethos',
        agreed: { levelKey: 'good', rationale: 'Shared widely, "lived" by staff,\nand reviewed yearly' },
        ratings: [
          {
            participantName: fixtureNames.accented,
            groupName: 'Trust board',
            levelKey: 'good',
            rationale: '=HYPERLINK("http://evil")',
            evidenceText: 'Minutes, "March"\nand April',
            evidenceNames: ['minutes.pdf', 'https://example.test/plan'],
          },
          {
            participantName: fixtureNames.plain,
            groupName: 'Executive team',
            levelKey: 'outstanding',
            rationale: '+1',
            evidenceText: '-1',
            evidenceNames: ['@SUM(A1)'],
          },
        ],
        responses: 2,
        distribution: counts({ good: 1, outstanding: 1 }),
      },
      {
        key: 'accountability',
        name: 'Accountability',
        agreed: null,
        ratings: [
          {
            participantName: fixtureNames.plain,
            groupName: 'Executive team',
            levelKey: null,
            rationale: 'Still gathering evidence',
            evidenceText: '',
            evidenceNames: [],
          },
        ],
        responses: 0,
        distribution: counts({}),
      },
    ],
  };
}

function education(): ReportHeading {
  return {
    key: 'education',
    name: 'Quality of education',
    elements: [
      {
        key: 'curriculum',
        name: 'Curriculum',
        agreed: { levelKey: 'inadequate', rationale: 'Gaps in key stage 3' },
        ratings: [],
        responses: 3,
        distribution: counts({ inadequate: 2, 'requires-improvement': 1 }),
      },
    ],
  };
}

export function namedReport(overrides: Partial<ReviewReport> = {}): ReviewReport {
  return {
    reviewId: '00000000-0000-4000-8000-000000000001',
    title: 'Autumn self-review 2026',
    organisationName: 'Oak Learning Trust',
    frameworkName: 'Trust development',
    frameworkVersionNumber: 2,
    status: 'closed',
    anonymous: false,
    minimumResponses: 3,
    closedAt: new Date('2026-11-24T15:05:00Z'),
    generatedAt: new Date('2026-11-25T09:00:00Z'),
    levels: fixtureLevels,
    headings: [leadership(), education()],
    ...overrides,
  };
}

/**
 * Anonymous, with one element below the minimum. Its elements still carry named ratings, which
 * a real anonymous report never does: the exports must leave them out all the same.
 */
export function anonymousReport(): ReviewReport {
  const report = namedReport({ anonymous: true, status: 'open', closedAt: null });
  for (const heading of report.headings) {
    for (const element of heading.elements) if (element.key === 'accountability') element.distribution = null;
  }
  return report;
}

/** `headings` × `elements`, with long names, every level in turn and a few not agreed. */
export function largeReport(headings: number, elements: number): ReviewReport {
  const long = (text: string) => `${text} ${'and a good deal more besides '.repeat(6).trim()}`;
  return namedReport({
    headings: Array.from({ length: headings }, (_, h) => ({
      key: `heading-${h + 1}`,
      name: long(`Heading ${h + 1}`),
      elements: Array.from({ length: elements }, (_, e): ReportElement => {
        const level = fixtureLevels[(h + e) % fixtureLevels.length];
        return {
          key: `element-${h + 1}-${e + 1}`,
          name: long(`Element ${h + 1}.${e + 1}`),
          agreed: level && e % 7 !== 3 ? { levelKey: level.key, rationale: '' } : null,
          ratings: [],
          responses: 4,
          distribution: counts({ good: 3, outstanding: 1 }),
        };
      }),
    })),
  });
}
