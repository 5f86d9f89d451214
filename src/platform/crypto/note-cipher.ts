import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Encryption at rest for confidential text (a partnership's private notes), so that the database
 * never holds the plaintext. AES-256-GCM with a random 96-bit IV per message, stored as text:
 *
 *   n1.<key id>.<iv>.<tag>.<ciphertext>        (base64url parts; the ciphertext may be empty)
 *
 * - The record's id is bound as additional authenticated data, together with the prefix: a
 *   ciphertext copied into another row, or given another key id, does not open.
 * - The key id is a fingerprint of the configured key, so that when keys rotate each ciphertext
 *   says which key opens it, with no numbering for operators to keep in step.
 * - The AES key is derived from the configured ENCRYPTION_KEY for this one purpose (HKDF), so the
 *   same configured key can later seal other things without two uses sharing an AES key.
 */

const FORMAT = 'n1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

export type NoteDecryptionProblem = 'malformed' | 'unknown key' | 'not authentic';

/** A note that cannot be opened: loud, because showing nothing would hide lost or tampered data. */
export class NoteDecryptionError extends Error {
  constructor(readonly problem: NoteDecryptionProblem) {
    super(`The encrypted note cannot be opened: ${problem}`);
    this.name = 'NoteDecryptionError';
  }
}

export interface NoteCipher {
  /** The id of the key new notes are sealed with. */
  readonly currentKeyId: string;
  encrypt(plaintext: string, recordId: string): string;
  /** The plaintext; throws NoteDecryptionError when the text was changed, moved or sealed with an unknown key. */
  decrypt(sealed: string, recordId: string): string;
}

interface PurposeKey {
  id: string;
  key: Buffer;
}

/** Eight base64url characters naming a configured key without revealing anything useful about it. */
export function encryptionKeyId(configuredKey: Buffer): string {
  return createHmac('sha256', configuredKey).update('tandem key id').digest().subarray(0, 6).toString('base64url');
}

function purposeKey(configuredKey: Buffer): PurposeKey {
  if (configuredKey.length !== 32) throw new RangeError('An encryption key must be 32 bytes');
  return {
    id: encryptionKeyId(configuredKey),
    key: Buffer.from(hkdfSync('sha256', configuredKey, 'tandem', 'private notes', 32)),
  };
}

function additionalData(keyId: string, recordId: string): Buffer {
  // The format and key id have fixed shapes with no '.', so this joining is unambiguous.
  return Buffer.from(`${FORMAT}.${keyId}.${recordId}`, 'utf8');
}

/**
 * The bytes of a base64url part, or undefined when it is not exactly how encrypt writes them: Node's
 * decoder skips unknown characters and ignores spare bits, so a changed character could otherwise
 * decode to the same bytes and the change go unseen.
 */
function canonicalBase64url(part: string): Buffer | undefined {
  const bytes = Buffer.from(part, 'base64url');
  return bytes.toString('base64url') === part ? bytes : undefined;
}

/**
 * A cipher over the configured keys: the first seals new notes; all of them open old ones, so a
 * key can be replaced by putting the new one first and keeping the old one until notes are re-sealed.
 */
export function createNoteCipher(configuredKeys: readonly [Buffer, ...Buffer[]]): NoteCipher {
  const [current, ...earlier] = configuredKeys.map(purposeKey) as [PurposeKey, ...PurposeKey[]];
  const byId = new Map([current, ...earlier].map((key) => [key.id, key.key]));

  function encrypt(plaintext: string, recordId: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', current.key, iv, { authTagLength: TAG_BYTES });
    cipher.setAAD(additionalData(current.id, recordId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [
      FORMAT,
      current.id,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      ciphertext.toString('base64url'),
    ].join('.');
  }

  function decrypt(sealed: string, recordId: string): string {
    const parts = sealed.split('.');
    const [format, keyId, iv, tag, ciphertext] = parts;
    if (parts.length !== 5 || format !== FORMAT || !keyId || !iv || !tag || ciphertext === undefined) {
      throw new NoteDecryptionError('malformed');
    }
    const key = byId.get(keyId);
    if (key === undefined) throw new NoteDecryptionError('unknown key');
    const [ivBytes, tagBytes, ciphertextBytes] = [iv, tag, ciphertext].map(canonicalBase64url);
    // GCM would accept shorter tags (weaker) or other IV sizes: insist on what encrypt writes.
    if (ivBytes?.length !== IV_BYTES || tagBytes?.length !== TAG_BYTES || ciphertextBytes === undefined) {
      throw new NoteDecryptionError('malformed');
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, ivBytes, { authTagLength: TAG_BYTES });
      decipher.setAAD(additionalData(keyId, recordId));
      decipher.setAuthTag(tagBytes);
      return Buffer.concat([decipher.update(ciphertextBytes), decipher.final()]).toString('utf8');
    } catch {
      throw new NoteDecryptionError('not authentic');
    }
  }

  return { currentKeyId: current.id, encrypt, decrypt };
}
