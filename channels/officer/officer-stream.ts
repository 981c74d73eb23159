/**
 * The console's live stream (queue changes and messages of tickets this officer may see), which
 * lives no longer than the session: the session is checked before each event and on a timer, and
 * a logged-out or expired session ends the stream before anything more is sent.
 */
import type { Request, Response } from 'express';
import type { EventHub } from '../../bot/events/event-hub.ts';
import { DESK_CHANNEL } from '../../bot/handoff/handoff-desk.ts';
import { handlesSector } from '../../bot/handoff/officer.ts';
import type { OfficerAccounts } from '../../adapters/sql/sql-officer-store.ts';
import { openEventStream } from '../http/event-stream.ts';

/** How often an idle stream re-checks its session (an event re-checks it at once). */
export const SESSION_CHECK_MS = 60_000;
/** While the event hub's transport (Redis) is down, how often the console is told to reload from the database. */
export const REFRESH_WHILE_DOWN_MS = 5_000;

export function openOfficerStream(request: Request, response: Response, deps: { accounts: OfficerAccounts; events: EventHub }): void {
  const officer = request.officer!;
  const token = request.officerToken!;
  const stream = openEventStream(request, response);
  let open = true;
  // Checks and sends run one after another, so events keep their order and none passes a check in flight.
  let chain = Promise.resolve();
  const whileSignedIn = (then: () => void) => {
    chain = chain.then(async () => {
      if (!open) return;
      const session = await deps.accounts.session(token).catch(() => null);
      if (!open) return;
      if (!session) return stream.end();
      then();
    });
  };
  const unsubscribe = deps.events.subscribe(DESK_CHANNEL, (event) => {
    const sector = (event.data?.sector as string | null | undefined) ?? null;
    if (!handlesSector(officer, sector)) return;
    whileSignedIn(() => stream.send({ type: event.type, from: event.from, text: event.text, messageId: event.messageId, at: event.at, ...event.data }));
  });
  const timer = setInterval(() => whileSignedIn(() => undefined), SESSION_CHECK_MS);
  timer.unref();
  // Events of other instances do not cross a Redis outage: the console reloads its queue and open
  // ticket from the database instead (and once more when Redis is back).
  let wasDown = false;
  const refresher = setInterval(() => {
    const down = deps.events.status?.() === 'down';
    if (down || wasDown) whileSignedIn(() => stream.send({ type: 'refresh', reason: down ? 'events_down' : 'events_back' }));
    wasDown = down;
  }, REFRESH_WHILE_DOWN_MS);
  refresher.unref();
  stream.onClose(() => {
    open = false;
    unsubscribe();
    clearInterval(timer);
    clearInterval(refresher);
  });
}
