import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { assessMentor, type MenteePreferences, type MentorProfile, rankMentors } from './matching.ts';
import { ENGLISH_REGIONS, PHASES, TRUST_SIZE_BANDS, trustSizeBandFor } from './mentor-profile-terms.ts';

const mentee: MenteePreferences = {
  trustId: 'trust-mentee',
  themes: ['Turnaround', 'church schools', 'Finance'],
  phases: ['primary', 'secondary'],
  trustSize: 'medium',
  wantsGrowthExperience: true,
  wantsMergerExperience: true,
  region: 'South West',
  locality: 'independent',
  otherWishes: 'Someone who has led through a falling roll',
};

function mentor(id: string, changes: Partial<MentorProfile> = {}): MentorProfile {
  return {
    id,
    name: `Mentor ${id}`,
    trustId: `trust-of-${id}`,
    experienceTags: ['turnaround', 'Church  Schools', 'finance'],
    phases: ['primary', 'secondary'],
    trustSizes: ['medium'],
    hasGrownATrust: true,
    hasLedAMerger: true,
    region: 'London',
    capacity: 3,
    activePartnerships: 0,
    available: true,
    conflictTrustIds: [],
    checkedByProvider: true,
    ...changes,
  };
}

const order = (ranking: { ranked: Array<{ mentor: MentorProfile }> }) => ranking.ranked.map((entry) => entry.mentor.id);

test('a mentor who offers everything asked for scores 100, with a reason in words for each point', () => {
  const [best] = rankMentors(mentee, [mentor('a')]).ranked;
  assert.deepEqual(best, {
    mentor: mentor('a'),
    score: 100,
    reasons: [
      'Experience of all the themes you asked for: Turnaround, church schools and Finance',
      'Experience of all the phases you asked for: primary and secondary',
      'Knows trusts of your size (6 to 15 schools)',
      'Has grown a trust',
      'Has led a trust through a merger',
      'Independent of your region, as you asked: works in London',
      '3 of 3 places left',
    ],
    concerns: [],
  });
});

test('partial fits earn a share of each weight and say what is missing', () => {
  const partial = mentor('b', {
    experienceTags: ['Turnaround', 'finance', 'SEND'],
    phases: ['primary', 'special'],
    trustSizes: ['large'],
    hasLedAMerger: false,
    region: 'South West',
    capacity: 4,
    activePartnerships: 1,
  });
  // themes 30 × 2/3 + phases 15 × 1/2 + size 5 (a neighbouring band) + growth 10 + capacity 10 × 3/4 = 50
  assert.deepEqual(assessMentor(mentee, partial), {
    mentor: partial,
    score: 50,
    reasons: [
      'Experience of 2 of the 3 themes you asked for: Turnaround and Finance',
      'Experience of 1 of the 2 phases you asked for: primary',
      'Knows trusts of a similar size (16 to 30 schools)',
      'Has grown a trust',
      '3 of 4 places left',
    ],
    concerns: [
      'Has not led a trust through a merger',
      'Works in your region (South West), and you asked for someone independent of it',
    ],
  });
  const none = assessMentor(mentee, mentor('c', { experienceTags: [], phases: ['special'], trustSizes: ['single'] }));
  assert.deepEqual(none.concerns.slice(0, 3), [
    'No experience of the themes you asked for',
    'No experience of the phases you asked for',
    'No experience of trusts your size (6 to 15 schools)',
  ]);
  assert.equal(none.score, 100 - 30 - 15 - 10);
});

test('local knowledge or independence: the same two mentors change places when the mentee changes their mind', () => {
  const local = mentor('local', { region: 'South West' });
  const away = mentor('away', { region: 'North East' });
  const independent = rankMentors(mentee, [local, away]);
  assert.deepEqual(order(independent), ['away', 'local']);
  assert.deepEqual(
    independent.ranked.map((entry) => entry.score),
    [100, 85],
  );

  const wantsLocal = rankMentors({ ...mentee, locality: 'local knowledge' }, [local, away]);
  assert.deepEqual(order(wantsLocal), ['local', 'away']);
  assert.ok(wantsLocal.ranked[0]?.reasons.includes('Works in the same region (South West)'));
  assert.ok(
    wantsLocal.ranked[1]?.concerns.includes('Works in another region (North East), and you asked for local knowledge'),
  );

  const noPreference = rankMentors({ ...mentee, locality: 'no preference' }, [local, away]);
  assert.deepEqual(
    noPreference.ranked.map((entry) => [entry.mentor.id, entry.score]),
    [
      ['away', 100],
      ['local', 100],
    ],
    'region not scored: equal, then by name',
  );
  assert.ok(noPreference.ranked.every((entry) => !entry.reasons.some((reason) => /region/i.test(reason))));

  const regionUnknown = assessMentor(mentee, mentor('x', { region: null }));
  assert.deepEqual(regionUnknown.concerns, ['Has not said which region they work in']);
  assert.equal(assessMentor({ ...mentee, region: null }, local).score, 100, 'no region of our own: nothing to judge');
});

test('hard exclusions, each said in words, never ranked; a mentor may have several', () => {
  const mentors = [
    mentor('same', { name: 'Ada', trustId: 'trust-mentee' }),
    mentor('conflict', { name: 'Bea', conflictTrustIds: ['trust-other', 'trust-mentee'] }),
    mentor('full', { name: 'Cal', capacity: 3, activePartnerships: 3 }),
    mentor('over', { name: 'Dee', capacity: 2, activePartnerships: 5 }),
    mentor('none', { name: 'Eve', capacity: 0 }),
    mentor('away', { name: 'Fay', available: false }),
    mentor('unchecked', { name: 'Gus', checkedByProvider: false }),
    mentor('many', { name: 'Hal', trustId: 'trust-mentee', available: false, checkedByProvider: false }),
    mentor('fine', { name: 'Ivy' }),
  ];
  const ranking = rankMentors(mentee, mentors);
  assert.deepEqual(order(ranking), ['fine']);
  assert.deepEqual(
    ranking.excluded.map((entry) => [entry.mentor.name, entry.exclusions]),
    [
      ['Ada', ['Works in your trust']],
      ['Bea', ['Has declared a conflict of interest with your trust']],
      ['Cal', ['No places left (3 of 3 taken)']],
      ['Dee', ['No places left (5 of 2 taken)']],
      ['Eve', ['Has no places for mentees']],
      ['Fay', ['Not available at the moment']],
      ['Gus', ['Profile not yet checked by the provider']],
      ['Hal', ['Works in your trust', 'Not available at the moment', 'Profile not yet checked by the provider']],
    ],
  );
});

test('a mentee without a trust is never "the same trust" as a mentor without one', () => {
  const ranking = rankMentors({ ...mentee, trustId: null }, [mentor('a', { trustId: null, conflictTrustIds: [] })]);
  assert.deepEqual(order(ranking), ['a']);
});

test('capacity: places left are said and counted, so a busier mentor comes after an equal one', () => {
  const ranking = rankMentors(mentee, [
    mentor('busy', { name: 'A busy mentor', capacity: 3, activePartnerships: 2 }),
    mentor('free', { name: 'Z free mentor', capacity: 3, activePartnerships: 0 }),
    mentor('single', { name: 'M', capacity: 1, activePartnerships: 0 }),
  ]);
  assert.deepEqual(
    ranking.ranked.map((entry) => [entry.mentor.id, entry.score, entry.reasons.at(-1)]),
    [
      ['free', 100, '3 of 3 places left'],
      ['single', 100, '1 of 1 place left'],
      ['busy', 93, '1 of 3 places left'],
    ],
  );
});

test('ties are broken by places left, then name ignoring case and accents, then id', () => {
  // 1 of 2 and 2 of 4 places left are the same share: equal scores, more places first.
  const ranking = rankMentors(mentee, [
    mentor('half-of-two', { name: 'Aaron', capacity: 2, activePartnerships: 1 }),
    mentor('half-of-four', { name: 'Zoe', capacity: 4, activePartnerships: 2 }),
    mentor('id-2', { name: 'émile' }),
    mentor('id-1', { name: 'Emile' }),
    mentor('id-3', { name: 'Eddie' }),
  ]);
  assert.deepEqual(order(ranking), ['id-3', 'id-1', 'id-2', 'half-of-four', 'half-of-two']);
  assert.equal(ranking.ranked[3]?.score, ranking.ranked[4]?.score);
});

test('themes are compared ignoring case and spacing, each counted once; other wishes are never scored', () => {
  const repeated = { ...mentee, themes: ['turnaround', ' TURNAROUND ', '', 'Finance'] };
  const offered = mentor('a', { experienceTags: ['Turnaround'] });
  assert.deepEqual(
    assessMentor(repeated, offered).reasons[0],
    'Experience of 1 of the 2 themes you asked for: turnaround',
  );
  const scoreWith = (otherWishes: string) => assessMentor({ ...mentee, otherWishes }, offered);
  assert.deepEqual(scoreWith('Finance and church schools please'), scoreWith(''));
});

test('with nothing asked for, only capacity counts', () => {
  const nothing: MenteePreferences = {
    trustId: 'trust-mentee',
    themes: [],
    phases: [],
    trustSize: null,
    wantsGrowthExperience: false,
    wantsMergerExperience: false,
    region: 'London',
    locality: 'no preference',
    otherWishes: '',
  };
  const result = assessMentor(nothing, mentor('a', { capacity: 4, activePartnerships: 3, experienceTags: [] }));
  assert.deepEqual(result, { mentor: result.mentor, score: 25, reasons: ['1 of 4 places left'], concerns: [] });
});

test('trust size bands by number of schools', () => {
  const bands = [1, 2, 5, 6, 15, 16, 30, 31, 400].map(trustSizeBandFor);
  assert.deepEqual(bands, [
    'single',
    'small',
    'small',
    'medium',
    'medium',
    'large',
    'large',
    'very-large',
    'very-large',
  ]);
  assert.throws(() => trustSizeBandFor(0), RangeError);
  assert.throws(() => trustSizeBandFor(2.5), RangeError);
});

const someOf = <T>(items: readonly T[]) => fc.subarray([...items]);
const anyMentor = fc.record({
  id: fc.uuid(),
  name: fc.constantFrom('Ann', 'ann', 'Bo', 'Ćira', 'Dev'),
  trustId: fc.constantFrom('trust-mentee', 't1', 't2', null),
  experienceTags: someOf(['turnaround', 'finance', 'church schools', 'SEND']),
  phases: someOf(PHASES),
  trustSizes: someOf(TRUST_SIZE_BANDS),
  hasGrownATrust: fc.boolean(),
  hasLedAMerger: fc.boolean(),
  region: fc.option(fc.constantFrom(...ENGLISH_REGIONS), { nil: null }),
  capacity: fc.integer({ min: 0, max: 5 }),
  activePartnerships: fc.integer({ min: 0, max: 5 }),
  available: fc.boolean(),
  conflictTrustIds: someOf(['trust-mentee', 't1']),
  checkedByProvider: fc.boolean(),
});

test('property: every mentor is ranked or excluded, scores are 0 to 100, and input order never matters', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(anyMentor, { selector: (m) => m.id, maxLength: 12 }),
      fc.constantFrom('local knowledge', 'independent', 'no preference' as const),
      (mentors, locality) => {
        const preferences = { ...mentee, locality };
        const ranking = rankMentors(preferences, mentors);
        assert.equal(ranking.ranked.length + ranking.excluded.length, mentors.length);
        for (const entry of ranking.ranked) {
          assert.ok(Number.isInteger(entry.score) && entry.score >= 0 && entry.score <= 100);
          assert.notEqual(entry.mentor.trustId, 'trust-mentee');
          assert.ok(entry.mentor.activePartnerships < entry.mentor.capacity && entry.mentor.available);
        }
        for (const entry of ranking.excluded) assert.ok(entry.exclusions.length > 0);
        const scores = ranking.ranked.map((entry) => entry.score);
        assert.deepEqual(
          scores,
          scores.toSorted((a, b) => b - a),
        );
        const reversed = rankMentors(preferences, mentors.toReversed());
        assert.deepEqual(order(reversed), order(ranking));
        assert.deepEqual(
          reversed.excluded.map((entry) => entry.mentor.id),
          ranking.excluded.map((entry) => entry.mentor.id),
        );
      },
    ),
  );
});
