import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import { HomePage } from './views/home-page.tsx';

/** The front page: what Tandem is, or for a signed-in person, where they belong. */
export async function homeModule(app: FastifyInstance): Promise<void> {
  app.navigation.add({ label: 'Home', href: '/', order: 0, visibleTo: (viewer) => viewer !== null });

  app.get('/', async function homeGet(request, reply) {
    return reply.renderPage({ title: 'Home', content: h(HomePage, { viewer: request.viewer }) });
  });
}
