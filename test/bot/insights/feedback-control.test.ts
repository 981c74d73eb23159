/** The rating buttons' payloads: one shape, naming the rated message; anything else is not a rating. */
import { describe, expect, test } from 'vitest';
import { FEEDBACK_LABELS, feedbackChoices, feedbackPayload, offersFeedback, parseFeedbackPayload } from '../../../bot/insights/feedback-control.ts';

describe('feedback payloads', () => {
  test('a payload names the rating and the message, and reads back', () => {
    expect(feedbackPayload('up', 123)).toBe('feedback:up:123');
    expect(parseFeedbackPayload(' feedback:down:987654 ')).toEqual({ rating: 'down', messageId: 987654 });
    expect(feedbackChoices(5)).toEqual([
      { label: FEEDBACK_LABELS.up, payload: 'feedback:up:5' },
      { label: FEEDBACK_LABELS.down, payload: 'feedback:down:5' },
    ]);
  });

  test.each([undefined, '', 'feedback:up', 'feedback:meh:1', 'feedback:up:0', 'feedback:up:-1', 'feedback:up:1x', 'feedback:up:9999999999999999', 'pick:1.001456', '👍 Hữu ích'])(
    '%s is not a rating',
    (payload) => expect(parseFeedbackPayload(payload)).toBeNull(),
  );

  test('only a bot message stored as rateable carries the control', () => {
    expect(offersFeedback({ author: 'bot', payload: { rateable: true } })).toBe(true);
    expect(offersFeedback({ author: 'bot', payload: { quickReplies: [] } })).toBe(false);
    expect(offersFeedback({ author: 'bot', payload: null })).toBe(false);
    expect(offersFeedback({ author: 'officer', payload: { rateable: true } })).toBe(false);
  });
});
