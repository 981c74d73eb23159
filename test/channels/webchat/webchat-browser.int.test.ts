/**
 * The embeddable widget in a real browser (Debian chromium driven by playwright-core) against the
 * assistant as `npm start` wires it (bundled catalog, lexical retriever, bot core), in-memory
 * PGlite: the demo portal page, the chat bubble opened from the keyboard, a question, a quick
 * reply, the typing and connection states, and a phone-size screen.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_SKIP_REASON, chromiumPath, launchChromium } from '../../support/browser.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const WAIT_MS = 10_000;

describe.skipIf(!chromiumPath)(`web-chat widget in a real browser${chromiumPath ? '' : CHROMIUM_SKIP_REASON}`, () => {
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    app = await startTestApp();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  /** A fresh context (own localStorage, so a fresh conversation) with page errors collected. */
  async function openPortal(options: Parameters<Browser['newContext']>[0] = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
    const context = await browser.newContext({ locale: 'vi-VN', ...options });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      // The browser's own /favicon.ico request is the demo page's business, not the widget's.
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(`${message.text()} ${message.location().url}`);
    });
    await page.goto(`${app.url}/`);
    return { context, page, errors };
  }

  const bubbleOf = (page: Page) => page.getByRole('button', { name: 'Mở trợ lý thủ tục hành chính' });
  const botMessage = (page: Page, text: string) => page.getByRole('log').locator('.tltt-msg.bot').filter({ hasText: text });

  test('keyboard: open the bubble, ask about a passport, see typing state, click the fee quick reply', async () => {
    const { context, page, errors } = await openPortal({ viewport: { width: 1280, height: 800 } });
    try {
      const bubble = bubbleOf(page);
      await bubble.waitFor();
      expect(await bubble.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByRole('dialog').count()).toBe(0);

      // Keyboard only: the bubble is the page's first tab stop; Enter opens the panel.
      await page.keyboard.press('Tab');
      expect(await bubble.evaluate((node) => node === document.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      const dialog = page.getByRole('dialog', { name: 'Trợ lý thủ tục hành chính' });
      await dialog.waitFor();
      expect(await bubble.getAttribute('aria-expanded')).toBe('true');
      const input = page.getByRole('textbox', { name: 'Câu hỏi của bạn' });
      expect(await input.evaluate((node) => node === document.activeElement)).toBe(true);

      // Screen readers: the conversation is a polite live log; the connection state is a status.
      const log = page.getByRole('log', { name: 'Nội dung trò chuyện' });
      expect(await log.getAttribute('aria-live')).toBe('polite');
      await botMessage(page, 'xin chào').waitFor();
      const status = dialog.getByRole('status');
      expect(await status.textContent()).toBe('Trực tuyến');

      // Hold the answer back a moment so the typing state can be seen.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(
        '**/api/chat',
        async (route) => {
          await held;
          await route.continue();
        },
        { times: 1 },
      );
      await page.keyboard.type('làm hộ chiếu cần giấy tờ gì');
      await page.keyboard.press('Enter');
      await page.getByText('Trợ lý đang trả lời…').waitFor();
      expect(await page.getByRole('button', { name: 'Gửi' }).isDisabled()).toBe(true);
      expect(await log.locator('.tltt-msg.citizen').last().textContent()).toBe('Bạn: làm hộ chiếu cần giấy tờ gì');
      release();

      const documents = botMessage(page, '1.001456');
      await documents.waitFor();
      const documentsText = (await documents.textContent()) ?? '';
      expect(documentsText).toMatch(/hộ chiếu/i);
      expect(documentsText).toMatch(/Tờ khai/);
      // The answer offers the other facets as quick replies.
      const offered = await page.getByRole('group', { name: 'Gợi ý trả lời' }).getByRole('button').allTextContents();
      expect(offered).toEqual(expect.arrayContaining(['Lệ phí', 'Thời gian giải quyết']));
      expect(offered).not.toContain('Giấy tờ cần nộp');
      await page.getByText('Trợ lý đang trả lời…').waitFor({ state: 'detached' }).catch(() => undefined);
      expect(await page.locator('.tltt-typing').textContent()).toBe('');
      expect(await page.getByRole('button', { name: 'Gửi' }).isDisabled()).toBe(false);
      // The event stream for the new conversation connects; the status says so.
      await page.waitForFunction(() => document.querySelector('.tltt-status')?.textContent === 'Trực tuyến');

      // Naming the procedure alone gives the overview card with one quick reply per facet.
      await input.fill('hộ chiếu');
      await page.keyboard.press('Enter');
      const card = page.getByRole('group', { name: /Thông tin thủ tục Cấp hộ chiếu/ });
      await card.waitFor();
      expect(await card.textContent()).toContain('Mã thủ tục: 1.001456');
      const quickReplies = page.getByRole('group', { name: 'Gợi ý trả lời' });
      await quickReplies.waitFor();
      const labels = await quickReplies.getByRole('button').allTextContents();
      expect(labels).toEqual(expect.arrayContaining(['Giấy tờ cần nộp', 'Lệ phí', 'Thời gian giải quyết']));

      await quickReplies.getByRole('button', { name: 'Lệ phí' }).click();
      // The fee answer itself (the overview above also mentions fees, in a different form).
      const fee = botMessage(page, 'Dạ, phí, lệ phí của thủ tục');
      await fee.waitFor();
      expect(await fee.textContent()).toContain('Lệ phí cấp hộ chiếu: 200.000 đồng');
      // The clicked choices are gone; the fee answer offers the remaining facets.
      expect(await quickReplies.count()).toBe(1);
      expect(await quickReplies.getByRole('button').allTextContents()).not.toContain('Lệ phí');
      expect(await log.locator('.tltt-msg.citizen').last().textContent()).toBe('Bạn: Lệ phí');

      // Escape closes the panel and gives focus back to the bubble.
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await bubble.evaluate((node) => node === document.activeElement)).toBe(true);
      expect(await bubble.getAttribute('aria-expanded')).toBe('false');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('phone screen (390×844): the panel fits the screen and answers stay inside it', async () => {
    const { context, page, errors } = await openPortal({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
    try {
      await bubbleOf(page).tap();
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      await page.getByRole('textbox', { name: 'Câu hỏi của bạn' }).fill('làm hộ chiếu cần giấy tờ gì');
      await page.getByRole('button', { name: 'Gửi' }).tap();
      await botMessage(page, '1.001456').waitFor();

      const box = await dialog.boundingBox();
      expect(box).not.toBeNull();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      expect(box!.y + box!.height).toBeLessThanOrEqual(844);
      for (const control of [page.getByRole('textbox', { name: 'Câu hỏi của bạn' }), page.getByRole('button', { name: 'Gửi' }), page.getByRole('button', { name: 'Đóng cửa sổ trò chuyện' })]) {
        expect(await control.isVisible()).toBe(true);
        const controlBox = (await control.boundingBox())!;
        expect(controlBox.x + controlBox.width).toBeLessThanOrEqual(390);
        expect(controlBox.y + controlBox.height).toBeLessThanOrEqual(844);
      }
      // No sideways scrolling: neither the page nor the message log is wider than the screen.
      const overflow = await page.evaluate(() => {
        const log = document.querySelector('.tltt-log')!;
        return { page: document.documentElement.scrollWidth, log: log.scrollWidth - log.clientWidth };
      });
      expect(overflow.page).toBeLessThanOrEqual(390);
      expect(overflow.log).toBeLessThanOrEqual(0);
      // Inputs under 16px make phone browsers zoom in on focus.
      const fontSize = await page.getByRole('textbox').evaluate((node) => parseFloat(getComputedStyle(node).fontSize));
      expect(fontSize).toBeGreaterThanOrEqual(16);

      await page.getByRole('button', { name: 'Đóng cửa sổ trò chuyện' }).tap();
      await dialog.waitFor({ state: 'hidden' });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('connection state: offline is shown, a failed send says so and keeps the question', async () => {
    const { context, page } = await openPortal({ viewport: { width: 1280, height: 800 } });
    try {
      await bubbleOf(page).click();
      const status = page.getByRole('dialog').getByRole('status');
      await page.waitForFunction(() => document.querySelector('.tltt-status')?.textContent === 'Trực tuyến');

      await context.setOffline(true);
      await page.waitForFunction(() => document.querySelector('.tltt-status')?.textContent === 'Mất kết nối');
      const input = page.getByRole('textbox', { name: 'Câu hỏi của bạn' });
      await input.fill('lệ phí hộ chiếu');
      await page.keyboard.press('Enter');
      await page.getByRole('log').locator('.tltt-msg.system').filter({ hasText: 'Không kết nối được máy chủ' }).waitFor();
      expect(await status.textContent()).toBe('Mất kết nối');
      expect(await input.inputValue()).toBe('lệ phí hộ chiếu');

      await context.setOffline(false);
      await page.waitForFunction(() => document.querySelector('.tltt-status')?.textContent === 'Trực tuyến');
      await input.focus();
      await page.keyboard.press('Enter');
      expect(await botMessage(page, '200.000').first().textContent()).toContain('1.001456');
    } finally {
      await context.close();
    }
  });

  test('handoff: the queue notice shows once, though it arrives both with the answer and on the event stream', async () => {
    const { context, page, errors } = await openPortal({ viewport: { width: 1280, height: 800 } });
    try {
      await bubbleOf(page).click();
      const input = page.getByRole('textbox', { name: 'Câu hỏi của bạn' });
      const streamsBefore = app.deps.limits.streams.open('ip:127.0.0.1');
      await input.fill('lệ phí hộ chiếu');
      await page.keyboard.press('Enter');
      await botMessage(page, '200.000').first().waitFor();
      // The page's event stream for the new conversation is open on the server.
      await expect.poll(() => app.deps.limits.streams.open('ip:127.0.0.1')).toBeGreaterThan(streamsBefore);

      await input.fill('cho tôi gặp cán bộ');
      await page.keyboard.press('Enter');
      const notices = page.getByRole('log').locator('.tltt-msg').filter({ hasText: 'trong hàng chờ' });
      await notices.first().waitFor();
      await page.getByText('Trợ lý đang trả lời…').waitFor({ state: 'detached' }).catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(await notices.count()).toBe(1);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
