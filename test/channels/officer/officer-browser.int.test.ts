/**
 * End to end in a real browser (Debian chromium via playwright-core), two contexts: a citizen
 * asks the web widget for an officer; the officer, logged in on /officer, sees it in the live
 * queue, claims it and replies; the citizen sees the reply and answers; the officer sees that
 * and closes; the citizen's widget shows the bot's resume message and the 1–5 rating buttons.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHROMIUM_SKIP_REASON, chromiumPath, launchChromium } from '../../support/browser.ts';
import type { Browser, Page } from 'playwright-core';
import { migrate } from '../../../adapters/sql/migrations/migrate.ts';
import { openPgliteDb } from '../../../adapters/sql/db/pglite-db.ts';
import type { Db } from '../../../adapters/sql/db/db.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const WAIT_MS = 10_000;
const PASSWORD = 'mat-khau-can-bo-1';

describe.skipIf(!chromiumPath)(`citizen and officer in a real browser${chromiumPath ? '' : CHROMIUM_SKIP_REASON}`, () => {
  let db: Db;
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    db = await openPgliteDb(null);
    await migrate(db);
    app = await startTestApp({ db });
    await app.deps.officer.accounts.create({ username: 'canbo', password: PASSWORD, displayName: 'Nguyễn Thị Lan', role: 'officer', sectors: ['Hộ tịch'] });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  function collectErrors(page: Page): string[] {
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(`${message.text()} ${message.location().url}`);
    });
    return errors;
  }

  test('ask for an officer → claim → reply both ways → close → resume message and 1–5 rating', async () => {
    const citizenContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
    const officerContext = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1400, height: 900 } });
    try {
      const citizen = await citizenContext.newPage();
      const officer = await officerContext.newPage();
      citizen.setDefaultTimeout(WAIT_MS);
      officer.setDefaultTimeout(WAIT_MS);
      const citizenErrors = collectErrors(citizen);
      const officerErrors = collectErrors(officer);

      // The officer signs in first and watches the live queue.
      await officer.goto(`${app.url}/officer`);
      await officer.getByLabel('Tên đăng nhập').fill('canbo');
      await officer.getByLabel('Mật khẩu').fill('sai-mat-khau');
      await officer.getByRole('button', { name: 'Đăng nhập' }).click();
      await officer.getByRole('alert').filter({ hasText: 'Tên đăng nhập hoặc mật khẩu không đúng.' }).waitFor();
      await officer.getByLabel('Mật khẩu').fill(PASSWORD);
      await officer.getByRole('button', { name: 'Đăng nhập' }).click();
      await officer.getByText('Nguyễn Thị Lan — Hộ tịch').waitFor();
      await officer.getByRole('list', { name: 'Hàng chờ' }).getByText('Không có yêu cầu nào đang chờ.').waitFor();
      await officer.waitForFunction(() => document.getElementById('live')?.textContent === 'Trực tuyến');

      // The citizen asks the widget for an officer.
      await citizen.goto(`${app.url}/`);
      await citizen.getByRole('button', { name: 'Mở trợ lý thủ tục hành chính' }).click();
      const input = citizen.getByRole('textbox', { name: 'Câu hỏi của bạn' });
      await input.fill('cho tôi gặp cán bộ');
      await citizen.keyboard.press('Enter');
      const log = citizen.getByRole('log', { name: 'Nội dung trò chuyện' });
      await log.locator('.tltt-msg').filter({ hasText: 'người tiếp theo trong hàng chờ' }).waitFor();
      expect(await log.textContent()).toMatch(/thời gian chờ dự kiến khoảng \d+ phút/);
      await citizen.waitForFunction(() => document.querySelector('.tltt-status')?.textContent === 'Trực tuyến');

      // It appears in the officer's queue without a reload; the officer claims it.
      const queue = officer.getByRole('list', { name: 'Hàng chờ' });
      const entry = queue.getByRole('listitem').filter({ hasText: 'cho tôi gặp cán bộ' });
      await entry.waitFor();
      expect(await entry.textContent()).toMatch(/chờ \d+ giây/);
      await entry.getByRole('button', { name: /Tiếp nhận/ }).click();
      await officer.getByRole('list', { name: 'Đang phụ trách' }).getByText('cho tôi gặp cán bộ').waitFor();
      await log.locator('.tltt-msg').filter({ hasText: 'cán bộ Nguyễn Thị Lan đã tiếp nhận' }).waitFor();

      // Officer → citizen.
      const transcript = officer.getByRole('log', { name: 'Nội dung trò chuyện với người dân' });
      await transcript.getByText('cho tôi gặp cán bộ').first().waitFor();
      await officer.getByLabel('Trả lời người dân').fill('Chào anh/chị, tôi là cán bộ Lan, tôi có thể giúp gì ạ?');
      await officer.getByRole('button', { name: 'Gửi' }).click();
      const fromOfficer = log.locator('.tltt-msg.officer').filter({ hasText: 'tôi là cán bộ Lan' });
      await fromOfficer.waitFor();
      expect(await fromOfficer.textContent()).toMatch(/^Cán bộ/);

      // Citizen → officer: the bot stays silent, the officer's transcript updates live.
      const botMessagesBefore = await log.locator('.tltt-msg.bot').count();
      await input.fill('Tôi muốn đăng ký khai sinh cho con ạ');
      await citizen.keyboard.press('Enter');
      await transcript.locator('.msg.citizen').filter({ hasText: 'Tôi muốn đăng ký khai sinh cho con ạ' }).waitFor();
      await citizen.waitForFunction(() => document.querySelector('.tltt-typing')?.textContent === '');
      expect(await log.locator('.tltt-msg.bot').count()).toBe(botMessagesBefore);

      // The suggestions come from the catalog for the citizen's current question.
      await officer.locator('#suggestions .suggestion').filter({ hasText: /khai sinh/i }).first().waitFor();

      // The officer closes; the citizen sees the bot resume and the 1–5 rating.
      await officer.getByLabel('Lý do kết thúc').selectOption('resolved');
      await officer.getByRole('button', { name: 'Kết thúc' }).click();
      await log.locator('.tltt-msg').filter({ hasText: 'Trợ lý tự động tiếp tục hỗ trợ bạn' }).waitFor();
      const rating = citizen.getByRole('group', { name: 'Gợi ý trả lời' }).last();
      await rating.waitFor();
      expect(await rating.getByRole('button').allTextContents()).toEqual(['1', '2', '3', '4', '5']);
      await officer.getByRole('list', { name: 'Đang phụ trách' }).getByText('Bạn chưa tiếp nhận yêu cầu nào.').waitFor();

      await rating.getByRole('button', { name: '5' }).click();
      await log.locator('.tltt-msg.bot').filter({ hasText: 'cảm ơn bạn đã đánh giá 5/5' }).waitFor();
      const stored = await db.query<{ rating: number }>('SELECT rating FROM handoff_ratings');
      expect(stored.rows.map((r) => r.rating)).toEqual([5]);

      expect(citizenErrors).toEqual([]);
      expect(officerErrors.filter((e) => !/401/.test(e))).toEqual([]);
    } finally {
      await citizenContext.close();
      await officerContext.close();
    }
  });
});
