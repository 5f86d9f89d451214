import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, DEVELOPMENT_ENCRYPTION_KEY, loadConfig } from './config.ts';

test('with nothing set, Tandem runs on the embedded database in ./data on port 3000', () => {
  const config = loadConfig({});
  assert.deepEqual(config.database, { kind: 'pglite', dataDir: './data' });
  assert.equal(config.port, 3000);
  assert.equal(config.publicUrl, 'http://127.0.0.1:3000');
  assert.equal(config.seedDemoData, true);
  assert.ok(Object.isFrozen(config));
});

test('DATABASE_URL switches to PostgreSQL', () => {
  const config = loadConfig({ DATABASE_URL: 'postgres://tandem@db:5432/tandem' });
  assert.deepEqual(config.database, { kind: 'postgres', url: 'postgres://tandem@db:5432/tandem' });
});

test('an empty variable counts as unset', () => {
  assert.equal(loadConfig({ PORT: '' }).port, 3000);
});

test('each bad value is reported with the name of its variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SEED_DEMO_DATA: 'maybe' }),
    (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.problems.length, 3);
      assert.match(error.message, /PORT: must be a port number/);
      assert.match(error.message, /DATABASE_URL: must start with postgres:\/\//);
      assert.match(error.message, /SEED_DEMO_DATA: must be true or false/);
      return true;
    },
  );
});

test('production refuses to start without its own session secret and does not seed demo data', () => {
  assert.throws(() => loadConfig({ NODE_ENV: 'production' }), /SESSION_SECRET: must be set in production/);
  const config = loadConfig({
    NODE_ENV: 'production',
    SESSION_SECRET: 'x'.repeat(32),
    ENCRYPTION_KEY: 'ab'.repeat(32),
  });
  assert.equal(config.seedDemoData, false);
  assert.throws(() => loadConfig({ SESSION_SECRET: 'short' }), /SESSION_SECRET: must be at least 32 characters/);
});

const keyBytes = Buffer.from(Array.from({ length: 32 }, (_, index) => index * 7));

test('ENCRYPTION_KEY is 32 bytes given as 64 hex characters or as base64', () => {
  for (const written of [
    keyBytes.toString('hex'),
    keyBytes.toString('hex').toUpperCase(),
    keyBytes.toString('base64'),
    keyBytes.toString('base64url'),
    ` ${keyBytes.toString('base64')}\n`,
  ]) {
    assert.deepEqual(loadConfig({ ENCRYPTION_KEY: written }).encryptionKey, keyBytes, written);
  }
});

test('an ENCRYPTION_KEY of the wrong length or alphabet is refused, saying what it must be', () => {
  for (const bad of [
    'ab'.repeat(31),
    'ab'.repeat(33),
    'zz'.repeat(32),
    Buffer.alloc(31).toString('base64'),
    Buffer.alloc(33).toString('base64'),
    `${keyBytes.toString('base64').slice(0, 40)}!!!=`,
    'x'.repeat(32),
  ]) {
    assert.throws(
      () => loadConfig({ ENCRYPTION_KEY: bad }),
      /ENCRYPTION_KEY: must be 32 random bytes written as 64 hexadecimal characters or in base64/,
      bad,
    );
  }
});

test('outside production the published development key is used; production needs its own', () => {
  assert.deepEqual(loadConfig({}).encryptionKey, DEVELOPMENT_ENCRYPTION_KEY);
  assert.equal(DEVELOPMENT_ENCRYPTION_KEY.length, 32);
  const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) };
  assert.throws(() => loadConfig(production), /ENCRYPTION_KEY: must be set in production/);
  assert.throws(
    () => loadConfig({ ...production, ENCRYPTION_KEY: DEVELOPMENT_ENCRYPTION_KEY.toString('hex') }),
    /ENCRYPTION_KEY: must be set in production to its own key/,
  );
  assert.deepEqual(loadConfig({ ...production, ENCRYPTION_KEY: keyBytes.toString('hex') }).encryptionKey, keyBytes);
});

test('changing the configured key in memory cannot change the development key', () => {
  loadConfig({}).encryptionKey.fill(0);
  assert.equal(loadConfig({}).encryptionKey.toString('utf8'), 'tandem-development-key-32-bytes!');
});
