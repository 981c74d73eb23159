/**
 * What an officer sees of one ticket: the transcript, the bot's context (procedure under
 * discussion, intents, dossiers the citizen looked up) and suggested answers composed from the
 * catalog for the citizen's current question — the same composers the bot answers with.
 */
import type { Ticket } from '../../bot/handoff/ticket-store.ts';
import type { ConversationStore, StoredMessage } from '../../bot/conversation/conversation-store.ts';
import { composeAnswer } from '../../bot/compose/facet.ts';
import { asksHandoff, classify } from '../../bot/intents/classify.ts';
import type { ConversationDossiers } from '../../bot/dossiers/conversation-dossiers.ts';
import type { Procedure } from '../../knowledge/schema.ts';
import type { TurnDeps } from '../../bot/deps.ts';
import type { Readiness } from '../../bot/readiness.ts';

export interface TicketView {
  ticket: Ticket;
  transcript: Array<{ id: number; from: StoredMessage['author']; text: string; intent: string | null; procedureCode: string | null; at: string }>;
  context: {
    procedure: { code: string; name: string; sector: string } | null;
    intents: string[];
    dossiers: Array<{ code: string; procedureName: string | null; status: string | null; dueAt: string | null }>;
  };
  suggestions: Array<{ procedureCode: string; procedureName: string; intent: string; text: string }>;
}

export interface TicketContextDeps {
  store: ConversationStore;
  assistant: Readiness<TurnDeps>;
  /** The dossiers looked up in the conversation. */
  dossiersLookedUp: ConversationDossiers;
}

/** The citizen's latest real question (not "gặp cán bộ", not a rating). */
function currentQuestion(messages: StoredMessage[]): string | null {
  for (const message of [...messages].reverse()) {
    if (message.author !== 'citizen' || message.text.trim().length < 4) continue;
    if (!asksHandoff(classify(message.text))) return message.text;
  }
  return null;
}

async function suggest(assistant: TurnDeps | undefined, question: string | null, known: Procedure | null): Promise<TicketView['suggestions']> {
  const candidates: Procedure[] = known ? [known] : [];
  if (question && assistant) {
    const hits = await assistant.retriever.search(question, { limit: 2 }).catch(() => []);
    for (const hit of hits) if (!candidates.some((p) => p.code === hit.procedure.code)) candidates.push(hit.procedure);
  }
  const intent = question ? classify(question).facet ?? 'overview' : 'overview';
  return candidates.slice(0, 2).map((procedure) => ({
    procedureCode: procedure.code,
    procedureName: procedure.name,
    intent,
    text: composeAnswer(intent, procedure).map((reply) => reply.text).join('\n\n'),
  }));
}

export async function ticketView(ticket: Ticket, deps: TicketContextDeps): Promise<TicketView> {
  const messages = await deps.store.messages(ticket.conversationId, { limit: 500 });
  const assistant = deps.assistant.current();
  const catalog = assistant?.catalog;
  const lastCode = ticket.procedureCode ?? [...messages].reverse().find((m) => m.procedureCode)?.procedureCode ?? null;
  const procedure = lastCode && catalog ? catalog.get(lastCode) ?? null : null;
  const intents = [...new Set(messages.filter((m) => m.author === 'bot' && m.intent).map((m) => m.intent as string))];
  return {
    ticket,
    transcript: messages.map((m) => ({ id: m.id, from: m.author, text: m.text, intent: m.intent, procedureCode: m.procedureCode, at: m.createdAt })),
    context: {
      procedure: procedure ? { code: procedure.code, name: procedure.name, sector: procedure.sector } : null,
      intents,
      dossiers: await deps.dossiersLookedUp.recent(ticket.conversationId),
    },
    suggestions: await suggest(assistant, currentQuestion(messages), procedure),
  };
}
