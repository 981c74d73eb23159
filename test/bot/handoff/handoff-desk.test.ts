/**
 * The handoff desk in-process (PGlite, a scripted bot, a controlled clock): office hours and the
 * claim timeout turn a handoff into a ticket answered later, told honestly; a callback number is
 * stored and masked in logs; the bot never answers after a takeover; the triggers; office hours.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createConversationService, type TurnRunner } from '../../../bot/conversation/conversation-service.ts';
import { parseState } from '../../../bot/conversation/conversation-state.ts';
import { textReply } from '../../../bot/replies.ts';
import type { TurnOutcome } from '../../../bot/turn-context.ts';
import { createMemoryEventHub, type ConversationEvent } from '../../../bot/events/event-hub.ts';
import { DESK_CHANNEL, createHandoffDesk } from '../../../bot/handoff/handoff-desk.ts';
import { createSqlHandoffRecords } from '../../../adapters/sql/sql-handoff-record-store.ts';
import { formatVietnamTime, parseOfficeHours } from '../../../bot/handoff/office-hours.ts';
import type { Officer } from '../../../bot/handoff/officer.ts';
import { createSqlTicketStore } from '../../../adapters/sql/sql-ticket-store.ts';
import { createSqlConversationStore } from '../../../adapters/sql/sql-conversation-store.ts';
import { isNegativeFeedback } from '../../../bot/intents/feedback-rules.ts';
import { createLogger } from '../../../channels/http/logger.ts';
import { DB_FACTORIES, type TestDatabase } from '../../support/databases.ts';

const pglite = DB_FACTORIES.find((f) => f.name === 'pglite')!;
const officer: Officer = { id: 'o-1', username: 'o1', displayName: 'Lan', role: 'officer', sectors: ['Hộ tịch'] };

/** Tuesday 2026-05-12 09:00 in Vietnam (02:00 UTC): office hours. */
const TUESDAY_MORNING = new Date('2026-05-12T02:00:00Z');
/** Sunday 2026-05-10 09:00 in Vietnam: closed. */
const SUNDAY = new Date('2026-05-10T02:00:00Z');

function handoffTurn(text = 'Dạ, em đã chuyển yêu cầu của bạn tới cán bộ hỗ trợ.'): TurnOutcome {
  return { replies: [textReply(text)], intent: 'handoff', procedure: null, confidence: 0.9, outcome: 'other', state: parseState({ handoffRequested: true, failedTurns: 1, pending: null, turns: 1 }), handoffRequested: { reason: 'citizen_request', sector: 'Hộ tịch' } };
}
const answer = (text: string): TurnOutcome => ({ replies: [textReply(text)], intent: 'fee', procedure: null, confidence: 0.9, outcome: 'answered', state: parseState({ turns: 2 }), handoffRequested: null });

describe('handoff desk', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await pglite.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  function setup(runTurn: TurnRunner, clock: { now: Date }, officeHours = '07:30-11:30,13:30-17:00') {
    const store = createSqlConversationStore(database.db);
    const tickets = createSqlTicketStore(database.db);
    const records = createSqlHandoffRecords(database.db);
    const events = createMemoryEventHub();
    const lines: string[] = [];
    const log = createLogger('info', new Writable({ write(chunk, _encoding, done) { lines.push(String(chunk)); done(); } }));
    const desk = createHandoffDesk({
      store, tickets, records, events,
      officers: { get: async (id) => (id === officer.id ? officer : null), list: async () => [officer] },
      officeHours: parseOfficeHours(officeHours),
      claimTimeoutMinutes: 5,
      now: () => clock.now,
      log,
    });
    const service = createConversationService({ store, tickets, events, runTurn, desk });
    return { store, tickets, records, events, desk, service, log, lines };
  }

  test('an ordinary message after a closed handoff costs no look at the ticket history; a rating or a number does', async () => {
    const clock = { now: SUNDAY };
    let calls = 0;
    const { service, records, desk, log } = setup(async () => (calls++ === 0 ? handoffTurn() : answer('Dạ, lệ phí 200.000 đồng')), clock);
    const outcome = await service.handleCitizenMessage({ channel: 'webchat', text: 'cho tôi gặp cán bộ', log });
    let looks = 0;
    const latestClosed = records.latestClosed.bind(records);
    records.latestClosed = async (conversationId) => {
      looks += 1;
      return latestClosed(conversationId);
    };
    const ask = (text: string) => desk.intercept({ conversationId: outcome.conversationId, text, log });
    expect(await ask('lệ phí làm hộ chiếu bao nhiêu')).toBeNull();
    expect(looks).toBe(0);
    expect(await ask('gọi lại cho tôi số 0912 345 678')).not.toBeNull();
    expect(looks).toBe(1);
  });

  test('outside office hours: told honestly with the next opening, the request becomes a ticket answered later, the bot carries on', async () => {
    const clock = { now: SUNDAY };
    let calls = 0;
    const { service, tickets, records, desk, store, log, lines } = setup(async () => (calls++ === 0 ? handoffTurn() : answer('Dạ, lệ phí 200.000 đồng')), clock);
    const outcome = await service.handleCitizenMessage({ channel: 'webchat', text: 'cho tôi gặp cán bộ', log });
    expect(outcome.handoff).toMatchObject({ state: 'closed', answeredLater: true });
    const told = outcome.replies.map((r) => r.text).join('\n');
    expect(told).toMatch(/ngoài giờ hành chính \(thứ Hai – thứ Sáu, 7:30–11:30 và 13:30–17:00/);
    expect(told).toMatch(/từ 7:30 thứ Hai, 11\/05\/2026/);
    expect(told).toMatch(/số điện thoại/);
    const ticket = (await tickets.get(outcome.handoff!.ticketId))!;
    expect(ticket).toMatchObject({ state: 'closed', endReason: 'outside_office_hours' });
    expect(await records.followUpOf(ticket.id)).toBe('pending');
    expect((await desk.queue(officer)).followUps.map((i) => i.ticketId)).toContain(ticket.id);
    expect((await store.get(outcome.conversationId))!.state).toMatchObject({ handoffRequested: false });

    // A callback number is stored on the ticket, acknowledged masked, and never logged in clear.
    const phone = await service.handleCitizenMessage({ conversationId: outcome.conversationId, channel: 'webchat', text: 'số của tôi là 0912 345 678', log });
    expect(phone.replies[0]!.text).toMatch(/\*{7}678/);
    expect(phone.replies[0]!.text).not.toMatch(/0912/);
    expect((await tickets.get(ticket.id))!.callbackPhone).toBe('0912345678');
    expect(lines.join('')).toMatch(/callback number left/);
    expect(lines.join('')).not.toMatch(/0912|345 ?678/);

    // The bot answers the next question; an officer answers the follow-up later.
    expect((await service.handleCitizenMessage({ conversationId: outcome.conversationId, channel: 'webchat', text: 'lệ phí hộ chiếu' })).replies[0]!.text).toMatch(/200\.000/);
    clock.now = TUESDAY_MORNING;
    const later = await desk.reply(officer, ticket.id, 'Chào anh/chị, tôi gọi lại theo yêu cầu.');
    expect(later.message.author).toBe('officer');
    expect(await records.followUpOf(ticket.id)).toBe('done');
  });

  test('nobody claims within the timeout: the citizen is told and the ticket is answered later (sweeper and relay)', async () => {
    const clock = { now: new Date() };
    const { service, tickets, desk, events } = setup(async () => handoffTurn(), clock, 'always');
    const first = await service.handleCitizenMessage({ channel: 'webchat', text: 'gặp cán bộ' });
    // waitingSince is the database's clock; the desk's clock moves from there.
    const since = Date.parse((await tickets.get(first.handoff!.ticketId))!.waitingSince);
    expect(first.handoff).toMatchObject({ state: 'waiting_officer', queuePosition: expect.any(Number), expectedWaitMinutes: expect.any(Number) });
    const heard: ConversationEvent[] = [];
    events.subscribe(first.conversationId, (event) => heard.push(event));
    clock.now = new Date(since + 4 * 60_000);
    expect(await desk.expireStale()).toBe(0);
    clock.now = new Date(since + 6 * 60_000);
    expect(await desk.expireStale()).toBeGreaterThanOrEqual(1);
    expect((await tickets.get(first.handoff!.ticketId))!).toMatchObject({ state: 'closed', endReason: 'no_officer_available' });
    expect(heard.map((e) => e.text).join('\n')).toMatch(/sau 5 phút vẫn chưa có cán bộ nào rảnh/);

    // Through the relay: the citizen writes after the timeout and is told at once.
    clock.now = new Date();
    const second = await service.handleCitizenMessage({ channel: 'webchat', text: 'gặp cán bộ' });
    clock.now = new Date(Date.parse((await tickets.get(second.handoff!.ticketId))!.waitingSince) + 10 * 60_000);
    const relay = await service.handleCitizenMessage({ conversationId: second.conversationId, channel: 'webchat', text: 'có ai không ạ' });
    expect(relay.handoff).toMatchObject({ state: 'closed', answeredLater: true });
    expect(relay.replies[0]!.text).toMatch(/chưa có cán bộ nào rảnh/);
  });

  test('race: the bot composes while an officer takes over by writing — the bot reply is dropped, the officer\'s stands', async () => {
    const clock = { now: TUESDAY_MORNING };
    let release!: () => void;
    const composing = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const botStarted = new Promise<void>((resolve) => (started = resolve));
    const { service, store, tickets, desk, events } = setup(async () => {
      started();
      await composing;
      return answer('Dạ, câu trả lời muộn của bot');
    }, clock);
    const conversationId = 'desk-race';
    await store.ensure(conversationId, 'webchat');
    const deskEvents: ConversationEvent[] = [];
    events.subscribe(DESK_CHANNEL, (event) => deskEvents.push(event));
    const turn = service.handleCitizenMessage({ conversationId, channel: 'webchat', text: 'câu hỏi' });
    await botStarted;
    const { ticket } = await tickets.open({ conversationId, channel: 'webchat', trigger: 'citizen_request', sector: 'Hộ tịch' });
    await desk.reply(officer, ticket.id, 'Cán bộ Lan xin trả lời ạ.');
    release();
    const outcome = await turn;
    expect(outcome.replies).toEqual([]);
    expect(outcome.handoff).toMatchObject({ state: 'with_officer' });
    const authors = (await store.messages(conversationId)).map((m) => `${m.author}:${m.text}`);
    expect(authors).toContain('officer:Cán bộ Lan xin trả lời ạ.');
    expect(authors.some((a) => a.startsWith('bot:'))).toBe(false);
    expect(deskEvents.some((e) => e.from === 'citizen' && e.text === 'câu hỏi')).toBe(true);
  });
});

describe('office hours (giờ hành chính, Asia/Ho_Chi_Minh)', () => {
  const hours = parseOfficeHours('07:30-11:30,13:30-17:00');
  const at = (local: string) => new Date(`${local}+07:00`);
  test.each([
    ['2026-05-12T07:29', false],
    ['2026-05-12T07:30', true],
    ['2026-05-12T11:45', false], // lunch break
    ['2026-05-12T13:30', true],
    ['2026-05-12T16:59', true],
    ['2026-05-12T17:00', false],
    ['2026-05-16T09:00', false], // Saturday
    ['2026-09-02T09:00', false], // Quốc khánh
  ] as const)('%s → open: %s', (local, open) => {
    expect(hours.isOpen(at(local))).toBe(open);
  });
  test('next opening skips the lunch break, the weekend and holidays', () => {
    expect(formatVietnamTime(hours.nextOpening(at('2026-05-12T12:00'))!)).toBe('13:30 thứ Ba, 12/05/2026');
    expect(formatVietnamTime(hours.nextOpening(at('2026-05-15T18:00'))!)).toBe('7:30 thứ Hai, 18/05/2026');
    expect(hours.nextOpening(at('2026-09-01T18:00'))!.getTime()).toBeGreaterThan(at('2026-09-02T23:59').getTime());
    expect(parseOfficeHours('always').isOpen(at('2026-05-16T03:00'))).toBe(true);
  });
});

describe('negative feedback detection', () => {
  test.each(['trả lời sai rồi', 'không đúng', 'vô dụng quá', 'bot ngu', 'tra loi linh tinh'])('"%s" is negative feedback', (text) => {
    expect(isNegativeFeedback(text)).toBe(true);
  });
  test.each(['đăng ký khai sinh cho con không đúng hạn thì nộp phạt bao nhiêu tiền vậy ạ', 'lệ phí hộ chiếu', 'đúng rồi cảm ơn'])('"%s" is not', (text) => {
    expect(isNegativeFeedback(text)).toBe(false);
  });
});
