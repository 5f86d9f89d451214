import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  agreementValues,
  budgetSplitInWords,
  fillAgreementTemplate,
  formatFee,
  namesInWords,
} from './agreement-text.ts';
import { DEFAULT_AGREEMENT_TEMPLATE } from './service-defaults.ts';
import { DEFAULT_TIME_BUDGET } from './time-budget.ts';

const facts = {
  participants: [
    { displayName: 'Sam Patel', side: 'mentee' as const },
    { displayName: 'Ada Mentor', side: 'mentor' as const },
  ],
  menteeTrustName: 'Carrow Trust',
  providerName: 'Northern Leaders',
  serviceName: 'CEO mentoring',
  startsOn: '2026-09-01',
  endsOn: '2027-08-31',
  budget: DEFAULT_TIME_BUDGET,
  meetingPattern: 'One half-day meeting each half-term (six a year)',
  feePence: 250_000,
};

test('the default template is filled from the partnership, leaving no placeholder', () => {
  const text = fillAgreementTemplate(DEFAULT_AGREEMENT_TEMPLATE, agreementValues(facts));
  assert.doesNotMatch(text, /\{[A-Za-z]+\}/);
  assert.match(text, /Between Sam Patel \(the mentee, of Carrow Trust\) and Ada Mentor \(the mentor\)/);
  assert.match(text, /arranged by Northern Leaders through its service "CEO mentoring"/);
  assert.match(text, /runs from 1 September 2026 to 31 August 2027/);
  assert.match(text, /gives 56 hours \(8 days of 7 hours\) to the partnership: reading 1 day, school visits 1 day,/);
  assert.match(text, /establishing the partnership 3\.5 hours, meetings 5 days 3\.5 hours/);
  assert.match(text, /One half-day meeting each half-term \(six a year\)\. The mentee sets the agenda/);
  assert.match(text, /Fee\n£2,500\.00 plus VAT/);
});

test('an unknown placeholder is left visible; a known one is filled wherever it appears', () => {
  assert.equal(
    fillAgreementTemplate('{mentee} meets {mentor} at {venue}; {mentee} chairs.', { mentee: 'Sam', mentor: 'Ada' }),
    'Sam meets Ada at {venue}; Sam chairs.',
  );
  assert.equal(fillAgreementTemplate('{toString} {constructor}', {}), '{toString} {constructor}');
  assert.equal(fillAgreementTemplate('{ mentee } {}', { mentee: 'Sam' }), '{ mentee } {}');
});

test('fees, names and the budget split read as people write them', () => {
  assert.equal(formatFee(250_000), '£2,500.00 plus VAT');
  assert.equal(formatFee(99), '£0.99 plus VAT');
  assert.equal(formatFee(0), 'No fee');
  assert.equal(namesInWords([]), '');
  assert.equal(namesInWords(['A', 'B', 'C']), 'A, B and C');
  assert.equal(
    budgetSplitInWords({
      totalMinutes: 120,
      minutes: { reading: 60, 'school-visits': 0, establishing: 30, meetings: 30 },
    }),
    'reading 1 hour, school visits 0 hours, establishing the partnership 0.5 hours, meetings 0.5 hours',
  );
});

test('in a peer triad the peers stand on both sides; without a mentee trust nothing is added', () => {
  const values = agreementValues({
    ...facts,
    menteeTrustName: null,
    participants: [
      { displayName: 'A', side: 'peer' },
      { displayName: 'B', side: 'peer' },
    ],
  });
  assert.equal(values.mentee, 'A and B');
  assert.equal(values.mentor, 'A and B');
  assert.equal(values.menteeTrust, '');
});
