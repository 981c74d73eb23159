/**
 * The conversation service's guarantees, on a real database: every citizen message is stored,
 * the bot answers only while no officer owns the conversation, and a bot reply computed while
 * an officer took over is dropped — never sent.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createConversationService, type TurnRunner } from '../../../bot/conversation/conversation-service.ts';
import type { ConversationState } from '../../../bot/conversation/conversation-state.ts';
import { textReply } from '../../../bot/replies.ts';
import { offersFeedback } from '../../../bot/insights/feedback-control.ts';
import type { TurnOutcome } from '../../../bot/turn-context.ts';
import { loadConfig } from '../../../config.ts';
import { createOfficerDeps } from '../../../deps/officer-deps.ts';
import { createMemoryEventHub, type ConversationEvent } from '../../../bot/events/event-hub.ts';
import { createSqlTicketStore } from '../../../adapters/sql/sql-ticket-store.ts';
import { createSqlConversationStore } from '../../../adapters/sql/sql-conversation-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../../support/databases.ts';

const pglite = DB_FACTORIES.find((f) => f.name === 'pglite')!;

/** A scripted bot outcome; `state` is whatever the test wants stored (the service passes it through). */
function answer(text: string, extra: Partial<Omit<TurnOutcome, 'state'>> & { state?: Record<string, unknown> } = {}): TurnOutcome {
  const { state = { turns: 1 }, ...rest } = extra;
  return { replies: [textReply(text)], intent: 'fee', procedure: { code: '1.001456', name: 'Cấp hộ chiếu' }, confidence: 0.9, outcome: 'answered', handoffRequested: null, ...rest, state: state as unknown as ConversationState };
}

describe('conversation service', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await pglite.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  function setup(runTurn: TurnRunner) {
    const store = createSqlConversationStore(database.db);
    const tickets = createSqlTicketStore(database.db);
    const events = createMemoryEventHub();
    const { desk } = createOfficerDeps({ db: database.db, config: loadConfig({ officeHours: 'always' }, {}), store, tickets, events });
    const service = createConversationService({ store, tickets, events, runTurn, desk });
    return { store, tickets, events, service };
  }

  test('a new conversation gets an id; the turn and its state are stored', async () => {
    const { service, store } = setup(async ({ state }) => answer('Dạ, 200.000 đồng', { state: { seen: (Number((state as { seen?: unknown }).seen) || 0) + 1 } }));
    const first = await service.handleCitizenMessage({ channel: 'webchat', text: 'lệ phí hộ chiếu' });
    expect(first.conversationId).toMatch(/[\w-]{8,}/);
    expect(first.replies).toEqual([textReply('Dạ, 200.000 đồng')]);
    const second = await service.handleCitizenMessage({ conversationId: first.conversationId, channel: 'webchat', text: 'còn gì nữa' });
    expect(second.conversationId).toBe(first.conversationId);
    expect((await store.get(first.conversationId))?.state).toEqual({ seen: 2 });
    const authors = (await store.messages(first.conversationId)).map((m) => m.author);
    expect(authors).toEqual(['citizen', 'bot', 'citizen', 'bot']);
  });

  test("only the last message of an answered turn is marked for the 👍/👎 control", async () => {
    const { service, store } = setup(async ({ text }) =>
      text === 'chào'
        ? answer('Xin chào', { intent: 'greeting', procedure: null, outcome: 'other' })
        : { ...answer('Hồ sơ gồm …'), replies: [textReply('Hồ sơ gồm …'), textReply('Lệ phí 200.000 đồng')] });
    const greeted = await service.handleCitizenMessage({ channel: 'zalo', text: 'chào' });
    await service.handleCitizenMessage({ conversationId: greeted.conversationId, channel: 'zalo', text: 'hộ chiếu cần gì' });
    const bot = (await store.messages(greeted.conversationId)).filter((m) => m.author === 'bot');
    expect(bot.map((m) => offersFeedback(m))).toEqual([false, false, true]);
  });

  test('an unknown conversation id starts a new conversation', async () => {
    const { service } = setup(async () => answer('Dạ'));
    const outcome = await service.handleCitizenMessage({ conversationId: 'khong-ton-tai', channel: 'webchat', text: 'chào' });
    expect(outcome.conversationId).not.toBe('khong-ton-tai');
  });

  test('a handoff request opens one ticket; while waiting the bot is not asked again', async () => {
    let botCalls = 0;
    const { service, tickets } = setup(async () => {
      botCalls += 1;
      return answer('Dạ, tôi đã chuyển yêu cầu tới cán bộ.', { intent: 'handoff', procedure: null, handoffRequested: { reason: 'citizen_request', sector: null } });
    });
    const first = await service.handleCitizenMessage({ channel: 'webchat', text: 'cho tôi gặp cán bộ' });
    expect(first.handoff).toMatchObject({ state: 'waiting_officer' });
    const again = await service.handleCitizenMessage({ conversationId: first.conversationId, channel: 'webchat', text: 'alo có ai không' });
    expect(botCalls).toBe(1);
    expect(again.handoff?.ticketId).toBe(first.handoff?.ticketId);
    expect(again.replies[0]?.text).toMatch(/chờ cán bộ/);
    expect((await tickets.queue()).filter((t) => t.conversationId === first.conversationId)).toHaveLength(1);
  });

  test('with an officer in charge the bot stays silent and the citizen\'s words are relayed', async () => {
    let botCalls = 0;
    const { service, tickets, events } = setup(async () => {
      botCalls += 1;
      return answer('Dạ, chuyển cán bộ', { handoffRequested: { reason: 'citizen_request', sector: null } });
    });
    const first = await service.handleCitizenMessage({ channel: 'webchat', text: 'gặp cán bộ' });
    const ticket = (await tickets.get(first.handoff!.ticketId))!;
    await tickets.transition(ticket.id, ticket.version, 'with_officer', { officerId: 'officer-1' });
    const relayed: ConversationEvent[] = [];
    events.subscribe(first.conversationId, (event) => relayed.push(event));
    const outcome = await service.handleCitizenMessage({ conversationId: first.conversationId, channel: 'webchat', text: 'em cần hỏi về sổ đỏ' });
    expect(outcome.replies).toEqual([]);
    expect(outcome.handoff).toMatchObject({ state: 'with_officer' });
    expect(botCalls).toBe(1);
    expect(relayed).toMatchObject([{ from: 'citizen', text: 'em cần hỏi về sổ đỏ' }]);
  });

  test('race: an officer takes over while the bot is composing — the bot reply is dropped, never stored', async () => {
    let release!: () => void;
    const composing = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const botStarted = new Promise<void>((resolve) => (started = resolve));
    const { service, store, tickets } = setup(async () => {
      started();
      await composing;
      return answer('Dạ, câu trả lời muộn của bot');
    });
    // An earlier handoff so a ticket exists to be claimed, then closed back to the bot.
    const conversationId = 'race-conversation';
    await store.ensure(conversationId, 'webchat');
    const turn = service.handleCitizenMessage({ conversationId, channel: 'webchat', text: 'câu hỏi' });
    await botStarted;
    const { ticket } = await tickets.open({ conversationId, channel: 'webchat', trigger: 'citizen_request' });
    await tickets.transition(ticket.id, ticket.version, 'with_officer', { officerId: 'officer-2' });
    release();
    const outcome = await turn;
    expect(outcome.replies).toEqual([]);
    expect(outcome.handoff).toMatchObject({ state: 'with_officer' });
    const botMessages = (await store.messages(conversationId)).filter((m) => m.author === 'bot');
    expect(botMessages).toEqual([]);
  });
});
