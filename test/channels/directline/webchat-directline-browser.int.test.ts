/**
 * Microsoft's Web Chat (botframework-webchat, its UMD bundle served from node_modules — no CDN) on
 * a portal page of another origin, in Debian chromium via playwright-core, talking to our
 * self-hosted Direct Line with a token the portal's server generated: the citizen types a question,
 * sees the answer and the suggested-action buttons, clicks one, and sees the procedure card; rates
 * an answer 👎 and comments; asks for an officer and sees the officer's reply arrive on the stream,
 * then the rating buttons.
 */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FEEDBACK_ACKS, FEEDBACK_LABELS } from '../../../bot/insights/feedback-control.ts';
import { CHROMIUM_SKIP_REASON, chromiumPath, launchChromium } from '../../support/browser.ts';
import { DIRECTLINE_SECRET, generateToken } from '../../support/directline.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const WAIT_MS = 15_000;
// The package exports no subpaths; its CommonJS entry is lib/index.js, beside dist/.
const webchatBundle = path.join(path.dirname(createRequire(import.meta.url).resolve('botframework-webchat')), '..', 'dist', 'webchat.js');

/** The portal's page: Web Chat rendered against the Direct Line domain and token given in the query. */
const PORTAL_PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><title>Cổng dịch vụ công tỉnh</title>
<script src="/webchat.js"></script></head>
<body><main><h1>Cổng dịch vụ công</h1><div id="webchat" role="main" style="height: 640px; width: 480px"></div></main>
<script>
  const query = new URLSearchParams(location.search);
  window.WebChat.renderWebChat({
    directLine: window.WebChat.createDirectLine({ token: query.get('token'), domain: query.get('domain') }),
    userID: query.get('user'),
    locale: 'vi-VN',
    styleOptions: { hideUploadButton: true }
  }, document.getElementById('webchat'));
</script></body></html>`;

describe.skipIf(!chromiumPath)(`Web Chat against our Direct Line in a real browser${chromiumPath ? '' : CHROMIUM_SKIP_REASON}`, () => {
  let portal: Server;
  let portalOrigin: string;
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    const bundle = readFileSync(webchatBundle);
    portal = createServer((request, response) => {
      if (request.url?.startsWith('/webchat.js')) response.writeHead(200, { 'content-type': 'application/javascript' }).end(bundle);
      else if (request.url?.startsWith('/?') || request.url === '/') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PORTAL_PAGE);
      else response.writeHead(404).end();
    });
    await new Promise<void>((resolve) => portal.listen(0, '127.0.0.1', resolve));
    portalOrigin = `http://127.0.0.1:${(portal.address() as AddressInfo).port}`;
    app = await startTestApp({ config: { directlineSecret: DIRECTLINE_SECRET, allowedOrigins: [portalOrigin] } });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await new Promise((resolve) => portal?.close(resolve));
  });

  async function openPortal(): Promise<{ page: Page; errors: string[]; conversationId: string }> {
    const { token, conversationId } = await generateToken(app.url, 'portal-citizen');
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(WAIT_MS);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text());
    });
    const query = new URLSearchParams({ token, domain: `${app.url}/v3/directline`, user: 'portal-citizen' });
    await page.goto(`${portalOrigin}/?${query}`);
    return { page, errors, conversationId };
  }

  async function ask(page: Page, text: string): Promise<void> {
    const input = page.locator('.webchat__send-box-text-box__input');
    await input.fill(text);
    await input.press('Enter');
  }

  test('type a question, see the answer and a suggested action; click it; see the card', async () => {
    const { page, errors } = await openPortal();
    await ask(page, 'lệ phí cấp hộ chiếu');
    const transcript = page.locator('.webchat__basic-transcript');
    await transcript.getByText('200.000 đồng', { exact: false }).first().waitFor();
    expect(await transcript.textContent()).toContain('1.001456');
    // The citizen's own message was echoed back: Web Chat no longer shows it as sending.
    await expect.poll(() => page.locator('.webchat__activity-status--sending').count(), { timeout: WAIT_MS }).toBe(0);
    const mine = transcript.locator('.webchat__bubble--from-user');
    expect(await mine.count()).toBe(1);
    expect(await mine.first().textContent()).toContain('lệ phí cấp hộ chiếu');

    const button = page.locator('.webchat__suggested-action', { hasText: 'Thời gian giải quyết' });
    await button.waitFor();
    await button.click();
    // messageBack: the label is the citizen's bubble, the payload answers that facet.
    await expect.poll(() => mine.count(), { timeout: WAIT_MS }).toBe(2);
    expect(await mine.nth(1).textContent()).toContain('Thời gian giải quyết');
    await transcript.getByText(/ngày làm việc/).first().waitFor();

    await ask(page, 'thủ tục cấp hộ chiếu phổ thông');
    const card = page.locator('.ac-adaptiveCard').filter({ hasText: '1.001456' });
    await card.first().waitFor();
    expect(await card.first().textContent()).toMatch(/hộ chiếu/i);
    expect(errors).toEqual([]);
  }, 90_000);

  test('👎 under a procedure answer: the click is echoed and acknowledged, the next text is the comment', async () => {
    const { page, errors, conversationId } = await openPortal();
    await ask(page, 'làm hộ chiếu cần giấy tờ gì');
    const transcript = page.locator('.webchat__basic-transcript');
    const down = page.locator('.webchat__suggested-action', { hasText: FEEDBACK_LABELS.down });
    await down.waitFor();
    await down.click();
    await transcript.getByText(FEEDBACK_ACKS.down).first().waitFor();
    const mine = transcript.locator('.webchat__bubble--from-user');
    await expect.poll(() => mine.count(), { timeout: WAIT_MS }).toBe(2);
    expect(await mine.nth(1).textContent()).toContain(FEEDBACK_LABELS.down);
    // The click was echoed back: Web Chat shows nothing as still sending (or failed).
    await expect.poll(() => page.locator('.webchat__activity-status--sending').count(), { timeout: WAIT_MS }).toBe(0);

    await ask(page, 'Thiếu tờ khai TK01');
    await transcript.getByText(FEEDBACK_ACKS.comment).first().waitFor();
    const rated = (await app.deps.store.messages(conversationId)).filter((m) => m.author === 'bot' && m.intent !== 'feedback').at(-1)!;
    expect(await app.deps.insights.feedback.get(rated.id)).toMatchObject({ rating: 'down', comment: 'Thiếu tờ khai TK01' });
    expect(errors).toEqual([]);
  }, 90_000);

  test('an officer taking over is heard in Web Chat, then the rating is offered', async () => {
    const { page, errors, conversationId } = await openPortal();
    await ask(page, 'cho tôi gặp cán bộ');
    const transcript = page.locator('.webchat__basic-transcript');
    const officer = (await app.deps.officer.accounts.create({ username: 'canbo-webchat', password: 'mat-khau-dai-123', role: 'supervisor', displayName: 'Cán bộ' }))!;
    let ticketId: string | undefined;
    await expect.poll(async () => {
      const items = (await app.deps.officer.desk.queue(officer)).items;
      ticketId = items.find((item) => item.conversationId === conversationId)?.ticketId;
      return ticketId;
    }, { timeout: WAIT_MS }).toBeDefined();
    await app.deps.officer.desk.claim(officer, ticketId!);
    await app.deps.officer.desk.reply(officer, ticketId!, 'Chào anh/chị, tôi là cán bộ Mai, tôi giúp được gì ạ?');
    await transcript.getByText('tôi là cán bộ Mai', { exact: false }).first().waitFor();
    await app.deps.officer.desk.close(officer, ticketId!, 'resolved');
    await page.locator('.webchat__suggested-action', { hasText: '5' }).first().waitFor();
    expect(errors).toEqual([]);
  }, 90_000);
});
