/**
 * The insights page in a real browser (Debian chromium via playwright-core): a supervisor signs
 * in on /officer, opens /officer/insights for the seeded days and sees chart.js charts drawn with
 * the seeded figures, changes the date range, and follows an unanswered question to a procedure
 * search; from a question the chat did not resolve, attaches its wording to the procedure meant
 * (the chat then names it) and removes it again; an officer without the supervisor role gets 403.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { migrate } from '../../../adapters/sql/migrations/migrate.ts';
import { openPgliteDb } from '../../../adapters/sql/db/pglite-db.ts';
import type { Db } from '../../../adapters/sql/db/db.ts';
import { CHROMIUM_SKIP_REASON, chromiumPath, launchChromium, openPage, signInToConsole } from '../../support/browser.ts';
import { chat } from '../../support/officer-app.ts';
import { seedInsightHistory } from '../../support/insight-history.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const WAIT_MS = 10_000;
const PASSWORD = 'mat-khau-giam-sat-1';

interface ChartSummary {
  type: string;
  labels: unknown[];
  datasets: Array<{ label?: string; data: unknown[] }>;
  width: number;
  painted: boolean;
}

/** What chart.js holds for each canvas, and whether the canvas has any pixel drawn. */
function chartsOf(page: Page): Promise<Record<string, ChartSummary | null>> {
  return page.evaluate(() => {
    const out: Record<string, unknown> = {};
    for (const canvas of Array.from(document.querySelectorAll('canvas'))) {
      const chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): any } }).Chart.getChart(canvas);
      const pixels = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
      let painted = false;
      for (let i = 3; i < pixels.length; i += 4)
        if (pixels[i]! > 0) {
          painted = true;
          break;
        }
      out[canvas.id] = chart
        ? {
            type: chart.config.type,
            labels: chart.data.labels,
            datasets: chart.data.datasets.map((d: any) => ({ label: d.label, data: d.data })),
            width: canvas.width,
            painted,
          }
        : null;
    }
    return out as Record<string, ChartSummary | null>;
  });
}

const signIn = (page: Page, base: string, username: string) => signInToConsole(page, base, username, PASSWORD);

describe.skipIf(!chromiumPath)(`the insights page in a real browser${chromiumPath ? '' : CHROMIUM_SKIP_REASON}`, () => {
  let db: Db;
  let app: TestApp;
  let browser: Browser;

  beforeAll(async () => {
    db = await openPgliteDb(null);
    await migrate(db);
    await seedInsightHistory(db);
    app = await startTestApp({ db });
    await app.deps.officer.accounts.create({ username: 'giamsat', password: PASSWORD, displayName: 'Trần Văn Giám', role: 'supervisor' });
    await app.deps.officer.accounts.create({ username: 'canbo', password: PASSWORD, displayName: 'Nguyễn Thị Lan', role: 'officer', sectors: ['Hộ tịch'] });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await db?.close();
  });

  test('a supervisor sees the seeded figures drawn as charts, then one day of them', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1400, height: 1000 } });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error' && !message.location().url.endsWith('/favicon.ico')) errors.push(message.text());
      });
      page.on('request', (request) => requests.push(request.url()));

      await signIn(page, app.url, 'giamsat');
      errors.length = 0; // the console's own "not signed in yet" 401 before the sign-in
      await page.getByRole('link', { name: 'Thống kê hỏi đáp' }).click();
      await page.waitForURL(/\/officer\/insights\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}$/);
      await page.goto(`${app.url}/officer/insights?from=2026-11-01&to=2026-11-03`);
      await page.waitForFunction(() => document.body.getAttribute('data-loaded') === '2026-11-01..2026-11-03');

      const charts = await chartsOf(page);
      expect(Object.keys(charts).sort()).toEqual([
        'chart-conversations',
        'chart-intents',
        'chart-lookups',
        'chart-outcomes',
        'chart-procedures',
        'chart-questions',
      ]);
      for (const [id, chart] of Object.entries(charts)) {
        expect(chart, id).not.toBeNull();
        expect(chart!.width, id).toBeGreaterThan(0);
        expect(chart!.painted, id).toBe(true);
      }
      expect(charts['chart-questions']).toMatchObject({
        type: 'bar',
        labels: ['01/11', '02/11', '03/11'],
        datasets: [
          { label: 'Khung chat trên cổng', data: [3, 1, 2] },
          { label: 'Zalo OA', data: [0, 2, 0] },
        ],
      });
      expect(charts['chart-conversations']!.datasets.map((d) => d.data)).toEqual([
        [2, 0, 1],
        [0, 1, 0],
      ]);
      expect(charts['chart-lookups']!.datasets.map((d) => d.data)).toEqual([
        [2, 0, 1],
        [1, 0, 1],
      ]);
      expect(charts['chart-procedures']!.datasets[0]!.data).toEqual([2, 1]);
      expect(String(charts['chart-procedures']!.labels[0])).toMatch(/^1\.001456 — Cấp hộ chiếu/);
      expect(charts['chart-outcomes']).toMatchObject({
        type: 'doughnut',
        labels: ['Trả lời được', 'Ngoài phạm vi', 'Hỏi lại cho rõ', 'Không tìm thấy thủ tục'],
        datasets: [{ data: [3, 3, 1, 1] }],
      });
      expect(charts['chart-intents']!.datasets[0]!.data).toEqual([3, 2, 1, 1, 1]);

      const kpis = page.locator('#kpis');
      await expect.poll(() => kpis.textContent()).toContain('Tỷ lệ chuyển cán bộ75,0%3/4 cuộc trò chuyện');
      const text = (await kpis.textContent()) ?? '';
      expect(text).toContain('Chờ cán bộ nhận6,0 phúttrung vị; 90%: 9,2 phút (2 yêu cầu)');
      expect(text).toContain('Mức hài lòng50,0%');
      expect(text).toContain('Lượt tra cứu hồ sơ3');

      const table = page.getByRole('table', { name: 'Câu hỏi chưa trả lời được' });
      const first = table.locator('tbody tr').first();
      const cells = first.locator('td');
      expect((await cells.allTextContents()).slice(0, 4)).toEqual(['Giá vàng hôm nayKhóa từ điển: gia vang hom nay', '3', 'Ngoài phạm vi: 3', '0']);
      expect(await cells.nth(4).getByRole('link').allTextContents()).toEqual(['Tìm thủ tục phù hợp']);
      expect(await cells.nth(5).textContent()).toBe('');
      expect(await first.getByRole('link').getAttribute('href')).toBe('/api/procedures/search?q=Gi%C3%A1%20v%C3%A0ng%20h%C3%B4m%20nay');
      expect(await page.getByRole('link', { name: 'Tải CSV câu hỏi chưa trả lời được' }).getAttribute('href')).toBe(
        '/api/officer/insights/unanswered.csv?from=2026-11-01&to=2026-11-03',
      );

      // Another range: one day.
      await page.getByLabel('Từ ngày').fill('2026-11-02');
      await page.getByLabel('Đến ngày').fill('2026-11-02');
      await page.getByRole('button', { name: 'Xem' }).click();
      await page.waitForFunction(() => document.body.getAttribute('data-loaded') === '2026-11-02..2026-11-02');
      const oneDay = await chartsOf(page);
      expect(oneDay['chart-questions']!.datasets.map((d) => d.data)).toEqual([[1], [2]]);
      expect(await table.locator('tbody tr').count()).toBe(3);

      // Everything came from this server: chart.js from node_modules, no CDN.
      expect(requests.filter((url) => !url.startsWith(app.url))).toEqual([]);
      expect(requests).toContain(`${app.url}/officer/vendor/chart.umd.min.js`);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a supervisor adds an unresolved question’s wording to the procedure meant, sees it noted and listed, then removes it', async () => {
    const question = 'ông bà mất báo phường';
    expect((await chat(app.url, question)).procedure).toBeNull();
    const { context, page, errors } = await openPage(browser, WAIT_MS);
    try {
      await signIn(page, app.url, 'giamsat');
      await page.goto(`${app.url}/officer/insights`);
      await page.waitForFunction(() => document.body.getAttribute('data-loaded') !== null);

      const row = page.locator('#unanswered tr[data-key="ong ba mat bao phuong"]');
      await row.getByText('Thêm vào cách hỏi của thủ tục…').click();
      await row.getByLabel('Tìm thủ tục người dân muốn hỏi').fill('khai tử');
      await row.getByLabel('Tìm thủ tục người dân muốn hỏi').press('Enter');
      const select = row.getByLabel('Thủ tục người dân muốn hỏi', { exact: true });
      await row.locator('option[value="1.000656"]').waitFor({ state: 'attached' });
      await select.selectOption('1.000656');
      await row.getByLabel('Lý do').fill('Người dân hỏi báo tử');
      await row.getByRole('button', { name: 'Thêm cách hỏi này' }).click();
      await page.locator('#unanswered tr[data-key="ong ba mat bao phuong"] .learned-note').waitFor();
      expect(await page.locator('#unanswered tr[data-key="ong ba mat bao phuong"] .learned-note').textContent()).toBe(
        '✓ Đã thêm cách hỏi này cho thủ tục 1.000656 — Đăng ký khai tử',
      );
      const learned = page.getByRole('table', { name: 'Cách hỏi đã học' }).locator('tbody tr');
      expect(await learned.count()).toBe(1);
      const learnedCells = await learned.first().locator('td').allTextContents();
      expect(learnedCells[0]).toBe(`${question}Từ được lập chỉ mục: mat bao phuong`);
      expect(learnedCells[1]).toBe('1.000656 — Đăng ký khai tử · dữ liệu địa phương');
      expect(learnedCells[2]).toMatch(/^giamsat, /);
      expect(learnedCells[3]).toBe('Người dân hỏi báo tử');
      expect(await learned.first().getByRole('link', { name: 'dữ liệu địa phương' }).getAttribute('href')).toBe('/officer/local?code=1.000656');
      expect((await chat(app.url, question)).procedure?.code).toBe('1.000656');

      await learned.first().getByRole('button', { name: 'Gỡ' }).click();
      await page.getByText('Chưa có cách hỏi nào được thêm.').waitFor();
      expect(await page.locator('#unanswered tr[data-key="ong ba mat bao phuong"] .learned-note').count()).toBe(0);
      expect((await chat(app.url, question)).procedure).toBeNull();

      // The link to a procedure's local data opens it there.
      await page.goto(`${app.url}/officer/local?code=1.000656`);
      await page.getByText('Đăng ký khai tử — mã 1.000656').waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('an officer without the supervisor role gets 403 for the page', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    try {
      const page = await context.newPage();
      page.setDefaultTimeout(WAIT_MS);
      await signIn(page, app.url, 'canbo');
      expect(await page.getByRole('link', { name: 'Thống kê hỏi đáp' }).isVisible()).toBe(false);
      const response = await page.goto(`${app.url}/officer/insights`);
      expect(response?.status()).toBe(403);
      await page.getByText('Chỉ giám sát viên mới xem được trang thống kê.').waitFor();
      expect(await page.locator('canvas').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});
