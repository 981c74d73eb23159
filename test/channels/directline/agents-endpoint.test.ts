/**
 * POST /api/messages through the Microsoft 365 Agents SDK, as the Bot Framework Emulator uses it:
 * an activity whose serviceUrl is a local fake connector server; the answer must arrive there as
 * the SDK posts replies (`/v3/conversations/:id/activities/:replyToId`); an officer's reply later
 * is pushed there through the outbox (`/v3/conversations/:id/activities`) while the bot is silent.
 * Without Azure credentials only loopback callers are served; with them the SDK's JWT check
 * refuses unsigned requests.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { portalConversationId } from '../../../channels/directline/agents-endpoint.ts';
import { emulatorActivity, startFakeBotConnector, type FakeBotConnector, type ReceivedActivity } from '../../fakes/fake-bot-connector.ts';
import { call } from '../../support/officer-app.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

/** An activity as the Emulator posts it. */
function emulatorTurn(serviceUrl: string, text: string, extra: Record<string, unknown> = {}) {
  return emulatorActivity(serviceUrl, 'c0ffee00-emulator|livechat', { text, ...extra });
}

describe('without Azure credentials (loopback, as with the Emulator)', () => {
  let app: TestApp;
  let connector: FakeBotConnector;
  beforeAll(async () => {
    connector = await startFakeBotConnector();
    app = await startTestApp({ zaloWorker: { pollMs: 50, baseDelayMs: 20, maxDelayMs: 100 } });
    app.deps.agents.start();
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await connector?.close();
  });

  test('a message activity is answered through the connector at its serviceUrl, as a reply to it', async () => {
    const activity = emulatorTurn(connector.url, 'lệ phí cấp hộ chiếu');
    const response = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBeLessThan(300);
    const reply = await connector.waitFor((r) => r.body.replyToId === activity.id);
    expect(reply.path).toBe(`/v3/conversations/${activity.conversation.id}/activities/${activity.id}`);
    expect(reply.body).toMatchObject({ type: 'message', replyToId: activity.id, conversation: { id: activity.conversation.id }, recipient: { id: 'user-emulator' } });
    expect(reply.body.text).toContain('200.000 đồng');
    expect(reply.body.suggestedActions.actions[0]).toMatchObject({ type: 'messageBack', value: { payload: expect.stringMatching(/^ask:\w+:1\.001456$/) } });

    // The conversation is stored under our own id and continues: a clicked action answers its facet.
    const ours = portalConversationId('emulator', activity.conversation.id);
    expect((await app.deps.store.get(ours))?.channel).toBe('portal');
    const action = reply.body.suggestedActions.actions.find((a: { value: { payload: string } }) => a.value.payload.startsWith('ask:processing_time:'));
    const follow = emulatorTurn(connector.url, action.text, { value: action.value });
    await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(follow) });
    const second = await connector.waitFor((r) => r.body.replyToId === follow.id);
    expect(second.body.text).toMatch(/ngày làm việc/);
    expect((await app.deps.store.messages(ours)).filter((m) => m.author === 'citizen').map((m) => m.text)).toEqual(['lệ phí cấp hộ chiếu', action.text]);
  });

  test('officer handoff: the officer is pushed to the conversation, the bot stays silent, the rating follows the close', async () => {
    const post = async (text: string, extra: Record<string, unknown> = {}) => {
      const activity = emulatorTurn(connector.url, text, { conversation: { id: 'handoff-emulator|livechat' }, ...extra });
      const response = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
      expect(response.status).toBeLessThan(300);
      return activity;
    };
    const ours = portalConversationId('emulator', 'handoff-emulator|livechat');
    const seen = () => connector.received.filter((r) => r.conversationId === 'handoff-emulator|livechat');
    const waitSeen = async (predicate: (r: ReceivedActivity) => boolean) => {
      await expect.poll(() => seen().some(predicate), { timeout: 10_000 }).toBe(true);
      return seen().find(predicate)!;
    };

    // A first question makes the conversation known, so the desk's notices during the next turn
    // (published while it runs) meet a delivery that already listens: still each sent once.
    const first = await post('lệ phí cấp hộ chiếu');
    await waitSeen((r) => r.body.replyToId === first.id);
    const asked = await post('cho tôi gặp cán bộ');
    await waitSeen((r) => r.body.replyToId === asked.id);
    const officer = (await app.deps.officer.accounts.create({ username: 'canbo-agents', password: 'mat-khau-dai-123', role: 'supervisor', displayName: 'Cán bộ' }))!;
    const ticket = (await app.deps.officer.desk.queue(officer)).items.find((item) => item.conversationId === ours)!;
    expect(ticket).toBeDefined();
    await app.deps.officer.desk.claim(officer, ticket.ticketId);
    await app.deps.officer.desk.reply(officer, ticket.ticketId, 'Chào anh/chị, tôi là cán bộ Thu.');
    const pushed = await waitSeen((r) => String(r.body.text).includes('cán bộ Thu'));
    // A proactive message: to the conversation, not as a reply.
    expect(pushed.path).toBe('/v3/conversations/handoff-emulator|livechat/activities');
    expect(pushed.body).toMatchObject({ type: 'message', conversation: { id: 'handoff-emulator|livechat' } });

    const before = seen().length;
    const during = await post('làm hộ chiếu cần giấy tờ gì');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen().slice(before).filter((r) => r.body.replyToId === during.id && /1\.001456/.test(String(r.body.text)))).toEqual([]);

    await app.deps.officer.desk.close(officer, ticket.ticketId, 'resolved');
    const rating = await waitSeen((r) => (r.body.suggestedActions?.actions ?? [])[0]?.title === '1');
    expect(rating.body.suggestedActions.actions.map((a: { title: string }) => a.title)).toEqual(['1', '2', '3', '4', '5']);
    // Every message went out once, answers as replies to the activity they answer.
    const texts = seen().map((r) => r.body.text);
    expect(new Set(texts).size).toBe(texts.length);
    expect(seen().filter((r) => r.body.replyToId === asked.id).length).toBeGreaterThan(0);
  });

  test('an activity the channel refuses (empty text) is answered in Vietnamese and nothing is stored', async () => {
    const activity = emulatorTurn(connector.url, '   ', { conversation: { id: 'empty-emulator|livechat' } });
    const response = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    expect(response.status).toBeLessThan(300);
    const told = await connector.waitFor((r) => r.body.replyToId === activity.id);
    expect(told.body.text).toBe('Vui lòng nhập nội dung câu hỏi.');
    expect(await app.deps.store.get(portalConversationId('emulator', 'empty-emulator|livechat'))).toBeNull();
  });

  test('a caller that is not on this machine is refused, in Vietnamese', async () => {
    const before = connector.received.length;
    // Behind a proxy on loopback the client's address is the forwarded one.
    const response = await call(`${app.url}/api/messages`, 'POST', emulatorTurn(connector.url, 'lệ phí cấp hộ chiếu'), { 'x-forwarded-for': '203.0.113.5' });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toMatch(/xác thực Azure/);
    expect(connector.received.length).toBe(before);
  });
});

describe('with Azure credentials', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ warm: false, config: { agentsClientId: '00000000-0000-0000-0000-00000000b07a', agentsClientSecret: 'not-a-real-secret', agentsTenantId: '00000000-0000-0000-0000-0000000073a7' } });
  }, 120_000);
  afterAll(async () => app?.close());

  test('the SDK refuses a request without a token or with a malformed one (401), even from loopback', async () => {
    const activity = emulatorTurn('http://127.0.0.1:9/', 'lệ phí cấp hộ chiếu');
    expect((await call(`${app.url}/api/messages`, 'POST', activity)).status).toBe(401);
    expect((await call(`${app.url}/api/messages`, 'POST', activity, { authorization: 'Bearer not-a-jwt' })).status).toBe(401);
    expect(await app.deps.store.get(portalConversationId('emulator', activity.conversation.id))).toBeNull();
  });
});

describe('under NODE_ENV=production without Azure credentials', () => {
  test('the server starts and /api/messages answers 503 saying what is missing (the SDK allows no anonymous use there)', async () => {
    const before = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    let app: TestApp | undefined;
    try {
      app = await startTestApp({ warm: false });
      const response = await call(`${app.url}/api/messages`, 'POST', emulatorTurn('http://127.0.0.1:9/', 'chào'));
      expect(response.status).toBe(503);
      expect(response.body.error).toMatchObject({ code: 'agents_not_configured', message: expect.stringContaining('clientId') });
    } finally {
      if (before === undefined) delete process.env.NODE_ENV;
      else process.env.NODE_ENV = before;
      await app?.close();
    }
  });
});
