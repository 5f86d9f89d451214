import { z } from 'zod';

/**
 * Field schemas for HTML forms. A browser sends every field as text (or not at all, for an
 * unticked box), so each field first turns "missing" into "empty": the person then reads
 * the message written here, never a validator's "expected string, received undefined".
 */
const asTrimmedText = (value: unknown): string => (typeof value === 'string' ? value.trim() : '');

export function requiredText(
  whenEmpty: string,
  { maxLength, whenTooLong }: { maxLength?: number; whenTooLong?: string } = {},
) {
  const base = z.string().min(1, { error: whenEmpty });
  return z.preprocess(
    asTrimmedText,
    maxLength === undefined
      ? base
      : base.max(maxLength, { error: whenTooLong ?? `Enter ${maxLength} characters or fewer` }),
  );
}

export function optionalText({ maxLength, whenTooLong }: { maxLength: number; whenTooLong?: string }) {
  return z.preprocess(
    asTrimmedText,
    z.string().max(maxLength, { error: whenTooLong ?? `Enter ${maxLength} characters or fewer` }),
  );
}

export function email(
  whenEmpty: string,
  whenInvalid = 'Enter an email address in the correct format, like name@example.com',
) {
  return z.preprocess(
    asTrimmedText,
    z
      .string()
      .min(1, { error: whenEmpty })
      .max(320, { error: whenInvalid })
      .pipe(z.email({ error: whenInvalid })),
  );
}

/** One of a fixed set, as radios or a select send it. */
export function choice<const T extends readonly [string, ...string[]]>(options: T, whenNotChosen: string) {
  return z.preprocess(asTrimmedText, z.enum(options, { error: whenNotChosen }));
}

/** Ticked checkboxes: none arrives as missing, one as a string, several as an array. */
export function checkboxes<const T extends readonly [string, ...string[]]>(
  options: T,
  { atLeastOne }: { atLeastOne?: string } = {},
) {
  const list = z.array(z.enum(options, { error: 'Select from the options given' }));
  return z.preprocess(
    (value: unknown) => (value === undefined || value === '' ? [] : [value].flat()),
    atLeastOne ? list.min(1, { error: atLeastOne }) : list,
  );
}

/**
 * Ticked checkboxes whose values are data (ids, keys) rather than a fixed set: the service
 * decides which are real. Anything no form could send (a huge value, thousands of them) is dropped.
 */
export function tickedValues({ maxLength = 200, maxCount = 500 } = {}) {
  return z.preprocess(
    (value: unknown) => (value === undefined || value === '' ? [] : [value].flat()),
    z.array(z.string()).transform((values) => values.filter((value) => value.length <= maxLength).slice(0, maxCount)),
  );
}

/** `?page=N` on a long list: anything that is not a page number shows the first page. */
export const pageQuerySchema = z.object({ page: z.coerce.number().int().min(1).max(1_000_000).catch(1) });

/**
 * A form's one-time key, so that pressing its button twice makes one thing. Missing or
 * too long, it reads as empty and the route makes one up.
 */
export const creationKey = z.preprocess(
  (value: unknown) => (typeof value === 'string' ? value : ''),
  z.string().max(100).catch(''),
);

/**
 * The version of a record a form was loaded with, so a save over someone else's is caught. Missing
 * or malformed, it is -1, which matches no version: the save is then treated as stale, never forced.
 */
export const recordVersion = z.coerce.number().int().min(0).max(2_147_483_647).catch(-1);
