/**
 * The 👍/👎 control on the bot's answers for channels that show it as buttons (Zalo OA, the
 * portal): which stored answer carries it, the payload each button sends back (naming the rated
 * message), and what a click or the comment after a 👎 does — recorded in the AnswerFeedbackStore
 * the insights read, acknowledged in one short message, never run as a chat turn.
 */
import type { Logger } from 'pino';
import type { ConversationStore, StoredMessage } from '../conversation/conversation-store.ts';
import type { EventHub } from '../events/event-hub.ts';
import type { QuickReply } from '../replies.ts';
import { FEEDBACK_COMMENT_MAX, type AnswerFeedbackStore, type FeedbackRating } from './answer-feedback.ts';

/** The buttons' labels, shown under the answer (and as the citizen's message once clicked). */
export const FEEDBACK_LABELS: Record<FeedbackRating, string> = { up: '👍 Hữu ích', down: '👎 Chưa đúng' };

/** The intent stored with the acknowledgements (a channel leaves the answer's choices in force after one). */
export const FEEDBACK_INTENT = 'feedback';

/** How long after a 👎 the citizen's next plain text is taken as its comment. */
export const FEEDBACK_COMMENT_WINDOW_MS = 10 * 60_000;

export const FEEDBACK_ACKS = {
  up: 'Cảm ơn bạn đã đánh giá! Em rất vui vì câu trả lời có ích.',
  down: 'Cảm ơn bạn đã cho em biết. Bạn cho em biết thêm chưa đúng ở đâu nhé (không bắt buộc, nhắn ngay tin tiếp theo).',
  comment: 'Em đã ghi nhận góp ý của bạn để cán bộ hoàn thiện câu trả lời, cảm ơn bạn! Nếu bạn muốn hỏi tiếp, cứ nhắn câu hỏi cho em nhé.',
} as const;

const PAYLOAD = /^feedback:(up|down):(\d{1,15})$/;

/** The payload a rating button sends back: the rating and the stored message it rates. */
export function feedbackPayload(rating: FeedbackRating, messageId: number): string {
  return `feedback:${rating}:${messageId}`;
}

export function parseFeedbackPayload(payload: string | undefined): { rating: FeedbackRating; messageId: number } | null {
  const match = payload === undefined ? null : PAYLOAD.exec(payload.trim());
  if (!match) return null;
  const messageId = Number(match[2]);
  return Number.isSafeInteger(messageId) && messageId > 0 ? { rating: match[1] as FeedbackRating, messageId } : null;
}

/** 👍 and 👎 for one stored answer, as choices a channel renders next to the answer's own. */
export function feedbackChoices(messageId: number): QuickReply[] {
  return (['up', 'down'] as const).map((rating) => ({ label: FEEDBACK_LABELS[rating], payload: feedbackPayload(rating, messageId) }));
}

/**
 * Whether a stored message carries the control: the last bot message of a turn that committed to
 * a procedure (outcome `answered`), marked `rateable` when the conversation service stored it.
 */
export function offersFeedback(message: Pick<StoredMessage, 'author' | 'payload'>): boolean {
  return message.author === 'bot' && (message.payload as { rateable?: unknown } | null)?.rateable === true;
}

/** A citizen message as the feedback control sees it (already verified by its channel). */
export interface FeedbackInput {
  conversationId: string;
  text: string;
  /** A clicked button's payload (`feedback:up:123`). */
  payload?: string | undefined;
  /** Channel fields stored with the citizen's message (as the conversation service stores them). */
  channelData?: Record<string, string> | undefined;
  log?: Logger | undefined;
}

export interface FeedbackHandled {
  kind: 'rated' | 'refused' | 'comment';
  /** The citizen's stored message (the click, or the comment); null when nothing was stored. */
  citizenMessageId: number | null;
  /** The acknowledgement's id (none for a refused click). */
  messageIds: number[];
}

export interface FeedbackControl {
  /**
   * A rating click, or the plain text that follows a 👎 within the window: stored, recorded and
   * acknowledged here, and the caller runs no turn. Null for anything else (a normal turn).
   */
  intercept(input: FeedbackInput): Promise<FeedbackHandled | null>;
}

export interface FeedbackControlDeps {
  store: ConversationStore;
  feedback: AnswerFeedbackStore;
  events: EventHub;
  commentWindowMs?: number;
  now?: () => Date;
}

export function createFeedbackControl(deps: FeedbackControlDeps): FeedbackControl {
  const now = deps.now ?? (() => new Date());
  const window = deps.commentWindowMs ?? FEEDBACK_COMMENT_WINDOW_MS;

  async function publish(conversationId: string, messages: StoredMessage[]): Promise<void> {
    for (const message of messages) {
      await deps.events.publish({ conversationId, type: 'message', from: message.author, text: message.text, messageId: message.id, at: message.createdAt });
    }
  }

  /** The citizen's message, kept in the conversation like any other (officers see it). */
  async function keepCitizen(input: FeedbackInput, text: string): Promise<StoredMessage> {
    const payload = { ...(input.payload ? { payload: input.payload } : {}), ...(input.channelData ? { channelData: input.channelData } : {}) };
    const [citizen] = await deps.store.append(input.conversationId, [{ author: 'citizen', text, payload: Object.keys(payload).length ? payload : undefined }]);
    return citizen!;
  }

  /** The short acknowledgement; while an officer holds the conversation it is a system notice, not the bot talking. */
  async function acknowledge(conversationId: string, text: string, officerHolds: boolean): Promise<StoredMessage[]> {
    return deps.store.append(conversationId, [{ author: officerHolds ? 'system' : 'bot', text, intent: FEEDBACK_INTENT }]);
  }

  return {
    async intercept(input) {
      const click = parseFeedbackPayload(input.payload);
      // Another button is a normal turn: no lookup for it.
      if (!click && input.payload) return null;
      const conversation = await deps.store.get(input.conversationId);
      if (!conversation) return null;
      const officerHolds = conversation.handoffOpen;
      if (click) {
        const citizen = await keepCitizen(input, FEEDBACK_LABELS[click.rating]);
        // The store refuses a message that is not a bot answer of this conversation: a forged or
        // stale payload records nothing and the citizen is told nothing.
        const recorded = await deps.feedback.record({ conversationId: input.conversationId, messageId: click.messageId, rating: click.rating });
        if (!recorded) {
          input.log?.warn({ conversationId: input.conversationId }, 'feedback click for a message that is not an answer of this conversation ignored');
          await publish(input.conversationId, [citizen]);
          return { kind: 'refused', citizenMessageId: citizen.id, messageIds: [] };
        }
        const ack = await acknowledge(input.conversationId, FEEDBACK_ACKS[click.rating], officerHolds);
        await publish(input.conversationId, [citizen, ...ack]);
        input.log?.info({ conversationId: input.conversationId, rating: click.rating }, 'answer rated');
        return { kind: 'rated', citizenMessageId: citizen.id, messageIds: ack.map((m) => m.id) };
      }
      // An officer in charge (the text is theirs to read): not a comment.
      if (officerHolds) return null;
      const awaiting = await deps.feedback.awaitingComment(input.conversationId, new Date(now().getTime() - window));
      if (!awaiting) return null;
      const citizen = await keepCitizen(input, input.text);
      await deps.feedback.record({
        conversationId: input.conversationId,
        messageId: awaiting.messageId,
        rating: 'down',
        comment: input.text.trim().slice(0, FEEDBACK_COMMENT_MAX),
      });
      const ack = await acknowledge(input.conversationId, FEEDBACK_ACKS.comment, false);
      await publish(input.conversationId, [citizen, ...ack]);
      input.log?.info({ conversationId: input.conversationId }, 'answer feedback comment recorded');
      return { kind: 'comment', citizenMessageId: citizen.id, messageIds: ack.map((m) => m.id) };
    },
  };
}
