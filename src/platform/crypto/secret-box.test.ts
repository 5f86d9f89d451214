import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { deriveKey, open, seal } from './secret-box.ts';

const key = deriveKey('x'.repeat(32), 'test');

test('what is sealed opens with the same key, and only with it', () => {
  fc.assert(
    fc.property(fc.string(), (plaintext) => {
      const sealed = seal(plaintext, key);
      assert.equal(open(sealed, key), plaintext);
      assert.equal(open(sealed, deriveKey('x'.repeat(32), 'another purpose')), null);
    }),
  );
});

test('the same text seals differently each time and does not show through', () => {
  const a = seal('JBSWY3DPEHPK3PXP', key);
  assert.notEqual(a, seal('JBSWY3DPEHPK3PXP', key));
  assert.doesNotMatch(a, /JBSWY3DPEHPK3PXP/);
});

test('a tampered or malformed box opens to null, never throws', () => {
  const sealed = seal('secret', key);
  // Change one character of the ciphertext to a different one (whatever it was before).
  const changed = sealed.at(-2) === 'A' ? 'B' : 'A';
  const flipped = sealed.slice(0, -2) + changed + sealed.slice(-1);
  for (const bad of [flipped, '', 'v1', 'v2.a.b.c', 'v1.!!.??.**']) assert.equal(open(bad, key), null);
});
