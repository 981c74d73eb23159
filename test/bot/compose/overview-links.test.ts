/**
 * A record's URL becomes a link only when it is http(s) (issue 13, finding 10): a `javascript:`
 * or `data:` source URL from an imported record never reaches the card, and the widget checks too.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { composeOverview } from '../../../bot/compose/overview.ts';
import { ProcedureSchema } from '../../../knowledge/schema.ts';
import { isWebUrl } from '../../../knowledge/web-url.ts';

const withSource = (sourceUrl: string) =>
  ProcedureSchema.parse({ code: '1.000001', name: 'Đăng ký khai sinh', levels: ['xa'], sector: 'Hộ tịch', lastUpdated: '2026-01-01', origin: 'national', sourceUrl });

const cardOf = (sourceUrl: string) => (composeOverview(withSource(sourceUrl)).find((reply) => 'card' in reply) as { card?: { url?: string } } | undefined)?.card;

describe('links from records', () => {
  test.each(['javascript:alert(document.cookie)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)'])('%s never becomes the card’s link', (url) => {
    expect(isWebUrl(url)).toBe(false);
    expect(cardOf(url)).toBeDefined();
    expect(cardOf(url)!.url).toBeUndefined();
  });

  test('an https source URL stays the card’s link', () => {
    expect(cardOf('https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=1.000001')!.url).toMatch(/^https:/);
  });

  test('the widget renders a card link only for http(s)', () => {
    const widget = readFileSync(new URL('../../../channels/webchat/public/widget.js', import.meta.url), 'utf8');
    expect(widget).toMatch(/card\.url && \/\^https\?:/);
  });
});
