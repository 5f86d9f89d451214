import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import {
  establishmentColumns,
  ofstedColumns,
  trustColumns,
  validateEstablishmentRow,
  validateOfstedRow,
  validateTrustRow,
  type Validated,
} from './gias-rows.ts';

const school = {
  URN: '130912',
  EstablishmentName: 'Paddington Academy',
  'TypeOfEstablishment (name)': 'Academy sponsor led',
  'EstablishmentStatus (name)': 'Open',
  'PhaseOfEducation (name)': 'Secondary',
  'LA (name)': 'Westminster',
  'GOR (name)': 'London',
  Town: 'London',
  Postcode: 'W9 2DR',
  NumberOfPupils: '1259',
  'Trusts (code)': '5143',
};

const trust = {
  'Group UID': '2044',
  'Group Name': 'ABBEY ACADEMIES TRUST',
  'Group Type': 'Multi-academy trust',
  'Companies House Number': '07318714',
  'Group Town': 'Bourne',
  'Group Postcode': 'PE10 9EP',
};

function reasonOf<T>(result: Validated<T>): string {
  assert.equal(result.ok, false, 'expected a rejection');
  return result.ok ? '' : result.reason;
}

test('an establishment row becomes a typed school record', () => {
  assert.deepEqual(validateEstablishmentRow(school), {
    ok: true,
    record: {
      urn: 130912,
      name: 'Paddington Academy',
      phase: 'Secondary',
      establishmentType: 'Academy sponsor led',
      status: 'open',
      localAuthority: 'Westminster',
      region: 'London',
      town: 'London',
      postcode: 'W9 2DR',
      pupilCount: 1259,
      trustUid: 5143,
    },
  });
});

test('"Not applicable", empty cells and surrounding spaces become nothing; every GIAS status is known', () => {
  const result = validateEstablishmentRow({
    ...school,
    'PhaseOfEducation (name)': 'Not applicable',
    'GOR (name)': 'Not Applicable',
    NumberOfPupils: '',
    'Trusts (code)': '',
    Town: '  Barnsley ',
    'EstablishmentStatus (name)': 'Open, but proposed to close',
  });
  assert.ok(result.ok);
  assert.equal(result.record.phase, null);
  assert.equal(result.record.region, null);
  assert.equal(result.record.pupilCount, null);
  assert.equal(result.record.trustUid, null);
  assert.equal(result.record.town, 'Barnsley');
  assert.equal(result.record.status, 'open_proposed_to_close');
  const statuses = ['Closed', 'Proposed to open', 'Open'].map((status) => {
    const validated = validateEstablishmentRow({ ...school, 'EstablishmentStatus (name)': status });
    return validated.ok ? validated.record.status : validated.reason;
  });
  assert.deepEqual(statuses, ['closed', 'proposed_to_open', 'open']);
});

test('a bad establishment row is rejected with every reason, naming the column and quoting the value', () => {
  assert.equal(reasonOf(validateEstablishmentRow({ ...school, URN: 'abc' })), 'URN "abc" is not a number');
  assert.equal(reasonOf(validateEstablishmentRow({ ...school, URN: '' })), 'URN is empty');
  assert.equal(
    reasonOf(validateEstablishmentRow({ ...school, NumberOfPupils: '12.5', EstablishmentName: ' ' })),
    'EstablishmentName is empty; NumberOfPupils "12.5" is not a number',
  );
  assert.equal(
    reasonOf(validateEstablishmentRow({ ...school, 'EstablishmentStatus (name)': 'Shut' })),
    'EstablishmentStatus (name) "Shut" is not Open, Closed, Proposed to open or Open, but proposed to close',
  );
  assert.equal(
    reasonOf(validateEstablishmentRow({ ...school, URN: '1'.repeat(12) })),
    'URN "111111111111" is not a number',
  );
  assert.equal(
    reasonOf(validateEstablishmentRow({ ...school, URN: 'y'.repeat(100) })),
    `URN "${'y'.repeat(40)}…" is not a number`,
    'a long value is cut in the message',
  );
});

test('a status or trust type spelt like a property every object has is not taken for a known one', () => {
  assert.equal(
    reasonOf(validateEstablishmentRow({ ...school, 'EstablishmentStatus (name)': 'constructor' })),
    'EstablishmentStatus (name) "constructor" is not Open, Closed, Proposed to open or Open, but proposed to close',
  );
  const trustType = validateTrustRow({ ...trust, 'Group Type': 'toString' });
  assert.equal(trustType.ok && trustType.record.trustType, 'other');
});

test('a long town is accepted; a NUL character, which PostgreSQL cannot store, is not', () => {
  assert.equal(validateEstablishmentRow({ ...school, Town: 'x'.repeat(500) }).ok, true);
  assert.equal(reasonOf(validateEstablishmentRow({ ...school, Town: 'a\u0000b' })), 'Town contains a NUL character');
});

test('trust types map to multi-academy, single-academy or other; an empty type stays unknown', () => {
  const typeOf = (groupType: string) => {
    const result = validateTrustRow({ ...trust, 'Group Type': groupType });
    return result.ok ? result.record.trustType : result.reason;
  };
  assert.equal(typeOf('Multi-academy trust'), 'multi_academy');
  assert.equal(typeOf('Single-academy trust'), 'single_academy');
  assert.equal(typeOf('Trust'), 'other');
  assert.equal(typeOf(''), null);
});

test('Companies House numbers keep or regain their leading zeros; letters prefixes are kept', () => {
  const numberOf = (value: string) => {
    const result = validateTrustRow({ ...trust, 'Companies House Number': value });
    return result.ok ? result.record.companiesHouseNumber : result.reason;
  };
  assert.equal(numberOf('07318714'), '07318714');
  assert.equal(numberOf('7318714'), '07318714');
  assert.equal(numberOf('sc123456'), 'SC123456');
  assert.equal(numberOf(''), null);
  assert.equal(numberOf('7318714.0'), 'Companies House Number "7318714.0" is not 8 digits, or 2 letters and 6 digits');
});

test('Ofsted dates are dd-mm-yyyy (or ISO) and must exist; a blank rating is kept as none', () => {
  assert.deepEqual(validateOfstedRow({ URN: '131749', 'OfstedRating (name)': 'Good', OfstedLastInsp: '28-01-2020' }), {
    ok: true,
    record: { urn: 131749, rating: 'Good', inspectionDate: '2020-01-28' },
  });
  const isoDated = validateOfstedRow({ URN: '1', 'OfstedRating (name)': '', OfstedLastInsp: '2024-07-24' });
  assert.deepEqual(isoDated, { ok: true, record: { urn: 1, rating: null, inspectionDate: '2024-07-24' } });
  for (const date of ['31-02-2024', '2024', '13/13/2020', '00-01-2020']) {
    assert.equal(
      reasonOf(validateOfstedRow({ URN: '1', 'OfstedRating (name)': 'Good', OfstedLastInsp: date })),
      `OfstedLastInsp "${date}" is not a date (dd-mm-yyyy)`,
    );
  }
});

/** Values a register file might hold, and values it should not. */
const cellValue = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme' }),
  fc.integer().map(String),
  fc.constantFrom('', ' ', 'Not applicable', 'Open', '31-12-2024', '99999999999', '\u0000', '-1', '1e3', '0x10'),
);

function rowsFor(columns: readonly string[]) {
  return fc.record(Object.fromEntries(columns.map((column) => [column, cellValue])), { requiredKeys: [] });
}

test('no row makes a validator throw: each is accepted or rejected with a reason', () => {
  const cases = [
    [validateTrustRow, trustColumns],
    [validateEstablishmentRow, establishmentColumns],
    [validateOfstedRow, ofstedColumns],
  ] as const;
  for (const [validate, columns] of cases) {
    fc.assert(
      fc.property(fc.oneof(rowsFor(columns), fc.anything()), (row) => {
        const result: Validated<unknown> = validate(row);
        if (!result.ok) assert.ok(result.reason.length > 0, 'a rejection has a reason');
      }),
      { numRuns: 400 },
    );
  }
});
