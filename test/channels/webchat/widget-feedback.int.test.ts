/**
 * The widget's 👍/👎 in a real browser (Debian chromium via playwright-core): a citizen asks,
 * rates the answer 👎, adds a comment with Enter, and the rating and comment are stored on that
 * answer; the supervisors' report then lists the question as disliked.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { buildInsights } from '../../../bot/insights/insights.ts';
import { CHROMIUM_SKIP_REASON, chromiumPath, launchChromium } from '../../support/browser.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const WAIT_MS = 10_000;

describe.skipIf(!chromiumPath)(`answer feedback in the widget${chromiumPath ? '' : CHROMIUM_SKIP_REASON}`, () => {
  let app: TestApp;
  let browser: Browser;
  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  test('👎 then a comment, stored on the answer and seen by the supervisors', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`${app.url}/`);
      await page.getByRole('button', { name: 'Mở trợ lý thủ tục hành chính' }).click();
      await page.getByRole('textbox', { name: 'Câu hỏi của bạn' }).fill('làm hộ chiếu cần giấy tờ gì');
      await page.keyboard.press('Enter');

      const rating = page.getByRole('group', { name: 'Đánh giá câu trả lời' });
      await rating.waitFor();
      const messageId = Number(await rating.getAttribute('data-message-id'));
      expect(messageId).toBeGreaterThan(0);
      await rating.getByRole('button', { name: 'Chưa hữu ích' }).click();
      await rating.getByText('Cảm ơn bạn đã đánh giá!').waitFor();
      expect(await rating.getByRole('button', { name: 'Chưa hữu ích' }).getAttribute('aria-pressed')).toBe('true');
      expect(await app.deps.insights.feedback.get(messageId)).toMatchObject({ rating: 'down', comment: null });

      const comment = rating.getByRole('textbox', { name: 'Góp ý thêm về câu trả lời' });
      await comment.fill('Thiếu mẫu tờ khai X01');
      await comment.press('Enter');
      await rating.getByText('Cảm ơn góp ý của bạn!').waitFor();
      expect(await app.deps.insights.feedback.get(messageId)).toMatchObject({ rating: 'down', comment: 'Thiếu mẫu tờ khai X01' });

      const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
      const report = await buildInsights(app.deps.insights.store, { from: today, to: today });
      expect(report.satisfaction).toMatchObject({ up: 0, down: 1 });
      expect(report.unanswered).toEqual([expect.objectContaining({ text: 'làm hộ chiếu cần giấy tờ gì', disliked: 1, comments: ['Thiếu mẫu tờ khai X01'] })]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
