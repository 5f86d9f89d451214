import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { AppError, parseId } from './app-error.ts';

test('a well-formed id passes, in lower case', () => {
  assert.equal(parseId('0B7E7D1C-2A6F-4E55-9C4A-7B1D2E3F4A5B'), '0b7e7d1c-2a6f-4e55-9c4a-7b1d2e3f4a5b');
});

test('anything else in an id position is NotFound, never another error', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.constant(undefined), fc.integer()), (value) => {
      fc.pre(typeof value !== 'string' || !/^[0-9a-f-]{36}$/i.test(value));
      assert.throws(
        () => parseId(value),
        (error: unknown) => error instanceof AppError && error.code === 'NotFound' && error.statusCode === 404,
      );
    }),
  );
});

test('each code carries its status', () => {
  assert.equal(new AppError('Invalid').statusCode, 400);
  assert.equal(AppError.forbidden().statusCode, 403);
  assert.equal(new AppError('Conflict').statusCode, 409);
});
