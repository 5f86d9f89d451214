import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { join } from 'node:path';
import { publicDir } from '../views/assets.ts';

/** A file whose name carries its content hash never changes, so it may be cached for a year. */
const HASHED_NAME = /\.[0-9a-f]{10,}\.[a-z0-9]+$/;

export const staticAssetsPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(fastifyStatic, {
      root: join(publicDir, 'assets'),
      prefix: '/assets/',
      decorateReply: false,
      index: false,
      cacheControl: false,
      setHeaders: (response, path) => {
        response.setHeader(
          'cache-control',
          HASHED_NAME.test(path) ? 'public, max-age=31536000, immutable' : 'public, max-age=86400',
        );
      },
    });
  },
  { name: 'tandem-static-assets' },
);
