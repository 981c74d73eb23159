/**
 * POST /api/chat/:conversationId/feedback: the widget's 👍/👎 (and optional comment) on one bot
 * answer, stored per message. Zalo and the portal rate through buttons instead (bot/insights/feedback-control.ts).
 */
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { FEEDBACK_COMMENT_MAX, FEEDBACK_RATINGS, type AnswerFeedbackStore } from '../../bot/insights/answer-feedback.ts';
import { HttpError } from '../http/errors.ts';

const FeedbackSchema = z.object({
  messageId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
  rating: z.enum(FEEDBACK_RATINGS),
  comment: z.string().trim().max(FEEDBACK_COMMENT_MAX).optional(),
});

const CONVERSATION_ID = /^[\w-]{1,100}$/;

const MESSAGES: Record<string, string> = {
  messageId: 'Thiếu hoặc sai mã câu trả lời (messageId).',
  rating: 'Đánh giá phải là "up" (hữu ích) hoặc "down" (chưa hữu ích).',
  comment: `Góp ý không được dài quá ${FEEDBACK_COMMENT_MAX} ký tự.`,
};

export function feedbackRoutes(deps: { feedback: AnswerFeedbackStore }): Router {
  const router = Router();
  router.post('/api/chat/:conversationId/feedback', async (request: Request, response: Response) => {
    const conversationId = String(request.params.conversationId);
    if (!CONVERSATION_ID.test(conversationId)) {
      throw new HttpError('invalid_request', 'bad conversation id', 'Mã cuộc trò chuyện (conversationId) không hợp lệ.');
    }
    const parsed = FeedbackSchema.safeParse(request.body);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? '');
      throw new HttpError('invalid_request', `feedback: invalid ${field || 'body'}`, MESSAGES[field] ?? 'Nội dung góp ý không hợp lệ.');
    }
    const { messageId, rating, comment } = parsed.data;
    const stored = await deps.feedback.record({ conversationId, messageId, rating, comment: comment ? comment : undefined });
    if (!stored) throw new HttpError('not_found', 'feedback: no such bot answer in this conversation', 'Không tìm thấy câu trả lời này trong cuộc trò chuyện.');
    response.json({ feedback: { messageId: stored.messageId, rating: stored.rating, comment: stored.comment } });
  });
  return router;
}
