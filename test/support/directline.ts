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

/** The stored message an activity came from (`<messageId>.<part>`). */
export function messageIdOf(activity: Activity): number {
  return Number(String(activity.id ?? '').split('.')[0]);
}

/** The text of a message activity ('' for other types). */
export function textOf(activity: Activity): string {
  return activity.type === 'message' ? (activity.text ?? '') : '';
}

/** The suggested actions of an activity as the core's choices (label, payload). */
export function choicesOf(activity: Activity): Array<{ label: string; payload: string }> {
  const actions = activity.type === 'message' ? (activity.suggestedActions?.actions ?? []) : [];
  return actions.map((action) => ({ label: String(action.title), payload: String((action.value as { payload?: unknown } | undefined)?.payload ?? action.value) }));
}

/**
 * Sends one citizen message through the real client and returns the activities of its turn: the
 * server's answer to the POST names the echo (`<n>.0`), the REST watermark says how far the turn
 * went, and the stream (or poller) must deliver up to there.
 */
export async function turn(base: string, citizen: DirectLineCitizen, auth: { conversationId: string; token: string }, text: string, value?: unknown): Promise<Activity[]> {
  const id = await citizen.say(text, value);
  const echo = Number(id.split('.')[0]);
  const response = await call(`${base}/v3/directline/conversations/${auth.conversationId}/activities?watermark=${echo}`, 'GET', undefined, { authorization: `Bearer ${auth.token}` });
  if (response.status !== 200) throw new Error(`GET activities: ${response.status}`);
  const end = Number(response.body.watermark);
  await citizen.next((activity) => messageIdOf(activity) === echo);
  if (end > echo) await citizen.next((activity) => messageIdOf(activity) >= end);
  return citizen.activities.filter((activity) => messageIdOf(activity) > echo && messageIdOf(activity) <= end && activity.from.role !== 'user');
}
