import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

export interface CataloguedRoute {
  readonly method: string;
  readonly url: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route the app serves, so tests can check each one is covered (access matrix, browser visits). */
    readonly routeCatalogue: ReadonlyArray<CataloguedRoute>;
  }
}

export const routeCataloguePlugin = fp(
  async (app: FastifyInstance) => {
    const routes: CataloguedRoute[] = [];
    app.decorate('routeCatalogue', routes);
    app.addHook('onRoute', (route) => {
      for (const method of [route.method].flat()) {
        if (method !== 'HEAD') routes.push({ method, url: route.url });
      }
    });
  },
  { name: 'tandem-route-catalogue' },
);
