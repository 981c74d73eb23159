/**
 * Debian chromium for the browser tests, driven by playwright-core: where it is (CHROMIUM_PATH,
 * /usr/bin/chromium, or on PATH), the flags CI needs, and the reason a suite states when skipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

function findChromium(): string | null {
  const fromEnvironment = process.env.CHROMIUM_PATH;
  if (fromEnvironment) return existsSync(fromEnvironment) ? fromEnvironment : null;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() || null;
  } catch {
    return null;
  }
}

export const chromiumPath = findChromium();

export const CHROMIUM_SKIP_REASON = ' — SKIPPED: no chromium (set CHROMIUM_PATH, or apt-get install chromium)';

const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function launchChromium(): Promise<Browser> {
  if (!chromiumPath) throw new Error(`no chromium${CHROMIUM_SKIP_REASON}`);
  return chromium.launch({ executablePath: chromiumPath, headless: true, args: CHROMIUM_ARGS });
}

/** A fresh page in a context of its own (vi-VN, 1400 × 1000), its uncaught errors collected. */
export async function openPage(browser: Browser, waitMs: number): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1400, height: 1000 } });
  const page = await context.newPage();
  page.setDefaultTimeout(waitMs);
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { context, page, errors };
}

/** Signs in to the officer console through its login form. */
export async function signInToConsole(page: Page, base: string, username: string, password: string): Promise<void> {
  await page.goto(`${base}/officer`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}
