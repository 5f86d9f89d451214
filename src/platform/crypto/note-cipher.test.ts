import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import fc from 'fast-check';
import { DEVELOPMENT_ENCRYPTION_KEY } from '../../config.ts';
import { createNoteCipher, encryptionKeyId, NoteDecryptionError } from './note-cipher.ts';

const key = Buffer.alloc(32, 1);
const otherKey = Buffer.alloc(32, 2);
const cipher = createNoteCipher([key]);
const recordId = '0190f5e2-7c1a-7000-8000-000000000001';

function refusedBecause(problem: string) {
  return (error: unknown) => error instanceof NoteDecryptionError && error.problem === problem;
}

test('any text sealed for a record opens again for that record', () => {
  fc.assert(
    fc.property(fc.string({ unit: 'grapheme' }), fc.uuid(), (plaintext, id) => {
      assert.equal(cipher.decrypt(cipher.encrypt(plaintext, id), id), plaintext);
    }),
  );
});

test('empty, non-ASCII and 1 MB notes round-trip', () => {
  const large = 'Private note. '.repeat(75_000).slice(0, 1_048_576);
  assert.equal(large.length, 1_048_576);
  for (const plaintext of ['', 'Ceri’s café — £1,200 😊 Łódź 東京', large]) {
    assert.equal(cipher.decrypt(cipher.encrypt(plaintext, recordId), recordId), plaintext);
  }
});

test('the stored form shows the format and key id, never the plaintext, and differs every time', () => {
  const first = cipher.encrypt('Discussed the merger with Oak Trust', recordId);
  const second = cipher.encrypt('Discussed the merger with Oak Trust', recordId);
  assert.notEqual(first, second);
  assert.match(first, new RegExp(`^n1\\.${cipher.currentKeyId}\\.[\\w-]{16}\\.[\\w-]{22}\\.[\\w-]+$`));
  assert.doesNotMatch(first, /merger|Oak/);
  assert.equal(cipher.currentKeyId, encryptionKeyId(key));
  assert.match(cipher.encrypt('', recordId), /\.$/, 'an empty note has an empty ciphertext part');
});

test('a ciphertext copied to another record does not open', () => {
  const sealed = cipher.encrypt('For record one only', recordId);
  assert.throws(() => cipher.decrypt(sealed, '0190f5e2-7c1a-7000-8000-000000000002'), refusedBecause('not authentic'));
  assert.throws(() => cipher.decrypt(sealed, ''), refusedBecause('not authentic'));
});

test('a note sealed with another key is refused, naming the unknown key', () => {
  const sealed = createNoteCipher([otherKey]).encrypt('secret', recordId);
  assert.throws(() => cipher.decrypt(sealed, recordId), refusedBecause('unknown key'));
  // Claiming our key id does not help: the tag does not match.
  const relabelled = sealed.replace(encryptionKeyId(otherKey), cipher.currentKeyId);
  assert.throws(() => cipher.decrypt(relabelled, recordId), refusedBecause('not authentic'));
});

test('any change to any character of a stored note is detected', () => {
  const sealed = cipher.encrypt('Board minutes were late again', recordId);
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.!';
  fc.assert(
    fc.property(fc.nat({ max: sealed.length - 1 }), fc.constantFrom(...alphabet), (position, replacement) => {
      fc.pre(sealed[position] !== replacement);
      const changed = sealed.slice(0, position) + replacement + sealed.slice(position + 1);
      assert.throws(() => cipher.decrypt(changed, recordId), NoteDecryptionError);
    }),
    { numRuns: 500 },
  );
  assert.throws(() => cipher.decrypt(sealed.slice(0, -1), recordId), NoteDecryptionError);
  assert.throws(() => cipher.decrypt(`${sealed}A`, recordId), NoteDecryptionError);
});

test('malformed stored text is refused as malformed', () => {
  const [, keyId = '', iv = '', tag = ''] = cipher.encrypt('x', recordId).split('.');
  const shortTag = Buffer.from(tag, 'base64url').subarray(0, 12).toString('base64url');
  for (const bad of [
    '',
    'n1',
    `v1.${keyId}.${iv}.${tag}.AA`,
    `n1.${keyId}.${iv}.${tag}`,
    `n1.${keyId}.${iv}.${tag}.AA.AA`,
    `n1.${keyId}..${tag}.AA`,
    `n1.${keyId}.${iv}.${shortTag}.AA`,
    `n1.${keyId}.${randomBytes(16).toString('base64url')}.${tag}.AA`,
  ]) {
    assert.throws(() => cipher.decrypt(bad, recordId), refusedBecause('malformed'), bad);
  }
});

test('after a key change, notes sealed with the earlier key still open while it is listed', () => {
  const before = cipher.encrypt('Written before the key changed', recordId);
  const rotated = createNoteCipher([otherKey, key]);
  assert.equal(rotated.decrypt(before, recordId), 'Written before the key changed');
  const after = rotated.encrypt('Written after', recordId);
  assert.ok(after.startsWith(`n1.${encryptionKeyId(otherKey)}.`));
  assert.throws(() => cipher.decrypt(after, recordId), refusedBecause('unknown key'));
});

test('keys that are not 32 bytes are refused, and key ids differ between keys', () => {
  assert.throws(() => createNoteCipher([Buffer.alloc(16)]), RangeError);
  assert.notEqual(encryptionKeyId(key), encryptionKeyId(otherKey));
  assert.equal(createNoteCipher([DEVELOPMENT_ENCRYPTION_KEY]).currentKeyId.length, 8);
});
