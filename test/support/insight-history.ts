/**
 * A known history for the insights (2026-11-01 … 2026-11-03, Vietnam time), written through the
 * real stores and then dated: four conversations on two channels, eight questions, three tickets,
 * feedback, handoff ratings and dossier lookups — plus activity just outside the range. The
 * expected figures are spelled out in test/conformance/insight-store.conformance.test.ts.
 */
import type { Db } from '../../adapters/sql/db/db.ts';
import { createSqlAnswerFeedbackStore } from '../../adapters/sql/sql-answer-feedback-store.ts';
import { createSqlConversationStore } from '../../adapters/sql/sql-conversation-store.ts';
import { createSqlDossierAuditLog } from '../../adapters/sql/sql-dossier-audit-store.ts';
import { createSqlHandoffRecords } from '../../adapters/sql/sql-handoff-record-store.ts';
import { createSqlTicketStore } from '../../adapters/sql/sql-ticket-store.ts';
import type { AnswerOutcome } from '../../bot/insights/answer-outcome.ts';

/** `2026-11-DD HH:MM` in Vietnam as an ISO instant. */
export const vn = (day: string, time: string): string => new Date(`2026-11-${day}T${time}:00+07:00`).toISOString();
const vnOct = (day: string, time: string): string => new Date(`2026-10-${day}T${time}:00+07:00`).toISOString();

export const PASSPORT = '1.001456';
export const LAND = '1.003003';

interface TurnSeed {
  question: string;
  at: string;
  intent: string;
  procedureCode: string | null;
  outcome: AnswerOutcome;
  confidence: number;
  replies?: number;
}

export async function seedInsightHistory(db: Db, prefix = 'seed'): Promise<void> {
  const conversations = createSqlConversationStore(db);
  const tickets = createSqlTicketStore(db);
  const records = createSqlHandoffRecords(db);
  const feedback = createSqlAnswerFeedbackStore(db);
  const audit = createSqlDossierAuditLog(db);

  const setTime = (table: string, column: string, at: string, where: string, values: unknown[]) =>
    db.query(`UPDATE ${table} SET ${column} = $1 WHERE ${where}`, [at, ...values]);

  async function conversation(name: string, channel: string, createdAt: string, turns: TurnSeed[]) {
    const id = `${prefix}-${name}`;
    await conversations.ensure(id, channel);
    await setTime('conversations', 'created_at', createdAt, 'id = $2', [id]);
    const answers: number[] = [];
    for (const turn of turns) {
      const [citizen] = await conversations.append(id, [{ author: 'citizen', text: turn.question }]);
      const current = await conversations.get(id);
      const replies = Array.from({ length: turn.replies ?? 1 }, (_, i) => ({
        author: 'bot' as const,
        text: `trả lời ${i + 1}`,
        intent: turn.intent,
        procedureCode: turn.procedureCode,
        answer: { replyTo: citizen!.id, outcome: turn.outcome, confidence: turn.confidence },
      }));
      const { messages } = await conversations.saveTurn(id, current!.version, {}, replies);
      await setTime('messages', 'created_at', turn.at, 'id = ANY($2::bigint[])', [[citizen!.id, ...messages.map((m) => m.id)]]);
      answers.push(messages[0]!.id);
    }
    return { id, answers };
  }

  async function ticket(conversationId: string, channel: string, times: { opened: string; claimed?: string; replied?: string; rating?: number; ratedAt?: string }) {
    let { ticket: t } = await tickets.open({ conversationId, channel, trigger: 'citizen_request', sector: null });
    await setTime('handoff_tickets', 'created_at', times.opened, 'id = $2', [t.id]);
    if (!times.claimed) return;
    t = await tickets.transition(t.id, t.version, 'with_officer', { officerId: `${prefix}-officer` });
    await setTime('handoff_tickets', 'first_claimed_at', times.claimed, 'id = $2', [t.id]);
    await setTime('handoff_tickets', 'claimed_at', times.claimed, 'id = $2', [t.id]);
    if (times.replied) {
      const [reply] = await conversations.append(conversationId, [{ author: 'officer', text: 'Chào anh/chị, tôi là cán bộ trực.' }]);
      await setTime('messages', 'created_at', times.replied, 'id = $2', [reply!.id]);
    }
    t = await tickets.transition(t.id, t.version, 'closed', { endReason: 'resolved' });
    if (times.rating) {
      await records.rate(t, times.rating);
      await setTime('handoff_ratings', 'created_at', times.ratedAt ?? times.claimed, 'ticket_id = $2', [t.id]);
    }
  }

  async function rate(conversationId: string, messageId: number, rating: 'up' | 'down', at: string, comment?: string) {
    await feedback.record({ conversationId, messageId, rating, comment });
    await setTime('answer_feedback', 'updated_at', at, 'message_id = $2', [messageId]);
  }

  const a = await conversation('a', 'webchat', vn('01', '08:00'), [
    { question: 'làm hộ chiếu cần giấy tờ gì', at: vn('01', '08:01'), intent: 'documents', procedureCode: PASSPORT, outcome: 'answered', confidence: 0.9, replies: 2 },
    { question: 'lệ phí bao nhiêu', at: vn('01', '08:02'), intent: 'fee', procedureCode: PASSPORT, outcome: 'answered', confidence: 0.8 },
  ]);
  await rate(a.id, a.answers[0]!, 'up', vn('01', '08:03'));

  // 23:30 in Vietnam is still 1 November there (16:30 UTC); its second question is on 2 November.
  const b = await conversation('b', 'webchat', vn('01', '23:30'), [
    { question: 'Giá vàng hôm nay?', at: vn('01', '23:31'), intent: 'out_of_scope', procedureCode: null, outcome: 'out_of_scope', confidence: 0.7 },
    { question: 'gia vang hom nay', at: vn('02', '00:10'), intent: 'out_of_scope', procedureCode: null, outcome: 'out_of_scope', confidence: 0.7 },
  ]);
  await ticket(b.id, 'webchat', { opened: vn('02', '00:12'), claimed: vn('02', '00:14'), replied: vn('02', '00:15'), rating: 5, ratedAt: vn('02', '00:30') });

  const c = await conversation('c', 'zalo', vn('02', '09:00'), [
    { question: 'cấp sổ đỏ lần đầu', at: vn('02', '09:01'), intent: 'overview', procedureCode: LAND, outcome: 'answered', confidence: 0.4 },
    { question: 'abc xyz', at: vn('02', '09:02'), intent: 'fallback', procedureCode: null, outcome: 'not_found', confidence: 0 },
  ]);
  await rate(c.id, c.answers[0]!, 'down', vn('02', '09:03'), '=Sai thủ tục, gọi tôi 0912345678');
  await ticket(c.id, 'zalo', { opened: vn('02', '09:05'), claimed: vn('02', '09:15'), replied: vn('02', '09:20'), rating: 3, ratedAt: vn('02', '09:40') });

  const d = await conversation('d', 'webchat', vn('03', '10:00'), [
    { question: 'đăng ký khai sinh', at: vn('03', '10:01'), intent: 'overview', procedureCode: null, outcome: 'clarify', confidence: 0.5 },
    { question: 'Giá vàng hôm nay', at: vn('03', '10:02'), intent: 'out_of_scope', procedureCode: null, outcome: 'out_of_scope', confidence: 0.7 },
  ]);
  await ticket(d.id, 'webchat', { opened: vn('03', '10:05') });

  // Outside the range: the evening before and the first minute after.
  const e = await conversation('e', 'webchat', vnOct('31', '23:59'), [
    { question: 'xin chào', at: vnOct('31', '23:59'), intent: 'greeting', procedureCode: null, outcome: 'other', confidence: 1 },
  ]);
  await ticket(e.id, 'webchat', { opened: vnOct('31', '23:59'), claimed: vn('01', '09:00'), replied: vn('01', '09:01'), rating: 1, ratedAt: vnOct('31', '23:59') });
  await conversation('f', 'zalo', vn('04', '00:00'), [
    { question: 'qwe rty', at: vn('04', '00:00'), intent: 'fallback', procedureCode: null, outcome: 'not_found', confidence: 0 },
  ]);

  const lookup = (at: string, outcome: 'found' | 'not_found' | 'rate_limited' | 'pending', action: 'lookup' | 'verify' = 'lookup') =>
    audit.record({ at: new Date(at), action, outcome, code: '000.00.00.DEMO-250101-0001', conversationId: a.id, channel: 'webchat' });
  await lookup(vn('01', '10:00'), 'found');
  await lookup(vn('01', '10:01'), 'not_found');
  await lookup(vn('03', '11:00'), 'found');
  await lookup(vn('03', '11:01'), 'rate_limited');
  await lookup(vn('03', '11:02'), 'pending');
  await lookup(vn('03', '11:03'), 'found', 'verify');
  await lookup(vnOct('31', '12:00'), 'found');
}
