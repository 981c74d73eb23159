/**
 * Debian chromium for the browser tests, driven by playwright-core: where it is (CHROMIUM_PATH,
 * /usr/bin/chromium, or on PATH), the flags CI needs, and the reason a suite states when skipped.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

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
