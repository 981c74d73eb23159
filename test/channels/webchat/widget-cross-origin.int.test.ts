/**
 * The widget embedded on another site (issue 13, finding 4), in a real browser (Debian chromium
 * via playwright-core): a page served from a second loopback origin loads /widget.js from the
 * app's origin; with that origin in ALLOWED_ORIGINS the citizen asks and sees the answer.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { CHROMIUM_SKIP_REASON, chromiumPath, launchChromium } from '../../support/browser.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const WAIT_MS = 15_000;

describe.skipIf(!chromiumPath)(`widget on another site${chromiumPath ? '' : CHROMIUM_SKIP_REASON}`, () => {
  let app: TestApp;
  let site: Server;
  let siteOrigin: string;
  let browser: Browser;

  beforeAll(async () => {
    // The embedding site: one HTML page whose script tag points at the app's origin.
    site = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Cổng UBND</title></head>
<body><h1>Cổng thông tin UBND</h1><script src="${app.url}/widget.js" defer></script></body></html>`);
    });
    await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
    siteOrigin = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
    app = await startTestApp({ config: { allowedOrigins: [siteOrigin] } });
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await new Promise((resolve) => site?.close(resolve));
  });

  test('the citizen asks on the embedding page and sees the answer from the app origin', async () => {
    expect(new URL(app.url).origin).not.toBe(siteOrigin);
    const context = await browser.newContext({ locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text());
      });
      await page.goto(`${siteOrigin}/`);
      await page.getByRole('button', { name: 'Mở trợ lý thủ tục hành chính' }).click();
      const input = page.getByRole('textbox', { name: 'Câu hỏi của bạn' });
      await input.fill('làm hộ chiếu cần giấy tờ gì');
      await input.press('Enter');
      const answer = page.getByRole('log').locator('.tltt-msg.bot').filter({ hasText: '1.001456' });
      await answer.waitFor();
      expect(await answer.textContent()).toMatch(/hộ chiếu/i);
      // The event stream (cross-origin too) connects for the new conversation.
      await page.getByRole('dialog').getByRole('status').filter({ hasText: 'Trực tuyến' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  }, 120_000);
});
