/**
 * The real Direct Line client (botframework-directlinejs) in Node, talking to our server: it
 * needs a browser's XMLHttpRequest (rxjs ajax) and WebSocket, given here by `xhr2` and `ws` as
 * jsdom gives them in the library's own tests. Plus a collector that waits for activities.
 */
import WebSocket from 'ws';
// @ts-expect-error xhr2 ships no types
import XMLHttpRequest from 'xhr2';
import { DirectLine, type Activity, type DirectLineOptions } from 'botframework-directlinejs';
import { call } from './officer-app.ts';

const globals = globalThis as Record<string, unknown>;
globals.XMLHttpRequest ??= XMLHttpRequest;
globals.WebSocket ??= WebSocket;

export const DIRECTLINE_SECRET = 'portal-directline-secret-0123456789abcdef';

export interface DirectLineCitizen {
  directLine: DirectLine;
  activities: Activity[];
  /** Waits for an activity (from the bot's side unless `any`) matching the predicate. */
  next(predicate: (activity: Activity) => boolean, timeoutMs?: number): Promise<Activity>;
  /** Posts a message (or a clicked suggested action) and resolves with the activity id the server gave. */
  say(text: string, value?: unknown): Promise<string>;
  end(): void;
}

/** A token for a new conversation, as the portal's server would get it with the secret. */
export async function generateToken(base: string, userId = 'portal-user-1'): Promise<{ conversationId: string; token: string; expires_in: number }> {
  const response = await call(`${base}/v3/directline/tokens/generate`, 'POST', { user: { id: userId } }, { authorization: `Bearer ${DIRECTLINE_SECRET}` });
  if (response.status !== 200) throw new Error(`tokens/generate: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export function connectDirectLine(base: string, options: DirectLineOptions, userId = 'portal-user-1'): DirectLineCitizen {
  const directLine = new DirectLine({ domain: `${base}/v3/directline`, pollingInterval: 200, ...options });
  const activities: Activity[] = [];
  const waiters: Array<{ predicate: (a: Activity) => boolean; resolve: (a: Activity) => void }> = [];
  const subscription = directLine.activity$.subscribe((activity) => {
    activities.push(activity);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(activity)) {
        waiters.splice(waiters.indexOf(waiter), 1);
        waiter.resolve(activity);
      }
    }
  });
  let clientIds = 0;
  return {
    directLine,
    activities,
    next(predicate, timeoutMs = 10_000) {
      const already = activities.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching activity within ${timeoutMs} ms; got ${JSON.stringify(activities.map((a) => [a.id, a.from?.role, 'text' in a ? a.text : a.type]))}`)), timeoutMs);
        waiters.push({ predicate, resolve: (a) => { clearTimeout(timer); resolve(a); } });
      });
    },
    say(text, value) {
      clientIds += 1;
      return new Promise((resolve, reject) => {
        directLine
          .postActivity({ type: 'message', from: { id: userId }, text, ...(value !== undefined ? { value } : {}), channelData: { clientActivityID: `client-${clientIds}` } } as Activity)
          .subscribe({ next: (id) => (id === 'retry' ? reject(new Error('postActivity: retry')) : resolve(id)), error: reject });
      });
    },
    end() {
      subscription.unsubscribe();
      directLine.end();
    },
  };
}
