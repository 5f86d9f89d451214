import type { ComponentChildren, VNode } from 'preact';
import { authPaths, SESSION_IDLE_MS, type Viewer } from '../auth/viewer.ts';
import type { AssetManifest } from './assets.ts';
import { ServiceNavigation, type ServiceNavigationItem } from './components/service-navigation.tsx';
import { SkipLink } from './components/skip-link.tsx';
import { Form } from './form.tsx';
import { useRequestContext } from './request-context.ts';
import { Raw } from './render.ts';

export const SERVICE_NAME = 'Tandem';

export interface LayoutProps {
  title: string;
  /** The page shows form errors: screen readers hear "Error:" first, as GOV.UK pages do. */
  hasErrors?: boolean;
  viewer: Viewer | null;
  navigation: ServiceNavigationItem[];
  assets: AssetManifest;
  nonce: string;
  /** Back link or breadcrumbs: above the main heading, outside <main>. */
  beforeContent?: ComponentChildren;
  children: ComponentChildren;
}

/**
 * Tells govuk-frontend's CSS that JavaScript runs (and whether ES modules do) before the
 * first paint, so enhanced components do not flash. The one inline script: CSP allows it by nonce.
 */
const JS_ENABLED_SCRIPT =
  "document.body.className += ' js-enabled' + ('noModule' in HTMLScriptElement.prototype ? ' govuk-frontend-supported' : '');";

export function Layout(props: LayoutProps): VNode {
  const { viewer, assets } = props;
  // The idle-timeout warning's "Stay signed in" posts with this token (assets/js/session-timeout.mjs).
  const { csrfToken } = useRequestContext();
  return (
    <html lang="en-GB" class="govuk-template">
      <head>
        <meta charset="utf-8" />
        <title>{`${props.hasErrors ? 'Error: ' : ''}${props.title} – ${SERVICE_NAME}`}</title>
        <meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover" />
        <meta name="theme-color" content="#1d4f5c" />
        <link rel="icon" href="/assets/images/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href={`/assets/${assets.stylesheet}`} />
        {viewer && <meta name="csrf-token" content={csrfToken} />}
      </head>
      <body class="govuk-template__body" data-session-idle-ms={viewer ? String(SESSION_IDLE_MS) : undefined}>
        <script nonce={props.nonce} dangerouslySetInnerHTML={{ __html: JS_ENABLED_SCRIPT }} />
        <SkipLink href="#main-content" text="Skip to main content" />
        <Header viewer={viewer} />
        {props.navigation.length > 0 && (
          <ServiceNavigation navigation={props.navigation} ariaLabel="Menu" navigationLabel="Menu" />
        )}
        <div class="govuk-width-container">
          {props.beforeContent}
          <main class="govuk-main-wrapper" id="main-content">
            {props.children}
          </main>
        </div>
        <Footer />
        <script type="module" src={`/assets/${assets.script}`} nonce={props.nonce} />
      </body>
    </html>
  );
}

/** Tandem's own header: govuk-header's layout with our name in place of the crown and GOV.UK. */
function Header({ viewer }: { viewer: Viewer | null }): VNode {
  return (
    <header class="govuk-header tandem-header">
      <div class="govuk-header__container govuk-width-container tandem-header__container">
        <div class="govuk-header__logo">
          <a href="/" class="govuk-header__link govuk-header__link--homepage tandem-header__name">
            {SERVICE_NAME}
          </a>
        </div>
        <HeaderAccount viewer={viewer} />
      </div>
    </header>
  );
}

/** Who is signed in, with their account and sign-out; or the way to sign in. */
function HeaderAccount({ viewer }: { viewer: Viewer | null }): VNode {
  if (!viewer) {
    return (
      <p class="govuk-body-s tandem-header__account">
        <a class="govuk-header__link" href={authPaths.signIn}>
          Sign in
        </a>
      </p>
    );
  }
  return (
    <div class="tandem-header__account">
      <p class="govuk-body-s tandem-header__person">
        <span class="govuk-visually-hidden">Signed in as </span>
        {viewer.displayName}
      </p>
      <a class="govuk-header__link tandem-header__account-link" href={authPaths.account}>
        Your account
      </a>
      <Form action={authPaths.signOut}>
        <button type="submit" class="tandem-header__sign-out">
          Sign out
        </button>
      </Form>
    </div>
  );
}

function Footer(): VNode {
  return (
    <footer class="govuk-footer">
      <div class="govuk-width-container">
        <div class="govuk-footer__meta">
          <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
            <p class="govuk-footer__meta-custom">
              {SERVICE_NAME} supports mentoring, review and planning for school trusts.
            </p>
            <p class="govuk-footer__meta-custom">
              <Raw html='Contains public sector information licensed under the <a class="govuk-footer__link" href="https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/">Open Government Licence v3.0</a>. Source: Department for Education, Get Information about Schools.' />
            </p>
          </div>
        </div>
      </div>
    </footer>
  );
}
