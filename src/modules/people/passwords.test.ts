import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';

test('passwords are stored as argon2id with the parameters set explicitly', async () => {
  const stored = await hashPassword('a long enough passphrase');
  assert.match(stored, /^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
  assert.equal(await verifyPassword(stored, 'a long enough passphrase'), true);
  assert.equal(await verifyPassword(stored, 'a long enough passphrasE'), false);
  assert.equal(await verifyPassword(null, 'anything at all'), false, 'no stored hash never matches');
  assert.equal(
    await verifyPassword('not a hash', 'anything at all'),
    false,
    'a corrupt hash is a refusal, not a crash',
  );
});

test('new passwords: at least 12 characters, not common, not the email; long and pasted ones are fine', () => {
  assert.equal(passwordProblem('short'), 'Password must be 12 characters or more');
  assert.equal(passwordProblem('Password1234'), 'Choose a password that is harder to guess: this one is commonly used');
  assert.equal(
    passwordProblem('zzzzzzzzzzzzzzzz'),
    'Choose a password that is harder to guess: this one is commonly used',
  );
  assert.equal(
    passwordProblem('alex.admin-rocks-2026', { email: 'alex.admin@example.test' }),
    'Choose a password that does not contain your email address',
  );
  assert.equal(passwordProblem('x'.repeat(300)), 'Password must be 256 characters or fewer');
  assert.equal(passwordProblem('correct horse battery staple!'), undefined);
  assert.equal(passwordProblem('  spaces count too  '), undefined);
  assert.equal(passwordProblem('ünïcödé pässwörd ✓'), undefined);
});
