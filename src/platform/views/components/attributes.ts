/**
 * govuk-frontend components take an `attributes` option: extra HTML attributes for the
 * main element. Values may be plain, or `{ value, optional }` where an optional boolean
 * attribute is left out when false (see govuk-frontend's govukAttributes macro).
 */
export type AttributeValue =
  string | number | boolean | null | undefined | { value?: string | number | boolean | null; optional?: boolean };

export type Attributes = Record<string, AttributeValue>;

export function toAttributes(attributes: Attributes | undefined): Record<string, string | number | boolean> {
  const result: Record<string, string | number | boolean> = {};
  for (const [name, raw] of Object.entries(attributes ?? {})) {
    const isObject = typeof raw === 'object' && raw !== null;
    const value = isObject ? raw.value : raw;
    const optional = isObject && raw.optional === true;
    if (optional) {
      if (value === undefined || value === null || value === false) continue;
      result[name] = value === true ? true : value;
    } else {
      result[name] = value === undefined || value === null ? '' : typeof value === 'boolean' ? String(value) : value;
    }
  }
  return result;
}

/** Joins class names, dropping empty ones, as the Nunjucks templates do with `{%- if %}` blocks. */
export function classNames(...names: Array<string | false | null | undefined>): string {
  return names.filter(Boolean).join(' ');
}
