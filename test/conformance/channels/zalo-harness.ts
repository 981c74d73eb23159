/**
 * The Zalo OA in the Channel conformance suite: the citizen's messages are signed webhook
 * events posted to the app, and what reaches the citizen is what the app sent to a fake Zalo
 * server over HTTP (customer-service messages; a button press is the button's payload sent
 * back as text; a 👍/👎 press, an `oa.query.hide` button, sends its payload unseen). Our conversation id and the meaning of each button are read from the app's
 * contact store, as nothing on Zalo's side carries them.
 */
import { createZaloChannel } from '../../../channels/zalo/zalo-channel.ts';
import type { ZaloWireMessage } from '../../../channels/zalo/zalo-render.ts';
import type { QuickReply } from '../../../bot/replies.ts';
import type { FakeZalo, ReceivedMessage } from '../../fakes/fake-zalo-server.ts';
import type { TestApp } from '../../support/test-app.ts';
import { APP_ID, OA_ID, OA_SECRET, postZaloEvent, signedHeaders, startZaloTestApp, waitUntil, zaloEvents, zaloUser } from '../../support/zalo.ts';
import { rateByChoice, type ChannelHarness, type LiveChannel } from './channel-harness.ts';

const fakes = new WeakMap<TestApp, FakeZalo>();

/** A delivery as the webhook receives it (raw bytes and headers), signed unless told otherwise. */
function delivery(event: object | string, headers?: Record<string, string>) {
  const raw = typeof event === 'string' ? event : JSON.stringify(event);
  return { body: undefined, rawBody: Buffer.from(raw), headers: headers ?? signedHeaders(raw) };
}

const user = '8167403311712038752';
/** The refused inputs are checked against a fixed clock, so each is refused for its own reason however slow the run. */
const NOW = Date.now();
const text = (words: string) => zaloEvents.text(user, words, { at: NOW });

export const zaloHarness: ChannelHarness<ZaloWireMessage> = {
  channel: createZaloChannel({ appId: APP_ID, oaSecretKey: OA_SECRET, replayWindowSeconds: 300, now: () => new Date(NOW) }),
  read: (wire) => ({ text: wire.message.text, choices: wire.choices }),
  refused: [
    { why: 'an unsigned delivery', raw: delivery(text('chào'), { 'content-type': 'application/json' }) },
    { why: 'a forged signature', raw: delivery(JSON.stringify(text('chào')), signedHeaders(JSON.stringify(text('chào')), { secret: 'wrong-secret-key' })) },
    { why: 'a stale timestamp (replay)', raw: delivery(zaloEvents.text(user, 'chào', { at: NOW - 10 * 60_000 })) },
    { why: 'a body that is not JSON', raw: delivery('không phải json', { 'x-zevent-signature': `mac=${'0'.repeat(64)}` }) },
    { why: 'an event of another app', raw: delivery(zaloEvents.text(user, 'chào', { appId: '999', at: NOW })) },
    { why: 'a text event without a sender', raw: delivery({ ...text('chào'), sender: undefined }) },
    { why: 'empty text', raw: delivery(text('   ')) },
    { why: 'binary text', raw: delivery(text('a\u0000b')) },
    { why: 'huge text', raw: delivery(text('x'.repeat(10_000))) },
  ],

  async startApp() {
    const started = await startZaloTestApp();
    const app: TestApp = { ...started.app, close: started.close };
    fakes.set(app, started.fake);
    return app;
  },

  async connect(app): Promise<LiveChannel> {
    const fake = fakes.get(app);
    if (!fake || !app.deps.zalo) throw new Error('the Zalo harness needs the app from its startApp()');
    const zalo = app.deps.zalo;
    const userId = zaloUser();
    let lastSeen: ReceivedMessage[] = [];
    let later = 0;

    const contact = () => zalo.contacts.find('zalo', OA_ID, userId);
    const idle = () => waitUntil(async () => (await zalo.pendingWork()) === 0, 'the app to finish with the message');

    const live: LiveChannel = {
      async send(input) {
        // A press sends the button's payload (the text Zalo puts in the chat) as a message.
        const words =
          'text' in input
            ? input.text
            : (lastSeen.flatMap((m) => m.buttons).find((b) => (b.type === 'oa.query.show' || b.type === 'oa.query.hide') && b.title === input.choice.label)
                ?.payload ?? input.choice.label);
        const before = fake.to(userId).length;
        const response = await postZaloEvent(app.url, zaloEvents.text(userId, words));
        if (response.status !== 200) throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
        await idle();
        lastSeen = fake.to(userId).slice(before);
        later = before + lastSeen.length;
        const known = await contact();
        const offered: QuickReply[] = known?.offered ?? [];
        // A shown query's payload is its label (mapped back through the contact); a hidden one's (👍/👎) is itself.
        const choices = lastSeen
          .flatMap((m) => m.buttons.filter((b) => b.type === 'oa.query.show' || b.type === 'oa.query.hide'))
          .map(
            (b) =>
              (b.type === 'oa.query.hide' ? undefined : offered.find((c) => c.label === b.title || b.payload === c.label)) ?? {
                label: b.title,
                payload: String(b.payload),
              },
          );
        return { conversationId: known?.conversationId ?? '', texts: lastSeen.map((m) => m.text), choices };
      },
      rate(answer, rating) {
        return rateByChoice(live, answer, rating);
      },
      async nextLater(predicate) {
        const found = await fake.waitFor((m) => m.userId === userId && fake.to(userId).indexOf(m) >= later && predicate(m.text));
        return found.text;
      },
      async close() {},
    };
    return live;
  },
};
