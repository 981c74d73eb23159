/**
 * The portal (Bot Framework activities over our self-hosted Direct Line) in the Channel
 * conformance suite: the citizen is the real `botframework-directlinejs` client on its WebSocket
 * stream, with a token the portal's server generated with DIRECTLINE_SECRET; a clicked choice is
 * the messageBack Web Chat posts (the label as text, the payload as value).
 */
import { portalChannel } from '../../../channels/directline/portal-channel.ts';
import type { Activity } from '../../../channels/directline/activity.ts';
import { choicesOf, connectDirectLine, DIRECTLINE_SECRET, generateToken, textOf, turn } from '../../support/directline.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { rateByChoice, type ChannelHarness, type LiveChannel } from './channel-harness.ts';

const raw = (body: unknown) => ({ body, headers: {} });

export const portalHarness: ChannelHarness<Activity> = {
  channel: portalChannel,
  read: (wire) => ({ text: wire.text, choices: choicesOf(wire as never) }),
  refused: [
    { why: 'not an object', raw: raw([1, 2]) },
    { why: 'no type', raw: raw({ text: 'chào' }) },
    { why: 'not a message (typing)', raw: raw({ type: 'typing' }) },
    { why: 'no text', raw: raw({ type: 'message' }) },
    { why: 'empty text', raw: raw({ type: 'message', text: '   ' }) },
    { why: 'binary text', raw: raw({ type: 'message', text: 'a\u0000b' }) },
    { why: 'huge text', raw: raw({ type: 'message', text: 'x'.repeat(10_000) }) },
    { why: 'a forged payload', raw: raw({ type: 'message', text: 'Chọn', value: { payload: 'pick:<script>' } }) },
  ],

  startApp: () => startTestApp({ config: { directlineSecret: DIRECTLINE_SECRET } }),

  async connect(app: TestApp): Promise<LiveChannel> {
    const auth = await generateToken(app.url);
    const citizen = connectDirectLine(app.url, { token: auth.token, webSocket: true });
    const live: LiveChannel = {
      async send(input) {
        const activities =
          'text' in input
            ? await turn(app.url, citizen, auth, input.text)
            : await turn(app.url, citizen, auth, input.choice.label, { payload: input.choice.payload });
        return { conversationId: auth.conversationId, texts: activities.map(textOf), choices: activities.flatMap(choicesOf) };
      },
      rate(answer, rating) {
        return rateByChoice(live, answer, rating);
      },
      async nextLater(predicate) {
        const activity = await citizen.next((a) => a.from.role !== 'user' && predicate(textOf(a)));
        return textOf(activity);
      },
      async close() {
        citizen.end();
      },
    };
    return live;
  },
};
