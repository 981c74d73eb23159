/**
 * POST /api/messages under the per-client chat bucket (issue 13, finding 5), as the Emulator posts
 * on loopback without Azure credentials (the client is the address): message activities are chat
 * turns — over the bucket 429 with Retry-After and a Vietnamese message, the activity neither
 * stored nor answered; other activity types (conversationUpdate) take nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { portalConversationId } from '../../../channels/directline/agents-endpoint.ts';
import { emulatorActivity, startFakeBotConnector, type FakeBotConnector } from '../../fakes/fake-bot-connector.ts';
import { call } from '../../support/officer-app.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';


describe('POST /api/messages without Azure credentials, with a small chat bucket', () => {
  let app: TestApp;
  let connector: FakeBotConnector;
  beforeAll(async () => {
    connector = await startFakeBotConnector();
    app = await startTestApp({ config: { rateLimitChatPerMinute: 2 }, zaloWorker: { pollMs: 50, baseDelayMs: 20, maxDelayMs: 100 } });
    app.deps.agents.start();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await connector?.close();
  });

  test('the third message in a minute is 429 with Retry-After, not stored and not answered; a conversationUpdate still passes', async () => {
    const conversation = 'limits-emulator|livechat';
    const post = (extra: Record<string, unknown>) => {
      const sent = emulatorActivity(connector.url, conversation, extra);
      return call(`${app.url}/api/messages`, 'POST', sent).then((response) => ({ sent, response }));
    };
    for (const text of ['lệ phí cấp hộ chiếu', 'làm hộ chiếu ở đâu']) {
      const { sent, response } = await post({ text });
      expect(response.status).toBeLessThan(300);
      await connector.waitFor((r) => r.body.replyToId === sent.id);
    }
    const ours = portalConversationId('emulator', conversation);
    const citizenMessages = async () => (await app.deps.store.messages(ours)).filter((m) => m.author === 'citizen').length;
    expect(await citizenMessages()).toBe(2);

    const { sent, response } = await post({ text: 'câu hỏi thứ ba' });
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(response.body.error).toMatchObject({ code: 'rate_limited', message: expect.stringMatching(/quá nhanh.*thử lại sau \d+ giây/) });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connector.received.filter((r) => r.body.replyToId === sent.id)).toEqual([]);
    expect(await citizenMessages()).toBe(2);

    const update = await post({ type: 'conversationUpdate', membersAdded: [{ id: 'user-emulator' }] });
    expect(update.response.status).toBeLessThan(300);
  });
});
