import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { recordVersion } from '../../platform/forms/fields.ts';
import { AppError, parseId } from '../../platform/http/app-error.ts';
import { slugPattern } from './framework-document.schema.ts';

/** What the frameworks routes read from a request, shared by the file and form editors. */

/** The draft version the form was opened on: not a number means it cannot match any. */
export const versionForm = z.object({ version: recordVersion });

/** Which way a heading or element moves; anything else a tampered form sends moves it down. */
export const directionForm = z.object({ direction: z.enum(['up', 'down']).catch('down') });

export function idsFrom(request: FastifyRequest): { frameworkId: string; versionId: string } {
  const params = request.params as { id?: unknown; versionId?: unknown };
  return { frameworkId: parseId(params.id), versionId: parseId(params.versionId) };
}

/** A heading's or element's key from the address: anything that cannot be a key names nothing. */
export function keyFrom(request: FastifyRequest, name: 'headingKey' | 'elementKey'): string {
  const value = (request.params as Record<string, unknown>)[name];
  if (typeof value !== 'string' || value.length > 60 || !slugPattern.test(value)) throw AppError.notFound();
  return value;
}
