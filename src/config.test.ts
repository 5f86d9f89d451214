import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

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
  const config = loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(32) });
  assert.equal(config.seedDemoData, false);
  assert.throws(() => loadConfig({ SESSION_SECRET: 'short' }), /SESSION_SECRET: must be at least 32 characters/);
});
