/**
 * What may go into an audit record's free-form parts. Details are small facts about an
 * event ("reason": "wrong_password", "role": "mentor"), never secrets or content: anything
 * named like a password, token, secret or code is dropped whatever its value, strings are
 * cut short, and the shape is bounded so one event cannot bloat the log.
 */

/** Key names whose values are dropped: secrets by name, and one-time codes (MFA, recovery, reset). */
const SECRET_KEY = /passw|passphrase|pwd|token|secret|code|otp|cookie|authori[sz]ation|csrf|api_?key|private_?key/i;

export const DETAILS_LIMITS = {
  stringLength: 200,
  keysPerObject: 20,
  arrayItems: 20,
  depth: 3,
  keyLength: 60,
} as const;

const USER_AGENT_LENGTH = 512;
const SHORT_TEXT_LENGTH = 100;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
}

/**
 * PostgreSQL text and jsonb refuse NUL and unpaired UTF-16 surrogates: a hostile header or
 * value must not turn a sign-in into a database error, so both are replaced.
 */
function storable(text: string): string {
  return text
    .replaceAll('\u0000', '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

/** Cuts text to `max` characters (code points, so no pair is split), marking the cut. */
export function capText(text: string, max: number): string {
  const clean = storable(text);
  if (clean.length <= max) return clean;
  const characters = [...clean];
  return characters.length <= max ? clean : `${characters.slice(0, max - 1).join('')}…`;
}

/** A browser's User-Agent, on one line and of bounded length; nothing when absent. */
export function trimUserAgent(value: string | string[] | undefined | null): string | null {
  const raw = Array.isArray(value) ? value.join(' ') : value;
  if (!raw) return null;
  // Control characters could forge line breaks in a log view.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  const oneLine = raw.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return oneLine === '' ? null : capText(oneLine, USER_AGENT_LENGTH);
}

/** Short identifiers (IP address, request id): bounded, storable, nothing when empty. */
export function shortText(value: string | undefined | null): string | null {
  if (!value) return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : capText(trimmed, SHORT_TEXT_LENGTH);
}

type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

function sanitiseValue(value: unknown, depth: number): JsonValue | undefined {
  if (value === null) return null;
  if (typeof value === 'string') return capText(value, DETAILS_LIMITS.stringLength);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (depth >= DETAILS_LIMITS.depth) return undefined;
  if (Array.isArray(value)) {
    return value
      .slice(0, DETAILS_LIMITS.arrayItems)
      .map((item) => sanitiseValue(item, depth + 1))
      .filter((item): item is JsonValue => item !== undefined);
  }
  if (typeof value === 'object') return sanitiseObject(value, depth + 1);
  // Functions, symbols and undefined are not facts about an event.
  return undefined;
}

function sanitiseObject(value: object, depth: number): { [key: string]: JsonValue } {
  const result: { [key: string]: JsonValue } = {};
  let kept = 0;
  for (const [rawKey, item] of Object.entries(value)) {
    if (kept >= DETAILS_LIMITS.keysPerObject) break;
    if (isSecretKey(rawKey)) continue;
    const key = capText(rawKey, DETAILS_LIMITS.keyLength);
    const clean = sanitiseValue(item, depth);
    if (clean === undefined) continue;
    // Defined, not assigned: a key named "__proto__" must be a key, not a change of prototype.
    Object.defineProperty(result, key, { value: clean, enumerable: true, writable: true, configurable: true });
    kept += 1;
  }
  return result;
}

/**
 * Details fit for the audit log: secret-named keys dropped at every level, strings capped,
 * at most 20 keys per object, 20 items per array and 3 levels deep; anything that is not
 * plain data is left out.
 */
export function sanitiseDetails(details: unknown): Record<string, JsonValue> {
  if (typeof details !== 'object' || details === null || Array.isArray(details)) return {};
  return sanitiseObject(details, 0);
}
