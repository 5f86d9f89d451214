import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { editOrganisationSchema, listQuerySchema, newOrganisationSchema } from './organisations.schemas.ts';
import { searchFilter } from './organisations.service.ts';
import { organisationKinds } from './organisations.tables.ts';

const field = fc.oneof(fc.string({ maxLength: 30 }), fc.array(fc.string({ maxLength: 5 }), { maxLength: 2 }));

test('no form body makes the schemas throw, and what they accept fits the columns', () => {
  fc.assert(
    fc.property(
      fc.dictionary(fc.constantFrom('kind', 'name', 'urn', 'groupUid', 'companiesHouseNumber', 'version', 'q'), field),
      fc.constantFrom(...organisationKinds),
      (body, kind) => {
        for (const result of [newOrganisationSchema.safeParse(body), editOrganisationSchema(kind).safeParse(body)]) {
          if (!result.success) continue;
          const details = 'details' in result.data ? result.data.details : result.data;
          for (const number of [details.urn, details.groupUid]) {
            if (number !== null) assert.ok(Number.isInteger(number) && number > 0 && number < 2 ** 31);
          }
        }
        listQuerySchema.safeParse(body);
      },
    ),
  );
});

test('each kind keeps only its own identifiers, written the register’s way', () => {
  const typed = { name: ' Oak ', urn: '123456', groupUid: '2044', companiesHouseNumber: 'sc 123456' };
  const parse = (kind: string) => newOrganisationSchema.parse({ ...typed, kind });
  assert.deepEqual(parse('school'), {
    kind: 'school',
    name: 'Oak',
    urn: 123456,
    groupUid: null,
    companiesHouseNumber: null,
  });
  assert.deepEqual(parse('trust'), {
    kind: 'trust',
    name: 'Oak',
    urn: null,
    groupUid: 2044,
    companiesHouseNumber: 'SC123456',
  });
  assert.deepEqual(parse('provider'), {
    kind: 'provider',
    name: 'Oak',
    urn: null,
    groupUid: null,
    companiesHouseNumber: null,
  });
});

test('URNs, group UIDs and Companies House numbers: the right shapes pass, the messages say why others fail', () => {
  const messages = (body: Record<string, string>) =>
    newOrganisationSchema.safeParse({ name: 'A', ...body }).error?.issues.map((issue) => issue.message) ?? [];
  assert.deepEqual(messages({ kind: 'school', urn: '100000' }), []);
  for (const urn of ['12345', '1234567', '012345', 'abcdef', '12 345']) {
    assert.deepEqual(messages({ kind: 'school', urn }), ['URN must be a 6-digit number'], urn);
  }
  assert.deepEqual(
    messages({ kind: 'trust', groupUid: '2044', companiesHouseNumber: '' }),
    [],
    'the number is optional',
  );
  for (const number of ['07318714', 'SC123456', 'ni 012345']) {
    assert.deepEqual(messages({ kind: 'trust', groupUid: '1', companiesHouseNumber: number }), [], number);
  }
  for (const number of ['1234567', 'SCX12345', '123456789']) {
    assert.match(messages({ kind: 'trust', groupUid: '1', companiesHouseNumber: number })[0] ?? '', /8 characters/);
  }
  assert.deepEqual(messages({ kind: 'trust', groupUid: '' }), ["Enter the trust's group UID"]);
  assert.deepEqual(messages({ kind: 'trust', groupUid: '1234567890' }), ['Group UID must be a number, like 2044']);
});

test('a search reads as a name, an identifier when it is a number, and a company number when it looks like one', () => {
  assert.deepEqual(searchFilter('', null, null), {
    kind: null,
    trustId: null,
    nameContains: null,
    identifier: null,
    companiesHouseNumber: null,
  });
  assert.equal(searchFilter('2044', null, null).identifier, 2044);
  assert.equal(searchFilter('12345678901', null, null).identifier, null, 'too long for the column');
  assert.equal(searchFilter('sc123456', null, null).companiesHouseNumber, 'SC123456');
  assert.equal(searchFilter('Oak Academy', 'school', null).companiesHouseNumber, null);
});
