import type { FastifyInstance, FastifyReply } from 'fastify';
import fp from 'fastify-plugin';
import type { ComponentChildren, VNode } from 'preact';
import type { AssetManifest } from './assets.ts';
import { Layout } from './layout.tsx';
import type { NavigationRegistry } from './navigation.ts';
import { renderDocument } from './render.ts';
import { RequestContextValue } from './request-context.ts';

export interface PageOptions {
  title: string;
  content: ComponentChildren;
  /** 200 unless said; a form that failed validation is 400. */
  status?: number;
  hasErrors?: boolean;
  beforeContent?: ComponentChildren;
}

declare module 'fastify' {
  interface FastifyInstance {
    navigation: NavigationRegistry;
  }
  interface FastifyReply {
    renderPage(options: PageOptions): FastifyReply;
  }
}

/**
 * `reply.renderPage` wraps a page's content in the layout with everything that comes
 * from the request: the viewer, their navigation, the CSP nonce and the CSRF token.
 */
export const pageRendererPlugin = fp(
  async (app: FastifyInstance, options: { assets: AssetManifest; navigation: NavigationRegistry }) => {
    app.decorate('navigation', options.navigation);
    app.decorateReply('renderPage', function renderPage(this: FastifyReply, page: PageOptions) {
      const html = renderDocument(pageDocument(this, page, options.assets));
      return this.status(page.status ?? 200)
        .type('text/html; charset=utf-8')
        .send(html);
    });
  },
  { name: 'tandem-page-renderer', dependencies: ['@fastify/helmet', '@fastify/csrf-protection'] },
);

function pageDocument(reply: FastifyReply, page: PageOptions, assets: AssetManifest): VNode {
  const request = reply.request;
  const path = request.url.split('?')[0] ?? '/';
  return (
    <RequestContextValue.Provider value={{ csrfToken: reply.generateCsrf() }}>
      <Layout
        title={page.title}
        hasErrors={page.hasErrors ?? false}
        viewer={request.viewer}
        navigation={reply.server.navigation.itemsFor(request.viewer, path)}
        assets={assets}
        nonce={reply.cspNonce.script}
        beforeContent={page.beforeContent}
      >
        {page.content}
      </Layout>
    </RequestContextValue.Provider>
  );
}
