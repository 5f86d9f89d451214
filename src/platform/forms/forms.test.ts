import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { z } from 'zod';
import { checkboxes, choice, email, optionalText, requiredText } from './fields.ts';
import { FormErrors, parseForm } from './forms.ts';

const schema = z.object({
  name: requiredText('Enter your full name', {
    maxLength: 10,
    whenTooLong: 'Full name must be 10 characters or fewer',
  }),
  email: email('Enter your email address'),
  phase: choice(['primary', 'secondary'], 'Select the phase'),
  regions: checkboxes(['north', 'south'], { atLeastOne: 'Select at least one region' }),
  note: optionalText({ maxLength: 5 }),
});

test('a good form gives typed, trimmed data', () => {
  const result = parseForm(schema, {
    _csrf: 'token',
    name: ' Ada ',
    email: 'ada@example.test',
    phase: 'primary',
    regions: 'north',
    note: '',
  });
  assert.equal(result.ok, true);
  assert.ok(result.ok);
  assert.deepEqual(result.data, {
    name: 'Ada',
    email: 'ada@example.test',
    phase: 'primary',
    regions: ['north'],
    note: '',
  });
  assert.equal('_csrf' in result.values, false, 'the token is never echoed back as a value');
});

test('missing fields get the messages written for people, in field order', () => {
  const result = parseForm(schema, {});
  assert.equal(result.ok, false);
  assert.ok(!result.ok);
  assert.deepEqual(result.errors.summary, [
    { text: 'Enter your full name', href: '#name' },
    { text: 'Enter your email address', href: '#email' },
    { text: 'Select the phase', href: '#phase' },
    { text: 'Select at least one region', href: '#regions' },
  ]);
  assert.deepEqual(result.errors.field('email'), { text: 'Enter your email address' });
  assert.equal(result.errors.field('note'), undefined);
});

test('wrong values are explained, and what was typed is kept', () => {
  const body = {
    name: 'A very long name',
    email: 'not an email',
    phase: 'nursery',
    regions: ['north', 'east'],
    note: 'toolong',
  };
  const result = parseForm(schema, body, { regions: 'regions-1' });
  assert.ok(!result.ok);
  assert.deepEqual(
    result.errors.summary.map((item) => item.text),
    [
      'Full name must be 10 characters or fewer',
      'Enter an email address in the correct format, like name@example.com',
      'Select the phase',
      'Select from the options given',
      'Enter 5 characters or fewer',
    ],
  );
  assert.equal(result.errors.summary[3]?.href, '#regions-1', 'the summary links to the element given for the field');
  assert.deepEqual(result.values, body);
});

test('one message per field: the first', () => {
  const errors = new FormErrors([
    { field: 'name', message: 'First' },
    { field: 'name', message: 'Second' },
  ]);
  assert.deepEqual(errors.summary, [{ text: 'First', href: '#name' }]);
  assert.equal(FormErrors.none().any, false);
});

test('no posted body, however strange, makes the helper throw or show a raw validator message', () => {
  const raw = /expected|received|invalid input/i;
  fc.assert(
    fc.property(
      fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.array(fc.string()), fc.constant(undefined))),
      (body) => {
        const result = parseForm(schema, body);
        if (!result.ok) for (const item of result.errors.summary) assert.doesNotMatch(String(item.text), raw);
      },
    ),
  );
});

test('a NUL character, which PostgreSQL text cannot hold, is dropped from every value', () => {
  const schema = z.object({ email: z.string(), tags: z.array(z.string()) });
  const result = parseForm(schema, { email: 'a\u0000b', tags: ['\u0000', 'c\u0000'] });
  assert.ok(result.ok);
  assert.deepEqual(result.data, { email: 'ab', tags: ['', 'c'] });
});
