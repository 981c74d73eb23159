/**
 * An optional Rephraser (bot/deps.ts) backed by an OpenAI-compatible chat-completions endpoint:
 * it asks the model to reword the composed Vietnamese answer politely without changing facts,
 * then lets the fact guard (fact-guard.ts) decide. On any doubt — the model is down, slow, says
 * something else, invents or drops a number, code, time or document — the composed replies are
 * returned unchanged and the reason is logged (never the API key, never the model's text).
 *
 * What is sent: only the composed answer of a procedure answer (documents, fee, time, how-to,
 * overview) without its citation line — never the citizen's question, and never dossier or
 * handoff replies, which may concern a person. The citation line is put back verbatim.
 */
import type { BotLogger, Rephraser } from '../../bot/deps.ts';
import type { Reply } from '../../bot/replies.ts';
import { checkRephrase } from '../../bot/rephrase/fact-guard.ts';
import { chatCompletion, endpointHost, LlmError, type ChatMessage, type LlmEndpoint } from './llm-client.ts';

export const DEFAULT_LLM_TIMEOUT_MS = 8000;

/** Intents whose answers come from the catalog only (no personal data) and are worth rewording. */
export const REPHRASED_INTENTS: readonly string[] = ['documents', 'fee', 'processing_time', 'how_to', 'overview'];

/** Bodies shorter than this are left alone. */
const MIN_BODY_CHARS = 40;

export interface LlmRephraserOptions extends Omit<LlmEndpoint, 'timeoutMs'> {
  timeoutMs?: number;
  log?: BotLogger;
  /** Which intents to reword; default REPHRASED_INTENTS. */
  intents?: readonly string[];
}

export const SYSTEM_PROMPT = [
  'Bạn là biên tập viên của một trợ lý thủ tục hành chính. Hãy viết lại câu trả lời được gửi tới cho lịch sự, mạch lạc, dễ hiểu với người dân, giọng văn thân thiện, mở đầu bằng "Dạ,".',
  'Quy tắc bắt buộc:',
  '- Giữ nguyên mọi con số, số tiền, mã thủ tục, thời hạn, ngày tháng, số hiệu văn bản, địa chỉ web và tên giấy tờ; không làm tròn, không đổi đơn vị, không viết số thành chữ.',
  '- Không thêm thông tin mới, không bỏ bớt ý nào; giữ đủ mọi mục của danh sách.',
  '- Không thêm phần "Căn cứ", không thêm lời chào kết dài dòng.',
  '- Chỉ trả về câu trả lời đã viết lại, không giải thích, không dùng Markdown.',
].join('\n');

/** The trailing "Căn cứ: … · Mã thủ tục …" paragraph, kept out of the rewording. */
export function splitCitation(text: string): { body: string; citation: string } {
  const index = text.lastIndexOf('\n\n');
  if (index >= 0) {
    const tail = text.slice(index + 2);
    if (/^(?:Căn cứ: |Mã thủ tục )/u.test(tail) && !tail.includes('\n')) return { body: text.slice(0, index), citation: tail };
  }
  return { body: text, citation: '' };
}

/** Drops what models wrap answers in: reasoning blocks, code fences, quotes. */
export function cleanModelText(text: string): string {
  let out = text.replace(/<think>[\s\S]*?<\/think>/giu, '').trim();
  const fenced = /^```[\w-]*\n([\s\S]*?)\n?```$/u.exec(out);
  if (fenced) out = fenced[1]!.trim();
  const quoted = /^["“](.*)["”]$/su.exec(out);
  if (quoted && !quoted[1]!.includes('"') && !quoted[1]!.includes('“')) out = quoted[1]!.trim();
  return out;
}

class GuardRejection extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'GuardRejection';
  }
}

function cardTexts(reply: Reply): string[] {
  const texts: string[] = [];
  if (reply.kind !== 'text') texts.push(...(reply.quickReplies ?? []).map((q) => q.label));
  if (reply.kind === 'card') {
    texts.push(reply.card.code, reply.card.name, reply.card.level, reply.card.sector, reply.card.url ?? '');
    for (const fact of reply.card.facts) texts.push(`${fact.label}: ${fact.value}`);
  }
  return texts;
}

export function createLlmRephraser(options: LlmRephraserOptions): Rephraser {
  const endpoint: LlmEndpoint = {
    baseUrl: options.baseUrl,
    model: options.model,
    timeoutMs: options.timeoutMs ?? DEFAULT_LLM_TIMEOUT_MS,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
  const intents = new Set(options.intents ?? REPHRASED_INTENTS);
  const host = endpointHost(options.baseUrl);

  return async ({ intent, procedure, replies }) => {
    if (!intents.has(intent)) return replies;

    const rephraseOne = async (reply: Reply): Promise<Reply> => {
      const { body, citation } = splitCitation(reply.text);
      if (body.trim().length < MIN_BODY_CHARS) return reply;
      const messages: ChatMessage[] = [
        { role: 'system', content: SYSTEM_PROMPT },
        { role: 'user', content: `Câu trả lời cần viết lại:\n\n${body}` },
      ];
      const rephrased = cleanModelText(await chatCompletion(endpoint, messages));
      const documentNames = (procedure?.documents ?? [])
        .map((doc) => doc.name.trim())
        .filter((name) => name && body.includes(name));
      const verdict = checkRephrase({ composed: body, alsoAllowed: [citation, ...cardTexts(reply)], documentNames, rephrased });
      if (!verdict.ok) throw new GuardRejection(verdict.reason);
      if (/(?:^|\n)Căn cứ:/u.test(rephrased) && citation) throw new GuardRejection('rewrite repeats the citation');
      return { ...reply, text: citation ? `${rephrased}\n\n${citation}` : rephrased };
    };

    try {
      return await Promise.all(replies.map(rephraseOne));
    } catch (error) {
      const context = { intent, procedure: procedure?.code ?? null, llm: host, model: options.model };
      if (error instanceof GuardRejection) {
        options.log?.warn({ ...context, code: 'llm_fact_guard', reason: error.reason }, 'LLM rewording rejected by the fact guard; composed replies kept');
      } else {
        const code = error instanceof LlmError ? error.code : 'llm_failed';
        const reason = error instanceof LlmError ? error.message : error instanceof Error ? error.name : 'unknown';
        options.log?.warn({ ...context, code, reason }, 'LLM rewording failed; composed replies kept');
      }
      return replies;
    }
  };
}
