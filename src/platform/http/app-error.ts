/**
 * The one error type services throw for outcomes a person should see as a page:
 * each code maps to an HTTP status and a page in house style (see views/error-page.tsx).
 */
export type AppErrorCode = 'NotFound' | 'Forbidden' | 'Conflict' | 'Invalid';

const statusByCode: Record<AppErrorCode, number> = {
  Invalid: 400,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
};

/**
 * What the error page says when the page for the status alone would mislead: a closed review is
 * not "someone else changed this at the same time". Written for the person, never from `message`.
 */
export interface ErrorPageText {
  title: string;
  paragraphs: string[];
  /** Where to go next, instead of the home page. */
  link?: { href: string; text: string };
}

export class AppError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: AppErrorCode,
    message: string = code,
    readonly page?: ErrorPageText,
  ) {
    super(message);
    this.name = 'AppError';
    this.statusCode = statusByCode[code];
  }

  static notFound(message = 'Not found'): AppError {
    return new AppError('NotFound', message);
  }

  static forbidden(message = 'Forbidden'): AppError {
    return new AppError('Forbidden', message);
  }

  static conflict(message = 'Conflict', page?: ErrorPageText): AppError {
    return new AppError('Conflict', message, page);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` has the shape of a row id (a UUID), so it can be given to the database. */
export function isId(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

/**
 * Ids in URLs come from people and links: a malformed one names nothing, so it is a
 * 404 like any other missing page, never a database error.
 */
export function parseId(value: unknown): string {
  if (!isId(value)) throw AppError.notFound();
  return value.toLowerCase();
}
