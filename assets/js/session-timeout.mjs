// Warns a signed-in person before their session times out for inactivity, and lets them stay
// signed in. Without JavaScript there is no warning: the session still ends after 30 idle minutes.
const WARN_BEFORE_MS = 5 * 60 * 1000;

export function initSessionTimeoutWarning() {
  const body = document.body;
  const idleMs = Number(body.dataset.sessionIdleMs);
  const token = document.querySelector('meta[name="csrf-token"]')?.getAttribute('content');
  if (!idleMs || !token) return;

  let timer;
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(showWarning, Math.max(0, idleMs - WARN_BEFORE_MS));
  };

  function showWarning() {
    if (document.getElementById('session-timeout-warning')) return;
    const banner = document.createElement('div');
    banner.id = 'session-timeout-warning';
    banner.className = 'govuk-notification-banner';
    banner.setAttribute('role', 'alert');
    banner.setAttribute('aria-labelledby', 'session-timeout-title');
    banner.innerHTML =
      '<div class="govuk-notification-banner__header"><h2 class="govuk-notification-banner__title" id="session-timeout-title">Important</h2></div>' +
      '<div class="govuk-notification-banner__content"><p class="govuk-notification-banner__heading">You will be signed out in 5 minutes because you have not done anything for a while.</p>' +
      '<button type="button" class="govuk-button govuk-!-margin-bottom-0">Stay signed in</button></div>';
    banner.querySelector('button').addEventListener('click', stayActive);
    document.getElementById('main-content')?.prepend(banner);
    banner.querySelector('button').focus();
  }

  async function stayActive() {
    const response = await fetch('/account/keep-alive', { method: 'POST', headers: { 'x-csrf-token': token } });
    if (!response.ok) return window.location.assign('/sign-in');
    document.getElementById('session-timeout-warning')?.remove();
    schedule();
  }

  schedule();
}
