/**
 * GET /metrics: scraped after real turns over HTTP, parsed from the Prometheus text format —
 * request and turn histograms, turns by channel/intent/outcome, the handoff queue, the outbox
 * backlog, the index age; loopback-only without METRICS_TOKEN, the bearer token with it.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chat } from '../../support/officer-app.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const TOKEN = 'metrics-token-0123456789';

/** `name{a="x",b="y"} value` lines → samples. */
function parse(text: string): Array<{ name: string; labels: Record<string, string>; value: number }> {
  const samples = [];
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue;
    const match = line.match(/^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/);
    if (!match) throw new Error(`not a sample line: ${line}`);
    const labels: Record<string, string> = {};
    for (const pair of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[pair[1]!] = pair[2]!;
    samples.push({ name: match[1]!, labels, value: Number(match[3]) });
  }
  return samples;
}

function value(samples: ReturnType<typeof parse>, name: string, labels: Record<string, string> = {}): number | undefined {
  return samples.find((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v))?.value;
}

describe('GET /metrics without a token: loopback only', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp();
  }, 120_000);
  afterAll(async () => app?.close());

  test('after some turns it reports them, their latency, the queue, the backlog and the index age', async () => {
    const first = await chat(app.url, 'làm hộ chiếu cần giấy tờ gì');
    await chat(app.url, 'lệ phí bao nhiêu', first.conversationId);
    await chat(app.url, 'giá vàng hôm nay bao nhiêu');
    await chat(app.url, 'cho tôi gặp cán bộ');

    const response = await fetch(`${app.url}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const samples = parse(await response.text());

    expect(value(samples, 'tro_ly_turns_total', { channel: 'webchat', intent: 'documents', outcome: 'answered' })).toBe(1);
    expect(value(samples, 'tro_ly_turns_total', { channel: 'webchat', intent: 'fee', outcome: 'answered' })).toBe(1);
    expect(value(samples, 'tro_ly_turns_total', { channel: 'webchat', intent: 'out_of_scope', outcome: 'out_of_scope' })).toBe(1);
    expect(value(samples, 'tro_ly_turns_total', { channel: 'webchat', intent: 'handoff' })).toBe(1);
    expect(value(samples, 'tro_ly_turn_duration_seconds_count', { channel: 'webchat' })).toBe(4);
    expect(value(samples, 'tro_ly_turn_duration_seconds_sum', { channel: 'webchat' })).toBeGreaterThan(0);
    expect(value(samples, 'tro_ly_turn_duration_seconds_bucket', { channel: 'webchat', le: '+Inf' })).toBe(4);
    expect(value(samples, 'tro_ly_http_request_duration_seconds_count', { method: 'POST', route: '/api/chat', status: '200' })).toBe(4);
    expect(value(samples, 'tro_ly_handoff_queue_length')).toBe(1);
    expect(value(samples, 'tro_ly_outbox_backlog')).toBe(0);
    const age = value(samples, 'tro_ly_index_age_seconds');
    expect(age).toBeGreaterThanOrEqual(0);
    expect(age).toBeLessThan(600);
    // Route patterns, never raw paths with ids.
    expect(samples.some((s) => s.labels.route?.includes(first.conversationId))).toBe(false);
  });

  test('a request relayed by a proxy (forwarding header) is refused', async () => {
    const response = await fetch(`${app.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.5' } });
    expect(response.status).toBe(403);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('forbidden');
  });
});

describe('GET /metrics with METRICS_TOKEN', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ warm: false, config: { metricsToken: TOKEN } });
  }, 120_000);
  afterAll(async () => app?.close());

  test('the bearer token is required, from anywhere', async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${app.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-0123456789' } })).status).toBe(401);
    const response = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}`, 'x-forwarded-for': '203.0.113.5' } });
    expect(response.status).toBe(200);
    const samples = parse(await response.text());
    // Still loading: no index yet, so no age.
    expect(value(samples, 'tro_ly_index_age_seconds')).toBeNaN();
    expect(value(samples, 'tro_ly_handoff_queue_length')).toBe(0);
  });
});
