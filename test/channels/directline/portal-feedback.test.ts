/**
 * 👍/👎 on the portal, over both of its transports: with the real Direct Line client
 * (botframework-directlinejs on our WebSocket stream) and through `POST /api/messages` (the
 * Agents SDK, replies recorded by a fake connector on loopback). A committed procedure answer
 * carries two more messageBack actions whose value names its stored message (a greeting does
 * not); the click is recorded for that message, counted by the supervisors' report and
 * acknowledged — never answered as a question; after 👎 the next text is the comment; a forged
 * value naming another conversation's answer records nothing and tells the citizen nothing.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Activity } from 'botframework-directlinejs';
import { FEEDBACK_ACKS, FEEDBACK_LABELS } from '../../../bot/insights/feedback-control.ts';
import { portalConversationId } from '../../../channels/directline/agents-endpoint.ts';
import { emulatorActivity, startFakeBotConnector, type FakeBotConnector } from '../../fakes/fake-bot-connector.ts';
import { call, login } from '../../support/officer-app.ts';
import { choicesOf, connectDirectLine, DIRECTLINE_SECRET, generateToken, messageIdOf, textOf, turn, type DirectLineCitizen } from '../../support/directline.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

let app: TestApp;
let connector: FakeBotConnector;
let supervisor: Record<string, string>;
const open: DirectLineCitizen[] = [];

beforeAll(async () => {
  connector = await startFakeBotConnector();
  app = await startTestApp({ config: { directlineSecret: DIRECTLINE_SECRET }, zaloWorker: { pollMs: 50, baseDelayMs: 20, maxDelayMs: 100 } });
  app.deps.agents.start();
  await app.deps.officer.accounts.create({ username: 'giamsat-portal', password: 'mat-khau-giam-sat-1', role: 'supervisor' });
  supervisor = (await login(app.url, 'giamsat-portal', 'mat-khau-giam-sat-1')).auth;
}, 120_000);
afterAll(async () => {
  for (const citizen of open) citizen.end();
  await app?.close();
  await connector?.close();
});

const ratingsOf = (activity: Activity | undefined) => (activity ? choicesOf(activity) : []).filter((choice) => choice.payload.startsWith('feedback:'));
const satisfaction = async () => (await call(`${app.url}/api/officer/insights`, 'GET', undefined, supervisor)).body.satisfaction as { up: number; down: number };
const answers = async (conversationId: string) => (await app.deps.db.query<{ n: string | number }>('SELECT count(*) AS n FROM messages WHERE conversation_id = $1 AND outcome IS NOT NULL', [conversationId])).rows[0]!.n;

describe('Direct Line (Web Chat)', () => {
  async function start(user: string) {
    const auth = await generateToken(app.url, user);
    const citizen = connectDirectLine(app.url, { token: auth.token, webSocket: true }, user);
    open.push(citizen);
    const answer = await turn(app.url, citizen, auth, 'làm hộ chiếu cần giấy tờ gì');
    return { auth, citizen, answer };
  }

  test('a procedure answer carries 👍/👎 as messageBack actions naming it; a greeting does not', async () => {
    const { auth, citizen, answer } = await start('citizen-rates-1');
    const last = answer.at(-1)!;
    const rated = messageIdOf(last);
    expect(ratingsOf(last)).toEqual([
      { label: FEEDBACK_LABELS.up, payload: `feedback:up:${rated}` },
      { label: FEEDBACK_LABELS.down, payload: `feedback:down:${rated}` },
    ]);
    const actions = last.type === 'message' ? last.suggestedActions!.actions : [];
    expect(actions.at(-1)).toMatchObject({ type: 'messageBack', title: FEEDBACK_LABELS.down, displayText: FEEDBACK_LABELS.down, value: { payload: `feedback:down:${rated}` } });
    for (const earlier of answer.slice(0, -1)) expect(ratingsOf(earlier)).toEqual([]);

    const greeted = await turn(app.url, citizen, auth, 'xin chào');
    expect(greeted.length).toBeGreaterThan(0);
    expect(greeted.flatMap(ratingsOf)).toEqual([]);
  });

  test('👍 records "up" for that answer, is acknowledged, is no turn, and the report counts it', async () => {
    const { auth, citizen, answer } = await start('citizen-rates-2');
    const before = await satisfaction();
    const answered = await answers(auth.conversationId);
    const up = ratingsOf(answer.at(-1)).find((choice) => choice.payload.startsWith('feedback:up:'))!;

    const acked = await turn(app.url, citizen, auth, up.label, { payload: up.payload });
    expect(acked.map(textOf)).toEqual([FEEDBACK_ACKS.up]);
    expect(acked.flatMap(ratingsOf)).toEqual([]);
    expect(await app.deps.insights.feedback.get(messageIdOf(answer.at(-1)!))).toMatchObject({ conversationId: auth.conversationId, rating: 'up' });
    expect(await answers(auth.conversationId)).toBe(answered);
    // Web Chat sees its click echoed (so it is marked sent) with the label as the citizen's words.
    expect(citizen.activities.filter((a) => a.from.role === 'user').map(textOf).at(-1)).toBe(FEEDBACK_LABELS.up);

    const after = await satisfaction();
    expect(after).toMatchObject({ up: before.up + 1, down: before.down });
  });

  test('👎 invites a comment; the next text is stored as the comment and not answered; a postBack works too', async () => {
    const { auth, citizen, answer } = await start('citizen-rates-3');
    const rated = messageIdOf(answer.at(-1)!);
    // A postBack carries the payload itself as the value.
    const invited = await turn(app.url, citizen, auth, FEEDBACK_LABELS.down, `feedback:down:${rated}`);
    expect(invited.map(textOf)).toEqual([FEEDBACK_ACKS.down]);
    const thanked = await turn(app.url, citizen, auth, 'Thiếu lệ phí làm hộ chiếu gắn chip');
    expect(thanked.map(textOf)).toEqual([FEEDBACK_ACKS.comment]);
    expect(await app.deps.insights.feedback.get(rated)).toMatchObject({ rating: 'down', comment: 'Thiếu lệ phí làm hộ chiếu gắn chip' });
    const next = await turn(app.url, citizen, auth, 'lệ phí bao nhiêu');
    expect(next.map(textOf).join('\n')).toMatch(/lệ phí/i);
  });

  test("a forged value naming another conversation's answer records nothing and says nothing", async () => {
    const victim = await start('citizen-victim');
    const { auth, citizen } = await start('citizen-forger');
    const target = messageIdOf(victim.answer.at(-1)!);
    const seen = await turn(app.url, citizen, auth, FEEDBACK_LABELS.down, { payload: `feedback:down:${target}` });
    expect(seen).toEqual([]);
    expect(await app.deps.insights.feedback.get(target)).toBeNull();
    const next = await turn(app.url, citizen, auth, 'lệ phí bao nhiêu');
    expect(next.map(textOf).join('\n')).toMatch(/lệ phí/i);
  });
});

describe('POST /api/messages (Azure Bot Service, the Emulator)', () => {
  const activity = (text: string, extra: Record<string, unknown> = {}) => emulatorActivity(connector.url, 'feedback-emulator|livechat', { text, ...extra });
  async function post(body: ReturnType<typeof activity>) {
    const response = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBeLessThan(300);
    return body;
  }

  test('the answer carries 👍/👎; the click is recorded for it and acknowledged, not answered', async () => {
    const asked = await post(activity('làm hộ chiếu cần giấy tờ gì'));
    const reply = await connector.waitFor((r) => r.body.replyToId === asked.id && (r.body.suggestedActions?.actions ?? []).some((a: { value?: { payload?: string } }) => a.value?.payload?.startsWith('feedback:')));
    const up = reply.body.suggestedActions.actions.find((a: { value: { payload: string } }) => a.value.payload.startsWith('feedback:up:'));
    expect(up).toMatchObject({ type: 'messageBack', title: FEEDBACK_LABELS.up });
    const rated = Number(up.value.payload.split(':')[2]);
    const conversationId = portalConversationId('emulator', 'feedback-emulator|livechat');
    const answered = await answers(conversationId);
    const before = await satisfaction();

    const click = await post(activity(up.text, { value: up.value }));
    const ack = await connector.waitFor((r) => r.body.replyToId === click.id);
    expect(ack.body.text).toBe(FEEDBACK_ACKS.up);
    expect(await app.deps.insights.feedback.get(rated)).toMatchObject({ conversationId, rating: 'up' });
    expect(await answers(conversationId)).toBe(answered);
    expect((await satisfaction()).up).toBe(before.up + 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(connector.received.filter((r) => r.body.replyToId === click.id).map((r) => r.body.text)).toEqual([FEEDBACK_ACKS.up]);
  });
});
