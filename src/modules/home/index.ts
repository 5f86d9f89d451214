import type { FastifyInstance } from 'fastify';
import { h } from 'preact';
import type { AppDb } from '../../platform/db/database.ts';
import { organisationsWhosePeopleTheyManage } from '../people/index.ts';
import { actionsForHome } from '../plans/index.ts';
import { HomePage } from './views/home-page.tsx';

/** The front page: what Tandem is, or for a signed-in person, where they belong. */
export async function homeModule(app: FastifyInstance, { db }: { db: AppDb }): Promise<void> {
  app.navigation.add({ label: 'Home', href: '/', order: 0, visibleTo: (viewer) => viewer !== null });

  app.get('/', async function homeGet(request, reply) {
    const [managed, actions] = await Promise.all([
      organisationsWhosePeopleTheyManage({ db, actor: request.viewer }),
      actionsForHome({ db, actor: request.viewer }),
    ]);
    return reply.renderPage({ title: 'Home', content: h(HomePage, { viewer: request.viewer, managed, actions }) });
  });
}
