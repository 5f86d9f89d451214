import { hash, verify } from '@node-rs/argon2';
import { commonPasswords } from './common-passwords.ts';

/** argon2id with the parameters set explicitly (OWASP's minimum: 19 MiB, 2 passes, 1 lane). */
// `algorithm: 2` is Argon2id: the package's enum is a const enum, which isolated modules cannot read.
const ARGON2_OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 12;
/** Long enough for any passphrase or manager; the cap only stops megabyte "passwords" costing CPU. */
export const MAX_PASSWORD_LENGTH = 256;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/**
 * Compares in constant time. With no stored hash (unknown email, or no password set yet)
 * it still does the same work, so timing does not tell whether an account exists.
 */
export async function verifyPassword(storedHash: string | null, password: string): Promise<boolean> {
  const target = storedHash ?? (await dummyHash);
  try {
    const matches = await verify(target, password);
    return storedHash !== null && matches;
  } catch {
    return false;
  }
}

const dummyHash = hash('no account has this password', ARGON2_OPTIONS);

/** Why a new password is not acceptable, in words for the person choosing it; undefined when it is fine. */
export function passwordProblem(password: string, { email }: { email?: string } = {}): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `Password must be ${MIN_PASSWORD_LENGTH} characters or more`;
  if (password.length > MAX_PASSWORD_LENGTH) return `Password must be ${MAX_PASSWORD_LENGTH} characters or fewer`;
  const lower = password.toLowerCase();
  if (commonPasswords.has(lower) || /^(.)\1+$/.test(password)) {
    return 'Choose a password that is harder to guess: this one is commonly used';
  }
  const localPart = email?.split('@')[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && lower.includes(localPart)) {
    return 'Choose a password that does not contain your email address';
  }
  return undefined;
}
