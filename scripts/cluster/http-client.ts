/**
 * A browser's share of a conversation with Tandem over real HTTP, for the cluster test: it keeps
 * the cookies it is given and sends them back, and reads the CSRF token from a form page. Any
 * instance, or nginx, may be asked; the cookies go to all of them, as they would on one site.
 */
export interface Answer {
  status: number;
  headers: Headers;
  body: string;
}

export class HttpClient {
  readonly #cookies = new Map<string, string>();

  /** A GET, or a POST of `form` as application/x-www-form-urlencoded. Redirects are answered, not followed. */
  async request(
    url: string,
    { form, headers = {} }: { form?: Record<string, string>; headers?: Record<string, string> } = {},
  ): Promise<Answer> {
    const sent = new Headers(headers);
    if (this.#cookies.size > 0) {
      sent.set('cookie', [...this.#cookies].map(([name, value]) => `${name}=${value}`).join('; '));
    }
    if (form) sent.set('content-type', 'application/x-www-form-urlencoded');
    const response = await fetch(url, {
      method: form ? 'POST' : 'GET',
      headers: sent,
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
      redirect: 'manual',
    });
    for (const cookie of response.headers.getSetCookie()) this.#keep(cookie);
    // Read in full: an unread body would hold its connection.
    return { status: response.status, headers: response.headers, body: await response.text() };
  }

  /** Loads a form page as a browser would (its cookies kept) and answers the page and its CSRF token. */
  async formPage(url: string): Promise<Answer & { csrfToken: string }> {
    const page = await this.request(url);
    const csrfToken = /name="_csrf" value="([^"]+)"/.exec(page.body)?.[1];
    if (!csrfToken) throw new Error(`No CSRF token on ${url} (status ${page.status})`);
    return { ...page, csrfToken };
  }

  /** Only what the tests need of Set-Cookie: the pair, or its removal when cleared. */
  #keep(setCookie: string): void {
    const [pair = '', ...attributes] = setCookie.split(';');
    const split = pair.indexOf('=');
    const name = pair.slice(0, split).trim();
    const value = pair.slice(split + 1).trim();
    const cleared = attributes.some((attribute) => /^\s*max-age=0\s*$/i.test(attribute)) || value === '';
    if (cleared) this.#cookies.delete(name);
    else this.#cookies.set(name, value);
  }
}
