/**
 * The optional LLM rephraser (bot/rephrase/) against a fake OpenAI-compatible server on
 * 127.0.0.1: a faithful rewording is used; an invented or dropped fact, a dead, slow or failing
 * server keeps the composed answer; the API key is sent to the server but never logged.
 */
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { createLogger } from '../../../channels/http/logger.ts';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import { createCatalog } from '../../../knowledge/catalog-store.ts';
import { createLexicalRetriever } from '../../../indexer/lexical/lexical-retriever-adapter.ts';
import { composeDocuments } from '../../../bot/compose/documents.ts';
import { composeFee } from '../../../bot/compose/fee.ts';
import { composeOverview } from '../../../bot/compose/overview.ts';
import { composeProcessingTime } from '../../../bot/compose/processing-time.ts';
import type { Rephraser } from '../../../bot/deps.ts';
import type { Reply } from '../../../bot/replies.ts';
import { handleTurn } from '../../../bot/turn.ts';
import { canonicalNumber, checkRephrase, extractFacts } from '../../../bot/rephrase/fact-guard.ts';
import { createLlmRephraser, splitCitation, type LlmRephraserOptions } from '../../../adapters/llm/llm-rephraser.ts';

const API_KEY = 'sk-test-SECRET-d0n7-l0g-m3-4242';
const MODEL = 'fake-vi-7b';
const PREFIX = 'Câu trả lời cần viết lại:\n\n';

const procedures = loadBundledCatalog();
const passport = procedures.find((p) => p.code === '1.001456')!;

interface ChatCompletionRequest {
  model: string;
  messages: Array<{ role: string; content: string }>;
}
type Respond = (request: ChatCompletionRequest) => Promise<{ status: number; body: unknown }> | { status: number; body: unknown };

const completion = (content: string) => ({
  status: 200,
  body: { id: 'chatcmpl-1', object: 'chat.completion', model: MODEL, choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] },
});

/** The text the rephraser asked the model to reword. */
const askedBody = (request: ChatCompletionRequest) => request.messages.at(-1)!.content.slice(PREFIX.length);

/** Collects every log line the real logger writes. */
function captureLogs() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { lines, logger: createLogger('trace', stream), text: () => lines.join('') };
}

const texts = (replies: Reply[]) => replies.map((r) => r.text);

describe('fact guard', () => {
  test('numbers are compared with thousands separators, leading zeros and "nghìn"/"triệu" normalised', () => {
    expect(new Set(['200.000', '200,000', '200000', '200 nghìn', '200 ngàn', '0,2 triệu'].map(canonicalNumber))).toEqual(new Set(['200000']));
    expect(canonicalNumber('06')).toBe('6');
    expect(canonicalNumber('1.001456')).toBe('1.001456');
    expect([...extractFacts('Lệ phí 1.200.000 đồng, trong 8 ngày làm việc — 1.001456, 25/2021/TT-BTC').times]).toEqual(['8 ngày làm việc']);
  });

  test('accepts a rewording that keeps every fact; rejects an invented, dropped or changed one', () => {
    const composed = 'Dạ, lệ phí là 200.000 đồng, giải quyết trong 8 ngày làm việc (Thông tư 25/2021/TT-BTC, mã 1.001456).';
    const ok = (rephrased: string) => checkRephrase({ composed, rephrased });
    expect(ok('Dạ, bạn nộp lệ phí 200,000 đồng; thời hạn 8 ngày làm việc theo Thông tư 25/2021/TT-BTC (mã 1.001456) ạ.')).toEqual({ ok: true });
    expect(ok('Dạ, lệ phí 200.000 đồng, hoặc 300.000 đồng nếu làm nhanh, trong 8 ngày làm việc, 25/2021/TT-BTC, 1.001456.')).toMatchObject({ ok: false, reason: expect.stringContaining('300000') });
    expect(ok('Dạ, lệ phí 200.000 đồng, trong 8 ngày theo Thông tư 25/2021/TT-BTC, mã 1.001456.')).toMatchObject({ ok: false, reason: expect.stringContaining('8 ngày') });
    expect(ok('Dạ, lệ phí 200.000 đồng, trong 8 ngày làm việc theo Thông tư 25/2021/TT-BTC.')).toMatchObject({ ok: false, reason: expect.stringContaining('1.001456') });
    expect(ok('Dạ, lệ phí 200.000 đồng, trong 8 ngày làm việc theo 25/2021/TT-BTC, mã 1.001457.')).toMatchObject({ ok: false, reason: expect.stringContaining('1.001457') });
    expect(ok('')).toMatchObject({ ok: false });
  });

  test('every listed document must survive', () => {
    const composed = 'Dạ, hồ sơ gồm:\n1. Tờ khai: 1 bản chính.\n2. Bản sao Giấy khai sinh: 1 bản sao.';
    const documentNames = ['Tờ khai', 'Bản sao Giấy khai sinh'];
    expect(checkRephrase({ composed, documentNames, rephrased: 'Dạ, bạn chuẩn bị:\n1. Tờ khai: 1 bản chính;\n2. bản sao giấy khai sinh: 1 bản sao ạ.' })).toEqual({ ok: true });
    expect(checkRephrase({ composed, documentNames, rephrased: 'Dạ, bạn chuẩn bị:\n1. Tờ khai: 1 bản chính ạ.' })).toMatchObject({ ok: false, reason: expect.stringContaining('Giấy khai sinh') });
  });
});

describe('LLM rephraser against a fake OpenAI-compatible server', () => {
  let server: Server;
  let baseUrl: string;
  let respond: Respond;
  let requests: Array<{ headers: IncomingHttpHeaders; url: string; body: ChatCompletionRequest }>;
  const allLogs: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', async () => {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ChatCompletionRequest;
        requests.push({ headers: request.headers, url: request.url ?? '', body });
        try {
          const answer = await respond(body);
          response.writeHead(answer.status, { 'content-type': 'application/json' });
          response.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
        } catch {
          response.destroy();
        }
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    // Whatever happened in any test, the key never reached a log line.
    expect(allLogs.join('')).not.toContain(API_KEY);
    expect(allLogs.join('')).not.toContain('d0n7-l0g');
  });
  beforeEach(() => {
    requests = [];
    respond = () => completion('');
  });

  function rephraserWith(options: Partial<LlmRephraserOptions> = {}) {
    const logs = captureLogs();
    const rephrase = createLlmRephraser({ baseUrl, model: MODEL, apiKey: API_KEY, timeoutMs: 2000, log: logs.logger, ...options });
    return {
      rephrase,
      logs,
      run: async (intent: string, replies: Reply[], procedure = passport) => {
        const out = await rephrase({ question: 'lệ phí làm hộ chiếu bao nhiêu', intent, procedure, replies });
        allLogs.push(logs.text());
        return out;
      },
    };
  }

  test('a faithful rewording is used; the citation line is kept verbatim; the key is sent as a Bearer token', async () => {
    const composed = composeFee(passport);
    respond = (request) =>
      completion(
        askedBody(request)
          .replace(/^Dạ, phí, lệ phí của thủ tục/u, 'Dạ, em xin gửi bạn thông tin phí, lệ phí của thủ tục')
          .replaceAll('200.000 đồng', '200,000 đồng')
          .replaceAll('400.000', '400000') + '\nBạn cần thêm thông tin gì cứ hỏi em ạ.',
      );
    const { run, logs } = rephraserWith();
    const out = await run('fee', composed);

    expect(out).toHaveLength(composed.length);
    expect(out[0]!.text).not.toBe(composed[0]!.text);
    expect(out[0]!.text).toMatch(/^Dạ, em xin gửi bạn thông tin phí, lệ phí/u);
    expect(out[0]!.text).toContain('200,000 đồng');
    expect(out[0]!.text.endsWith(splitCitation(composed[0]!.text).citation)).toBe(true);
    expect(out[0]!.text).toContain('Mã thủ tục 1.001456');
    expect(logs.lines).toEqual([]);

    expect(requests).toHaveLength(1);
    expect(requests[0]!.url).toBe('/v1/chat/completions');
    expect(requests[0]!.headers.authorization).toBe(`Bearer ${API_KEY}`);
    expect(requests[0]!.body.model).toBe(MODEL);
    expect(requests[0]!.body.messages[0]!.role).toBe('system');
    // Only the answer's body goes out: no question, no citation line.
    const sent = JSON.stringify(requests[0]!.body);
    expect(sent).not.toContain('lệ phí làm hộ chiếu bao nhiêu');
    expect(sent).not.toContain('Căn cứ:');
  });

  test('a card keeps its data and buttons when its text is reworded', async () => {
    const composed = composeOverview(passport);
    respond = (request) => completion(askedBody(request).replace(/^Dạ, thủ tục/u, 'Dạ, em xin tóm tắt thủ tục'));
    const out = await rephraserWith().run('overview', composed);
    expect(out[0]!.text).toMatch(/^Dạ, em xin tóm tắt thủ tục/u);
    expect(out[0]).toMatchObject({ kind: 'card', card: (composed[0] as Extract<Reply, { kind: 'card' }>).card });
    expect(out[0]!.kind === 'card' && out[0]!.quickReplies).toEqual((composed[0] as Extract<Reply, { kind: 'card' }>).quickReplies);
  });

  test('an invented number is rejected: the composed answer is kept and the reason logged', async () => {
    const composed = composeFee(passport);
    respond = (request) => completion(`${askedBody(request)}\nNếu cần lấy nhanh, bạn nộp thêm 300.000 đồng ạ.`);
    const { run, logs } = rephraserWith();
    const out = await run('fee', composed);
    expect(texts(out)).toEqual(texts(composed));
    expect(logs.text()).toContain('llm_fact_guard');
    expect(logs.text()).toContain('invented number \\"300000\\"');
  });

  test('a changed time expression or a dropped document is rejected', async () => {
    const time = composeProcessingTime(passport);
    respond = (request) => completion(askedBody(request).replace('8 ngày làm việc', '8 ngày'));
    const first = rephraserWith();
    expect(texts(await first.run('processing_time', time))).toEqual(texts(time));
    expect(first.logs.text()).toMatch(/(?:invented|dropped) time expression/);

    const documents = composeDocuments(passport);
    respond = (request) =>
      completion(
        askedBody(request)
          .split('\n')
          .filter((line) => !line.startsWith('5. '))
          .join('\n'),
      );
    const second = rephraserWith();
    expect(texts(await second.run('documents', documents))).toEqual(texts(documents));
    expect(second.logs.text()).toContain('dropped document');
  });

  test('server down, timeout, error status and nonsense: the composed answer is kept, quickly', async () => {
    const composed = composeFee(passport);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(closed.address() as AddressInfo).port}/v1`;
    await new Promise((resolve) => closed.close(resolve));
    const down = rephraserWith({ baseUrl: deadUrl });
    expect(texts(await down.run('fee', composed))).toEqual(texts(composed));
    expect(down.logs.text()).toContain('llm_unreachable');

    respond = () => new Promise((resolve) => setTimeout(() => resolve(completion('Dạ, quá muộn.')), 3000));
    const slow = rephraserWith({ timeoutMs: 200 });
    const started = Date.now();
    expect(texts(await slow.run('fee', composed))).toEqual(texts(composed));
    expect(Date.now() - started).toBeLessThan(1500);
    expect(slow.logs.text()).toContain('llm_timeout');

    // A 401 body that echoes the key must not reach the log.
    respond = () => ({ status: 401, body: { error: { message: `Incorrect API key provided: ${API_KEY}`, type: 'invalid_request_error' } } });
    const unauthorised = rephraserWith();
    expect(texts(await unauthorised.run('fee', composed))).toEqual(texts(composed));
    expect(unauthorised.logs.text()).toContain('llm_http_status');
    expect(unauthorised.logs.text()).toContain('401');

    respond = () => ({ status: 200, body: '<html>gateway</html>' });
    const nonsense = rephraserWith();
    expect(texts(await nonsense.run('fee', composed))).toEqual(texts(composed));
    expect(nonsense.logs.text()).toContain('llm_bad_response');

    respond = () => ({ status: 200, body: { choices: [] } });
    const empty = rephraserWith();
    expect(texts(await empty.run('fee', composed))).toEqual(texts(composed));
    expect(empty.logs.text()).toContain('llm_bad_response');

    for (const logs of [down, slow, unauthorised, nonsense, empty].map((r) => r.logs.text())) {
      expect(logs).not.toContain(API_KEY);
      expect(logs).not.toContain('Bearer');
    }
  });

  test('dossier, handoff and small-talk replies are never sent to the model', async () => {
    respond = (request) => completion(askedBody(request));
    const { run } = rephraserWith();
    const replies: Reply[] = [{ kind: 'text', text: 'Dạ, hồ sơ của anh Nguyễn Văn A (SĐT ***42) đang được giải quyết, dự kiến có kết quả ngày 12/12/2025 ạ.' }];
    for (const intent of ['status', 'handoff', 'greeting', 'fallback']) {
      expect(await run(intent, replies, null as never)).toBe(replies);
    }
    expect(requests).toHaveLength(0);
  });

  test('through handleTurn: the seam uses the rewording, and keeps the composed answer when the guard says no', async () => {
    const deps = { retriever: createLexicalRetriever(procedures), catalog: createCatalog(procedures) };
    const turn = { conversationId: 'c-llm', channel: 'webchat', text: 'lệ phí làm hộ chiếu bao nhiêu', receivedAt: new Date() };
    const plain = await handleTurn(turn, deps);
    expect(plain.intent).toBe('fee');

    const logs = captureLogs();
    const rephrase: Rephraser = createLlmRephraser({ baseUrl, model: MODEL, apiKey: API_KEY, timeoutMs: 2000, log: logs.logger });
    respond = (request) => completion(askedBody(request).replace(/^Dạ, /u, 'Dạ, em xin trả lời: '));
    const reworded = await handleTurn(turn, { ...deps, rephrase, log: logs.logger });
    expect(reworded.replies[0]!.text).toMatch(/^Dạ, em xin trả lời: /u);
    expect(reworded.replies[0]!.text).toContain('Mã thủ tục 1.001456');

    respond = (request) => completion(askedBody(request).replaceAll('200.000', '250.000'));
    const guarded = await handleTurn(turn, { ...deps, rephrase, log: logs.logger });
    expect(texts(guarded.replies)).toEqual(texts(plain.replies));
    allLogs.push(logs.text());
    expect(logs.text()).toContain('invented number');
  });
});

describe('LLM configuration', () => {
  test('off by default; LLM_BASE_URL needs LLM_MODEL; the key never appears in a config error', () => {
    const defaults = loadConfig({}, {});
    expect(defaults.llmBaseUrl).toBeUndefined();
    expect(defaults.llmTimeoutMs).toBe(8000);

    const on = loadConfig({}, { LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'qwen2.5:7b', LLM_API_KEY: API_KEY, LLM_TIMEOUT_MS: '3000' });
    expect(on).toMatchObject({ llmBaseUrl: 'http://127.0.0.1:11434/v1', llmModel: 'qwen2.5:7b', llmApiKey: API_KEY, llmTimeoutMs: 3000 });

    const failure = (environment: NodeJS.ProcessEnv) => {
      try {
        loadConfig({}, environment);
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    const noModel = failure({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_API_KEY: API_KEY });
    expect(noModel).toContain('LLM_MODEL');
    const badTimeout = failure({ LLM_BASE_URL: 'http://127.0.0.1:11434/v1', LLM_MODEL: 'm', LLM_API_KEY: API_KEY, LLM_TIMEOUT_MS: 'soon' });
    expect(badTimeout).toContain('LLM_TIMEOUT_MS');
    const badKey = failure({ LLM_BASE_URL: 'không phải url', LLM_MODEL: 'm', LLM_API_KEY: API_KEY });
    expect(badKey).toContain('LLM_BASE_URL');
    for (const message of [noModel, badTimeout, badKey]) expect(message).not.toContain(API_KEY);
  });
});
