import type { FastifyInstance } from 'fastify';
import { formSession } from './sign-in.ts';

export interface FilePart {
  field: string;
  name: string;
  data: Buffer | string;
  contentType?: string;
}

/** A multipart/form-data body as a browser builds it: text fields, then files. */
export function multipartBody(
  fields: Record<string, string>,
  files: FilePart[] = [],
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----tandem-test-${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\n` +
          `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
      ),
      Buffer.from(file.data),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** Posts a multipart form as a browser would: the CSRF token and cookies from `from`, then fields and files. */
export async function postMultipart(
  app: FastifyInstance,
  {
    url,
    from,
    cookies = {},
    fields,
    files = [],
  }: {
    url: string;
    from: string;
    cookies?: Record<string, string>;
    fields: Record<string, string>;
    files?: FilePart[];
  },
) {
  const session = await formSession(app, from, cookies);
  const { payload, headers } = multipartBody({ _csrf: session.csrfToken, ...fields }, files);
  return app.inject({ method: 'POST', url, cookies: session.cookies, headers, payload });
}
