import { spawn } from 'node:child_process';
import pg from 'pg';
import { BackupError, COUNT_TABLES_SQL, errorCode, errorMessage } from './backup-files.ts';

/** "the PostgreSQL database tandem on db.example.org:5432", never with the password. */
export function describePostgres(url: string): string {
  const parsed = new URL(url);
  const name = decodeURIComponent(parsed.pathname.slice(1)) || decodeURIComponent(parsed.username) || 'postgres';
  return `the PostgreSQL database ${name} on ${parsed.host || 'the local server'}`;
}

/** Backs up the database into `file` with pg_dump's custom format; answers how many tables it holds. */
export async function dumpPostgres(url: string, file: string): Promise<number> {
  const tables = await countTables(url);
  // --file= keeps a path that starts with "-" from being read as an option.
  await run('pg_dump', ['--format=custom', `--file=${file}`, ...connectionArguments(url)], url);
  return tables;
}

/**
 * Restores a pg_dump file into the database, which must hold no tables unless `replace` is set.
 * One transaction: a restore that fails part way leaves the database as it was.
 */
export async function restorePostgres({
  url,
  file,
  replace,
}: {
  url: string;
  /** An absolute path, so that pg_restore cannot read it as an option. */
  file: string;
  replace: boolean;
}): Promise<number> {
  const existing = await countTables(url);
  if (existing > 0 && !replace) {
    throw new BackupError(
      `There are already ${existing} tables in ${describePostgres(url)}, so nothing was restored. ` +
        'Restore into an empty database (for example one made with createdb), ' +
        'or add --replace to drop what the backup contains and restore it in its place.',
    );
  }
  await run(
    'pg_restore',
    [
      ...connectionArguments(url),
      // The new server may have other role names; what is restored belongs to whoever restores it.
      '--no-owner',
      '--exit-on-error',
      '--single-transaction',
      ...(replace ? ['--clean', '--if-exists'] : []),
      file,
    ],
    url,
  );
  return countTables(url);
}

async function countTables(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  // An idle client that loses its server must not crash the process; the query reports it.
  client.on('error', () => undefined);
  try {
    await client.connect();
    const result = await client.query<{ tables: number }>(COUNT_TABLES_SQL);
    return result.rows[0]?.tables ?? 0;
  } catch (error) {
    throw new BackupError(`Cannot reach ${describePostgres(url)}: ${errorMessage(error)}. Nothing was changed.`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The URL without its password, which goes in PGPASSWORD instead so that it never shows in the process list. */
function connectionArguments(url: string): string[] {
  const parsed = new URL(url);
  parsed.password = '';
  return [`--dbname=${parsed.toString()}`];
}

function environmentFor(url: string): NodeJS.ProcessEnv {
  const password = decodeURIComponent(new URL(url).password);
  return password ? { ...process.env, PGPASSWORD: password } : process.env;
}

/** Runs a PostgreSQL client program without a shell; its error output becomes the error's message. */
async function run(program: 'pg_dump' | 'pg_restore', args: string[], url: string): Promise<void> {
  const child = spawn(program, args, { env: environmentFor(url), stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
    // The end says what went wrong; a failed restore can print thousands of lines before it.
    output = (output + chunk).slice(-4000);
  });
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  }).catch((error: unknown) => {
    if (errorCode(error) !== 'ENOENT') throw error;
    throw new BackupError(
      `${program} was not found. Install the PostgreSQL client programs, of the server's version or newer ` +
        '(on Debian or Ubuntu: apt-get install postgresql-client), so that it is on the PATH. Nothing was changed.',
    );
  });
  if (status !== 0) {
    const said = output.trim();
    throw new BackupError(
      `${program} stopped with exit code ${status ?? 'none (it was killed)'}` +
        `${program === 'pg_restore' ? ' and the database was left as it was' : ''}${said ? `:\n${said}` : '.'}`,
    );
  }
}
