import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireSignedIn, signedInViewer } from '../../platform/access/guards.ts';
import { calendarFeedFor, getCalendarPage, makeCalendarFeed } from './calendar.service.ts';
import type { PartnershipsOptions } from './index.ts';
import { partnershipPaths } from './partnerships.paths.ts';
import { CalendarPage } from './views/calendar-page.tsx';

const { routes } = partnershipPaths;

/**
 * The new feed's token, carried from the POST to the page after it (post/redirect/get) in a
 * signed, short-lived cookie bound to the person, and cleared once shown: the address is shown once.
 */
const NEW_FEED_COOKIE = 'tandem_new_calendar_feed';

function rememberNewFeed(reply: FastifyReply, personId: string, token: string) {
  reply.setCookie(NEW_FEED_COOKIE, `${personId}.${token}`, {
    path: routes.calendar,
    httpOnly: true,
    sameSite: 'lax',
    secure: 'auto',
    signed: true,
    maxAge: 300,
  });
}

function newFeedToShow(request: FastifyRequest, personId: string): string | null {
  const raw = request.cookies[NEW_FEED_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  if (!unsigned.valid || unsigned.value === null) return null;
  const [owner, token] = unsigned.value.split('.');
  return owner === personId && token ? token : null;
}

/** A person's private calendar feed: made and shown once at /calendar, read by calendar apps at /calendar/:token. */
export async function calendarRoutes(app: FastifyInstance, { db, publicUrl }: PartnershipsOptions): Promise<void> {
  const base = publicUrl.replace(/\/+$/, '');

  app.get(routes.calendar, { preHandler: requireSignedIn }, async function calendarGet(request, reply) {
    const viewer = signedInViewer(request);
    const { feed } = await getCalendarPage({ db, actor: viewer });
    const token = newFeedToShow(request, viewer.personId);
    if (token) reply.clearCookie(NEW_FEED_COOKIE, { path: routes.calendar });
    reply.header('cache-control', 'private, no-store');
    return reply.renderPage({
      title: 'Your calendar feed',
      content: (
        <CalendarPage feed={feed} newFeedUrl={token ? `${base}${partnershipPaths.calendarFeed(token)}` : null} />
      ),
    });
  });

  app.post(routes.calendar, { preHandler: requireSignedIn }, async function calendarPost(request, reply) {
    const viewer = signedInViewer(request);
    const token = await makeCalendarFeed({ db, actor: viewer });
    rememberNewFeed(reply, viewer.personId, token);
    return reply.redirect(partnershipPaths.calendar(), 303);
  });

  // No sign-in: calendar apps cannot sign in, so the token in the address is the secret.
  app.get(routes.calendarFeed, async function calendarFeedGet(request, reply) {
    const token = String((request.params as { token?: unknown }).token ?? '');
    const body = await calendarFeedFor({ db, token, publicUrl });
    return reply
      .header('content-type', 'text/calendar; charset=utf-8')
      .header('cache-control', 'private, no-store')
      .header('content-disposition', 'inline; filename="tandem.ics"')
      .send(body);
  });
}
