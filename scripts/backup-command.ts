/**
 * What `npm run backup` and `npm run restore` share: reading their command line the same way,
 * and running against the app's own database with a refusal printed rather than thrown.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../src/config.ts';
import { BackupError, type BackupTarget } from '../src/platform/db/backup.ts';

interface CommandLine<Flag extends string> {
  /** The usage text, printed for --help and after every mistake. */
  help: string;
  /** The switches the command takes besides --help, such as "replace" for --replace. */
  flags: readonly Flag[];
  /** What to say when more than one file is named. */
  oneFileAtMost: string;
}

/** Prints `message` and the usage text, and exits with code 2, the convention for a wrong command line. */
export function exitWithUsage(help: string, message: string): never {
  console.error(`${message}\n\n${help}`);
  process.exit(2);
}

/**
 * The file named on the command line, if any, and which flags are on. `--help` (or `-h`) prints the
 * usage text and exits; an unknown option or a second file is a mistake (see `exitWithUsage`).
 */
export function readCommandLine<Flag extends string = never>({
  help,
  flags,
  oneFileAtMost,
}: CommandLine<Flag>): { file: string | undefined; flags: ReadonlySet<Flag> } {
  const options: Record<string, { type: 'boolean'; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const flag of flags) options[flag] = { type: 'boolean' };
  let parsed;
  try {
    parsed = parseArgs({ options, allowPositionals: true });
    if (parsed.positionals.length > 1) throw new Error(oneFileAtMost);
  } catch (error) {
    exitWithUsage(help, error instanceof Error ? error.message : String(error));
  }
  if (parsed.values.help) {
    console.log(help);
    process.exit(0);
  }
  const on = new Set(flags.filter((flag) => parsed.values[flag] === true));
  return { file: parsed.positionals[0], flags: on };
}

/**
 * Runs `task` on the app's database. A refusal or failure that says why (a BackupError) is
 * printed and exits with code 1; anything else is a bug and is thrown as it is.
 */
export async function runOnAppDatabase(task: (database: BackupTarget) => Promise<void>): Promise<void> {
  // The same settings as the app, which also reads .env: a backup of the wrong database would look like success.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const config = loadConfig();
  try {
    await task(config.database);
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}
