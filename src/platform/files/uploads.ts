import multipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { AppError } from '../http/app-error.ts';
import { describeSize } from './file-types.ts';
import type { FileStore } from './file-store.ts';

/** A file as it arrived in a form post, held in memory until the route decides what to keep. */
export interface UploadedFile {
  /** The file's name on the uploader's computer, without any folder: for showing, never for storing. */
  originalName: string;
  /** What the browser said the file is; `checkUpload` decides from its bytes instead. */
  contentType: string;
  data: Buffer;
  size: number;
}

/**
 * Something about an upload that the form should answer with a message rather than an error page:
 * the route shows `message` beside its file field. `field` is null when the post as a whole was
 * cut short (too many files or fields), so the problem belongs to every file field on the form.
 */
export interface UploadProblem {
  field: string | null;
  reason: 'file-too-large' | 'too-many-files' | 'too-many-fields' | 'field-too-long';
  message: string;
}

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
  /** The longest text field: the same as a form body may be, so a pasted file fits either way. */
  maxFieldBytes: number;
  maxFields: number;
}

export const defaultUploadLimits: UploadLimits = {
  maxFileBytes: 10 * 1024 * 1024,
  maxFiles: 5,
  maxFieldBytes: 1024 * 1024,
  maxFields: 100,
};

declare module 'fastify' {
  interface FastifyInstance {
    /** Where modules keep uploaded files (see src/platform/files/index.ts). */
    files: FileStore;
  }
}

interface Uploads {
  files: Map<string, UploadedFile[]>;
  problems: UploadProblem[];
}

const uploadsByRequest = new WeakMap<FastifyRequest, Uploads>();

/** The files posted in `field` (none when the field was left empty or the post was not multipart). */
export function uploadedFiles(request: FastifyRequest, field: string): UploadedFile[] {
  return uploadsByRequest.get(request)?.files.get(field) ?? [];
}

/** The problem with what was posted in `field`, or with the post as a whole, if there was one. */
export function uploadProblem(request: FastifyRequest, field: string): UploadProblem | undefined {
  return uploadsByRequest.get(request)?.problems.find((problem) => problem.field === field || problem.field === null);
}

/** Browsers may send a path ("C:\fakepath\report.pdf"); control characters have no place in a name shown on a page. */
export function cleanFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  const base = (name.split(/[\\/]/).at(-1) ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim();
  return base.slice(0, 255) || 'file';
}

const limitReasons: Record<string, { reason: UploadProblem['reason']; message: (limits: UploadLimits) => string }> = {
  FST_FILES_LIMIT: { reason: 'too-many-files', message: (limits) => `Select ${limits.maxFiles} files or fewer` },
  FST_PARTS_LIMIT: { reason: 'too-many-fields', message: () => 'The form sent too much. Try again with less' },
  FST_FIELDS_LIMIT: { reason: 'too-many-fields', message: () => 'The form sent too much. Try again with less' },
};

/**
 * Multipart form posts, read before the CSRF check (a `preValidation` hook, which runs before every
 * `preHandler`): text fields land in `request.body` as plain strings, exactly as a urlencoded post's
 * would, and files are kept for `uploadedFiles`. A file over the limit or too many files never
 * becomes a 413 page: the route is told (`uploadProblem`) and shows its form with the message.
 */
export const uploadsPlugin = fp(
  async (app: FastifyInstance, options: { store: FileStore; limits?: Partial<UploadLimits> }) => {
    const limits = { ...defaultUploadLimits, ...options.limits };
    app.decorate('files', options.store);
    await app.register(multipart, {
      throwFileSizeLimit: false,
      limits: {
        fileSize: limits.maxFileBytes,
        files: limits.maxFiles,
        fieldSize: limits.maxFieldBytes,
        fields: limits.maxFields,
        fieldNameSize: 100,
        parts: limits.maxFields + limits.maxFiles,
      },
    });

    app.addHook('preValidation', async (request) => {
      if (!request.isMultipart()) return;
      const uploads: Uploads = { files: new Map(), problems: [] };
      uploadsByRequest.set(request, uploads);
      const body: Record<string, string | string[]> = Object.create(null);
      request.body = body;
      try {
        for await (const part of request.parts()) {
          if (part.type === 'file') {
            const data = await part.toBuffer();
            // A file input left empty still sends a part: no name and no bytes.
            if (part.filename === '' && data.length === 0) continue;
            if (part.file.truncated) {
              const message = `The selected file must be smaller than ${describeSize(limits.maxFileBytes)}`;
              uploads.problems.push({ field: part.fieldname, reason: 'file-too-large', message });
              continue;
            }
            const file = {
              originalName: cleanFileName(part.filename),
              contentType: part.mimetype,
              data,
              size: data.length,
            };
            uploads.files.set(part.fieldname, [...(uploads.files.get(part.fieldname) ?? []), file]);
          } else if (part.valueTruncated) {
            const message = 'The text you entered is too long';
            uploads.problems.push({ field: part.fieldname, reason: 'field-too-long', message });
          } else if (typeof part.value === 'string') {
            const earlier = body[part.fieldname];
            body[part.fieldname] = earlier === undefined ? part.value : [earlier, part.value].flat();
          }
        }
      } catch (error) {
        const code = error instanceof Error && 'code' in error ? String(error.code) : '';
        const limit = limitReasons[code];
        // Malformed multipart is not something a browser sends: a plain 400.
        if (!limit) throw new AppError('Invalid', 'The form could not be read');
        uploads.problems.push({ field: null, reason: limit.reason, message: limit.message(limits) });
      }
    });
  },
  { name: 'tandem-uploads' },
);
