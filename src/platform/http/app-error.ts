/**
 * The one error type services throw for outcomes a person should see as a page:
 * each code maps to an HTTP status and a page in house style (see error-pages.tsx).
 */
export type AppErrorCode = 'NotFound' | 'Forbidden' | 'Conflict' | 'Invalid';

const statusByCode: Record<AppErrorCode, number> = {
  Invalid: 400,
  Forbidden: 403,
  NotFound: 404,
  Conflict: 409,
};

export class AppError extends Error {
  readonly statusCode: number;

  constructor(
    readonly code: AppErrorCode,
    message: string = code,
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

  static conflict(message = 'Conflict'): AppError {
    return new AppError('Conflict', message);
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
