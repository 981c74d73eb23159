/**
 * InsightStore on every Db implementation, through buildInsights: a known seeded history
 * (test/support/insight-history.ts) gives exactly these figures — days in Vietnam time, the range
 * bounds respected, unanswered questions grouped by their wording.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSqlConversationStore } from '../../adapters/sql/sql-conversation-store.ts';
import { createSqlInsightStore } from '../../adapters/sql/sql-insight-store.ts';
import { createSqlTicketStore } from '../../adapters/sql/sql-ticket-store.ts';
import { buildInsights, unansweredCsv } from '../../bot/insights/insights.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';
import { LAND, PASSPORT, seedInsightHistory, vn } from '../support/insight-history.ts';

const NAMES: Record<string, string> = { [PASSPORT]: 'Cấp hộ chiếu phổ thông', [LAND]: 'Đăng ký đất đai lần đầu' };
const nameOf = (code: string) => NAMES[code] ?? null;

describe.each(DB_FACTORIES)('InsightStore conformance: $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
    await seedInsightHistory(database.db);
  }, 60_000);
  afterAll(async () => database?.dispose());

  test('the three days of the seeded history, figure by figure', async () => {
    const report = await buildInsights(createSqlInsightStore(database.db), { from: '2026-11-01', to: '2026-11-03' }, nameOf);
    expect(report.channels).toEqual(['webchat', 'zalo']);
    expect(report.days).toEqual([
      { day: '2026-11-01', conversations: { webchat: 2, zalo: 0 }, questions: { webchat: 3, zalo: 0 }, lookups: 2, lookupsFound: 1 },
      { day: '2026-11-02', conversations: { webchat: 0, zalo: 1 }, questions: { webchat: 1, zalo: 2 }, lookups: 0, lookupsFound: 0 },
      { day: '2026-11-03', conversations: { webchat: 1, zalo: 0 }, questions: { webchat: 2, zalo: 0 }, lookups: 1, lookupsFound: 1 },
    ]);
    expect(report.totals).toEqual({ conversations: 4, questions: 8, unanswered: 4, dossierLookups: 3 });
    expect(report.topProcedures).toEqual([
      { code: PASSPORT, name: 'Cấp hộ chiếu phổ thông', questions: 2 },
      { code: LAND, name: 'Đăng ký đất đai lần đầu', questions: 1 },
    ]);
    expect(report.intents).toEqual([
      { intent: 'out_of_scope', questions: 3 },
      { intent: 'overview', questions: 2 },
      { intent: 'documents', questions: 1 },
      { intent: 'fallback', questions: 1 },
      { intent: 'fee', questions: 1 },
    ]);
    expect(report.outcomes).toEqual([
      { outcome: 'answered', questions: 3 },
      { outcome: 'out_of_scope', questions: 3 },
      { outcome: 'clarify', questions: 1 },
      { outcome: 'not_found', questions: 1 },
    ]);
    expect(report.handoff).toEqual({ conversations: 4, handedOff: 3, rate: 0.75, tickets: 3 });
    // Waits 120 s and 600 s; first responses 180 s and 900 s (the unclaimed ticket has neither).
    expect(report.officerWait).toEqual({ count: 2, medianSeconds: 360, p90Seconds: 552 });
    expect(report.firstResponse).toEqual({ count: 2, medianSeconds: 540, p90Seconds: 828 });
    expect(report.satisfaction).toEqual({ up: 1, down: 1, feedbackRate: 0.5, ratings: 2, ratingAverage: 4, ratingRate: 0.5, overallRate: 0.5 });
  });

  test('unanswered, low-confidence and disliked questions, grouped by their wording', async () => {
    const report = await buildInsights(createSqlInsightStore(database.db), { from: '2026-11-01', to: '2026-11-03' }, nameOf);
    expect(report.unanswered).toEqual([
      {
        key: 'gia vang hom nay',
        text: 'Giá vàng hôm nay',
        count: 3,
        outcomes: { out_of_scope: 3 },
        disliked: 0,
        procedureCode: null,
        procedureName: null,
        comments: [],
        lastAt: vn('03', '10:02'),
      },
      {
        key: 'abc xyz',
        text: 'abc xyz',
        count: 1,
        outcomes: { not_found: 1 },
        disliked: 0,
        procedureCode: null,
        procedureName: null,
        comments: [],
        lastAt: vn('02', '09:02'),
      },
      {
        key: 'cap so do lan dau',
        text: 'cấp sổ đỏ lần đầu',
        count: 1,
        outcomes: { answered: 1 },
        disliked: 1,
        procedureCode: LAND,
        procedureName: 'Đăng ký đất đai lần đầu',
        comments: ['=Sai thủ tục, gọi tôi***78'],
        lastAt: vn('02', '09:01'),
      },
    ]);
    const csv = unansweredCsv(report.unanswered);
    expect(csv.startsWith('\uFEFFcau_hoi,khoa_tu_dien,so_lan,ket_qua,khong_hai_long,ma_thu_tuc,ten_thu_tuc,gop_y,lan_cuoi\r\n')).toBe(true);
    expect(csv.split('\r\n').slice(1, 4)).toEqual([
      `Giá vàng hôm nay,gia vang hom nay,3,ngoài phạm vi: 3,0,,,,${vn('03', '10:02')}`,
      `abc xyz,abc xyz,1,không tìm thấy: 1,0,,,,${vn('02', '09:02')}`,
      `cấp sổ đỏ lần đầu,cap so do lan dau,1,trả lời (độ tin cậy thấp): 1,1,${LAND},Đăng ký đất đai lần đầu,"'=Sai thủ tục, gọi tôi***78",${vn('02', '09:01')}`,
    ]);
  });

  test('one day of the range: only what happened on it, in Vietnam time', async () => {
    const report = await buildInsights(createSqlInsightStore(database.db), { from: '2026-11-02', to: '2026-11-02' }, nameOf);
    expect(report.days).toEqual([
      { day: '2026-11-02', conversations: { webchat: 0, zalo: 1 }, questions: { webchat: 1, zalo: 2 }, lookups: 0, lookupsFound: 0 },
    ]);
    expect(report.totals).toEqual({ conversations: 1, questions: 3, unanswered: 2, dossierLookups: 0 });
    expect(report.handoff).toEqual({ conversations: 1, handedOff: 1, rate: 1, tickets: 2 });
    expect(report.officerWait).toEqual({ count: 2, medianSeconds: 360, p90Seconds: 552 });
    expect(report.unanswered.map((g) => [g.key, g.count])).toEqual([
      ['abc xyz', 1],
      ['cap so do lan dau', 1],
      ['gia vang hom nay', 1],
    ]);
  });

  test('an empty range has zeros and no rates', async () => {
    const report = await buildInsights(createSqlInsightStore(database.db), { from: '2026-12-01', to: '2026-12-02' }, nameOf);
    expect(report.channels).toEqual([]);
    expect(report.days.map((d) => d.day)).toEqual(['2026-12-01', '2026-12-02']);
    expect(report.totals).toEqual({ conversations: 0, questions: 0, unanswered: 0, dossierLookups: 0 });
    expect(report.handoff.rate).toBeNull();
    expect(report.officerWait).toEqual({ count: 0, medianSeconds: null, p90Seconds: null });
    expect(report.satisfaction.overallRate).toBeNull();
  });

  test('the officer wait ends at the first claim: a transfer back to the queue and a later claim do not move it', async () => {
    const conversationId = `wait-${factory.name}`;
    await createSqlConversationStore(database.db).ensure(conversationId, 'webchat');
    const tickets = createSqlTicketStore(database.db);
    let { ticket } = await tickets.open({ conversationId, channel: 'webchat', trigger: 'citizen_request', sector: null });
    ticket = await tickets.transition(ticket.id, ticket.version, 'with_officer', { officerId: 'a' });
    ticket = await tickets.transition(ticket.id, ticket.version, 'waiting_officer');
    ticket = await tickets.transition(ticket.id, ticket.version, 'with_officer', { officerId: 'b' });
    // Dated on 2026-12-20: opened 60 s before the first claim, the second claim an hour later.
    await database.db.query(
      `UPDATE handoff_tickets SET first_claimed_at = $2, created_at = $2::timestamptz - interval '60 seconds', claimed_at = $2::timestamptz + interval '1 hour' WHERE id = $1`,
      [ticket.id, new Date('2026-12-20T09:00:00+07:00').toISOString()],
    );
    const store = createSqlInsightStore(database.db);
    const range = { from: new Date('2026-12-20T00:00:00+07:00'), to: new Date('2026-12-21T00:00:00+07:00') };
    expect(await store.officerWait(range)).toEqual({ count: 1, medianSeconds: 60, p90Seconds: 60 });
    // Now: the seeded history's unclaimed ticket still waits; this one is with an officer.
    expect(await store.backlog()).toEqual({ waitingTickets: 1, outboxPending: 0 });
  });
});
