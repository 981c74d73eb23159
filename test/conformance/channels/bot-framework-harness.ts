/**
 * The portal channel over its second transport in the Channel conformance suite: Bot Framework
 * activities posted to `POST /api/messages` (Microsoft 365 Agents SDK, loopback, as the Emulator
 * does), and what reaches the citizen is what the app sent to a fake Bot Connector at the
 * activity's serviceUrl (answers as replies to the activity, later messages to the conversation).
 * A clicked choice is the messageBack Web Chat posts (the label as text, the payload as value).
 */
import { randomUUID } from 'node:crypto';
import { BOTFRAMEWORK_CHANNEL } from '../../../channels/directline/agents-delivery.ts';
import type { Activity } from '../../../channels/directline/activity.ts';
import { portalConversationId } from '../../../channels/directline/agents-endpoint.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../../fakes/fake-bot-connector.ts';
import { choicesOf } from '../../support/directline.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';
import { rateByChoice, type ChannelHarness, type LiveChannel } from './channel-harness.ts';
import { portalHarness } from './portal-harness.ts';

const connectors = new WeakMap<TestApp, FakeBotConnector>();

async function settled(app: TestApp, conversationId: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while ((await app.deps.agents.outbox.pendingCount(BOTFRAMEWORK_CHANNEL, conversationId)) > 0) {
    if (Date.now() > deadline) throw new Error('the outbox did not empty within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export const botFrameworkHarness: ChannelHarness<Activity> = {
  ...portalHarness,
  label: 'portal over /api/messages',

  async startApp() {
    const connector = await startFakeBotConnector();
    const started = await startTestApp({ zaloWorker: { pollMs: 50, baseDelayMs: 20, maxDelayMs: 100 } });
    started.deps.agents.start();
    const app: TestApp = {
      ...started,
      async close() {
        await started.close();
        await connector.close();
      },
    };
    connectors.set(app, connector);
    return app;
  },

  async connect(app: TestApp): Promise<LiveChannel> {
    const connector = connectors.get(app);
    if (!connector) throw new Error('the Bot Framework harness needs the app from its startApp()');
    const conversation = `${randomUUID()}|livechat`;
    const ours = portalConversationId('emulator', conversation);
    const mine = () => connector.received.filter((r) => r.conversationId === conversation);
    let later = 0;
    const live: LiveChannel = {
      async send(input) {
        const id = `act-${randomUUID()}`;
        const activity = {
          type: 'message',
          id,
          timestamp: new Date().toISOString(),
          serviceUrl: connector.url,
          channelId: 'emulator',
          from: { id: 'citizen-bf', role: 'user' },
          conversation: { id: conversation },
          recipient: { id: 'tro-ly-bot', role: 'bot' },
          locale: 'vi-VN',
          ...('text' in input ? { text: input.text } : { text: input.choice.label, value: { payload: input.choice.payload } }),
        };
        const response = await fetch(`${app.url}/api/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(activity),
        });
        if (response.status >= 300) throw new Error(`/api/messages answered ${response.status}: ${await response.text()}`);
        await settled(app, ours);
        const answers = mine()
          .filter((r) => r.body.replyToId === id)
          .map((r) => r.body as Activity);
        later = mine().length;
        return { conversationId: ours, texts: answers.map((a) => a.text), choices: answers.flatMap((a) => choicesOf(a as never)) };
      },
      rate(answer, rating) {
        return rateByChoice(live, answer, rating);
      },
      async nextLater(predicate) {
        const found = await connector.waitFor((r) => r.conversationId === conversation && mine().indexOf(r) >= later && predicate(String(r.body.text ?? '')));
        return String(found.body.text);
      },
      async close() {},
    };
    return live;
  },
};
