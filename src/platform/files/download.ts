import type { FastifyReply } from 'fastify';

/**
 * Sends a stored file as a download, never shown inline: the browser must not render an uploaded
 * file as a page of ours (nosniff), and no shared cache or history keeps a confidential copy.
 * The name is given twice: plain ASCII for old browsers, and exactly (RFC 5987) for the rest.
 */
export function sendDownload(
  reply: FastifyReply,
  { name, contentType, data }: { name: string; contentType: string; data: Buffer },
): FastifyReply {
  const asciiName = name.replace(/[^\w. -]/g, '_');
  return reply
    .header('content-type', contentType)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(name)}`)
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    .send(data);
}
