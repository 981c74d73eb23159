/**
 * The prebuilt lexical index: loaded back it scores exactly like one built from the procedures
 * (the shipped one over the full catalog too, which also tells when it must be rebuilt); a file
 * built for other procedures or other code, or a damaged one, is refused with a reason, and the
 * server then builds its index as before, says why in the log and saves it for its next start.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { gunzipSync, gzipSync } from 'node:zlib';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { lexicalCacheFile, loadAssistant } from '../../../deps/warm-up.ts';
import { LexicalScorer } from '../../../indexer/lexical/lexical-scorer.ts';
import { withPhrasings } from '../../../indexer/lexical/phrasings.ts';
import {
  codeFingerprint,
  encodePrebuiltLexical,
  inputsFingerprint,
  loadPrebuiltLexical,
  prebuildLexical,
  PREBUILT_LEXICAL_FILE,
  type PrebuiltLoad,
} from '../../../indexer/lexical/prebuilt-index.ts';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import { NATIONAL_DIR } from '../../../knowledge/national/national-file.ts';
import type { Procedure } from '../../../knowledge/schema.ts';
import { defaultFullCatalog } from '../../../tools/catalog/build-lexical-index.ts';
import { startTestApp } from '../../support/test-app.ts';
import { openPgliteDb } from '../../../adapters/sql/db/pglite-db.ts';
import { migrate } from '../../../adapters/sql/migrations/migrate.ts';

const QUERIES = [
  'đăng ký kết hôn có yếu tố nước ngoài',
  'lam lai can cuoc cong dan',
  'cấp lại giấy phép lái xe bị mất',
  'me e mat nam ngoai ma chua ai di bao tu',
  'GPLHX hết hạn',
  'phí trước bạ xe máy',
  'so do dat dai cap doi',
  'thành lập doanh nghiệp tư nhân',
  'trẻ em dưới 6 tuổi thẻ bảo hiểm y tế',
  'xin cấp hộ chiếu phổ thông',
  'Công ty tôi chuyển trụ sở sang tỉnh khác thì có phải làm lại giấy chứng nhận không?',
  'đăng ký thường trú cho con',
  'chứng thực bản sao',
  'xyzzy',
];

const dirs: string[] = [];
function temporaryDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tlt-prebuilt-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function scorerOf(loaded: PrebuiltLoad): LexicalScorer {
  if ('reason' in loaded) throw new Error(`prebuilt index refused: ${loaded.reason}`);
  return loaded.scorer;
}

function expectSameResults(loaded: LexicalScorer, built: LexicalScorer, queries: readonly string[] = QUERIES) {
  for (const query of queries) expect(loaded.score(query, 20), query).toEqual(built.score(query, 20));
}

const reasonOf = (loaded: PrebuiltLoad) => ('reason' in loaded ? loaded.reason : 'used');

describe('over the curated catalog', () => {
  const procedures = loadBundledCatalog();
  let file: string;
  let built: LexicalScorer;
  beforeAll(() => {
    file = path.join(temporaryDir(), PREBUILT_LEXICAL_FILE);
    const prebuilt = prebuildLexical(procedures);
    built = prebuilt.scorer;
    writeFileSync(file, prebuilt.bytes);
  });

  test('loaded back, it holds the same index and scores every query exactly as a fresh build', async () => {
    const loaded = scorerOf(await loadPrebuiltLexical(file, procedures));
    expect(loaded.index.data).toEqual(built.index.data);
    expect(loaded.acronyms.entries()).toEqual(built.acronyms.entries());
    expectSameResults(loaded, built);
    expectSameResults(loaded, await LexicalScorer.build(procedures));
  });

  test('the same procedures always give the same bytes', () => {
    expect(prebuildLexical(procedures).bytes.equals(readFileSync(file))).toBe(true);
  });

  test('a changed name, a reordered list, a missing record or other phrasings make it stale', async () => {
    const renamed = procedures.map((procedure, i) => (i === 3 ? { ...procedure, name: `${procedure.name} (sửa)` } : procedure));
    expect(reasonOf(await loadPrebuiltLexical(file, renamed))).toMatch(/^stale .*other procedures or phrasings/);
    expect(reasonOf(await loadPrebuiltLexical(file, [...procedures].reverse()))).toMatch(/^stale .*other procedures or phrasings/);
    expect(reasonOf(await loadPrebuiltLexical(file, procedures.slice(1)))).toMatch(/^stale .*built for 33 procedures, the catalog has 32/);
    const phrasingsOf = (code: string) => (code === procedures[0]!.code ? ['con tôi mới sinh'] : []);
    expect(reasonOf(await loadPrebuiltLexical(file, procedures, { phrasingsOf }))).toMatch(/^stale .*other procedures or phrasings/);
  });

  test('a record changed outside the indexed fields (a fee) still matches', async () => {
    const refeed: Procedure[] = procedures.map((procedure, i) => (i === 0 ? { ...procedure, notes: [...procedure.notes, 'ghi chú của tỉnh'] } : procedure));
    expectSameResults(scorerOf(await loadPrebuiltLexical(file, refeed)), built, QUERIES.slice(0, 4));
  });

  test('an index built by other analysis code or vocabulary is stale', async () => {
    const other = encodePrebuiltLexical(built, { code: 'f'.repeat(64), inputs: inputsFingerprint(procedures) });
    const otherFile = path.join(temporaryDir(), PREBUILT_LEXICAL_FILE);
    writeFileSync(otherFile, other);
    expect(reasonOf(await loadPrebuiltLexical(otherFile, procedures))).toMatch(/^stale .*indexing code or vocabulary changed/);
    // The code fingerprint follows the analyzer's modules and vocabulary files, not just this folder.
    expect(codeFingerprint()).toMatch(/^[0-9a-f]{64}$/);
  });

  test('a damaged file is refused: flipped byte, truncated, not gzip, edited header, bad postings, missing', async () => {
    const bytes = readFileSync(file);
    const write = (content: Buffer) => {
      const damaged = path.join(temporaryDir(), PREBUILT_LEXICAL_FILE);
      writeFileSync(damaged, content);
      return damaged;
    };
    const flipped = Buffer.from(bytes);
    flipped[Math.floor(flipped.length / 2)]! ^= 0xff;
    expect(reasonOf(await loadPrebuiltLexical(write(flipped), procedures))).toMatch(/^corrupt /);
    expect(reasonOf(await loadPrebuiltLexical(write(bytes.subarray(0, bytes.length - 100)), procedures))).toMatch(/^corrupt /);
    expect(reasonOf(await loadPrebuiltLexical(write(Buffer.from('not an index')), procedures))).toMatch(/^corrupt /);

    const raw = gunzipSync(bytes);
    const headerLength = raw.readUInt32LE(0);
    const header = JSON.parse(raw.subarray(4, 4 + headerLength).toString('utf8'));
    const withHeader = (edited: unknown, body = raw.subarray(4 + headerLength)) => {
      const text = Buffer.from(JSON.stringify(edited), 'utf8');
      const length = Buffer.alloc(4);
      length.writeUInt32LE(text.length);
      return gzipSync(Buffer.concat([length, text, body]));
    };
    expect(reasonOf(await loadPrebuiltLexical(write(withHeader({ ...header, format: 99 })), procedures))).toMatch(/^corrupt .*header format/);
    expect(reasonOf(await loadPrebuiltLexical(write(withHeader(header, raw.subarray(4 + headerLength, raw.length - 8))), procedures))).toMatch(/^corrupt .*past the end/);
    // A posting pointing past the last document (the docs section's first gap made huge).
    const sections = header.sections as Array<{ name: string; width: number; count: number }>;
    let at = 4 + headerLength;
    for (const section of sections) {
      if (section.name === 'docs') break;
      at += section.width * section.count;
    }
    const badDocs = Buffer.from(raw);
    badDocs.fill(0xff, at, at + sections.find((section) => section.name === 'docs')!.width);
    expect(reasonOf(await loadPrebuiltLexical(write(gzipSync(badDocs)), procedures))).toMatch(/^corrupt .*outside the index/);

    expect(reasonOf(await loadPrebuiltLexical(path.join(temporaryDir(), 'absent.bin.gz'), procedures))).toMatch(/^cannot read /);
  });
});

describe('the index shipped beside the national catalog', () => {
  test('matches the default full catalog and scores exactly as a fresh build (else: npm run catalog:index)', async () => {
    const procedures = await defaultFullCatalog();
    const loaded = await loadPrebuiltLexical(path.join(NATIONAL_DIR, PREBUILT_LEXICAL_FILE), procedures);
    if ('reason' in loaded) throw new Error(`${loaded.reason} — run npm run catalog:index and commit knowledge/national/${PREBUILT_LEXICAL_FILE}`);
    expectSameResults(loaded.scorer, await LexicalScorer.build(procedures));
  }, 120_000);

  test('a server whose shipped index is damaged logs why, builds the index, answers the same, and saves it for its next start', async () => {
    const dir = temporaryDir();
    cpSync(NATIONAL_DIR, dir, { recursive: true });
    const file = path.join(dir, PREBUILT_LEXICAL_FILE);
    writeFileSync(file, readFileSync(file).subarray(0, 1000));
    const lines: Array<{ msg: string; reason?: string; file?: string }> = [];
    const logger = pino({ level: 'info' }, new Writable({ write(chunk, _encoding, done) { lines.push(JSON.parse(String(chunk))); done(); } }));
    const config = loadConfig({ catalog: 'full', dataDir: temporaryDir() }, {});
    const app = await startTestApp({ config: { catalog: 'full' }, loadAssistant: (db) => loadAssistant(config, db, logger, dir) });
    try {
      expect((await fetch(`${app.url}/health`)).status).toBe(200);
      const refused = lines.find((line) => line.msg === 'prebuilt lexical index not used');
      expect(refused?.file).toBe(file);
      expect(refused?.reason).toMatch(/^corrupt /);
      expect(lines.some((line) => line.msg === 'prebuilt lexical index loaded')).toBe(false);
      const response = await fetch(`${app.url}/api/procedures/search?q=${encodeURIComponent('kết hôn với người nước ngoài')}`);
      expect(((await response.json()) as { results: Array<{ name: string }> }).results[0]!.name).toContain('nước ngoài');

      // The index it built is saved under DATA_DIR; the next start loads it instead of building.
      await expect.poll(() => lines.some((line) => line.msg === 'lexical index saved for the next start'), { timeout: 60_000 }).toBe(true);
      lines.length = 0;
      const again = await loadAssistant(config, app.deps.db, logger, dir);
      expect(lines.find((line) => line.msg === 'prebuilt lexical index loaded')?.file).toBe(lexicalCacheFile(config));
      const first = app.deps.assistant.require().retriever;
      const ranked = async (retriever: typeof first, query: string) => (await retriever.search(query)).map((hit) => [hit.procedure.code, hit.score]);
      for (const query of QUERIES.slice(0, 6)) expect(await ranked(again.retriever, query), query).toEqual(await ranked(first, query));
    } finally {
      await app.close();
    }
  }, 180_000);

  test("the overlay's reindex with the province's own procedures is saved under DATA_DIR and loaded the next time", async () => {
    const lines: Array<{ msg: string; file?: string }> = [];
    const logger = pino({ level: 'info' }, new Writable({ write(chunk, _encoding, done) { lines.push(JSON.parse(String(chunk))); done(); } }));
    const config = loadConfig({ catalog: 'full', dataDir: temporaryDir() }, {});
    const db = await openPgliteDb(null);
    try {
      await migrate(db);
      const loaded = await loadAssistant(config, db, logger);
      expect(lines.find((line) => line.msg === 'prebuilt lexical index loaded')?.file).toBe(path.join(NATIONAL_DIR, PREBUILT_LEXICAL_FILE));
      const own: Procedure = { ...loadBundledCatalog()[0]!, code: '9.999001', name: 'Cấp phép nuôi ong mật trong khu dân cư' };
      const list = [...loaded.catalog.all(), own];
      const first = await loaded.reindex!(list);
      await expect.poll(() => lines.some((line) => line.msg === 'lexical index saved for the next start'), { timeout: 60_000 }).toBe(true);
      lines.length = 0;
      const second = await loaded.reindex!(list);
      expect(lines.find((line) => line.msg === 'prebuilt lexical index loaded')?.file).toBe(lexicalCacheFile(config, 'with-local'));
      const ranked = async (retriever: typeof first, query: string) => (await retriever.search(query)).map((hit) => [hit.procedure.code, hit.score]);
      expect((await ranked(second, 'nuôi ong mật'))[0]![0]).toBe('9.999001');
      for (const query of [...QUERIES.slice(0, 4), 'nuôi ong mật']) expect(await ranked(second, query), query).toEqual(await ranked(first, query));
    } finally {
      await db.close();
    }
  }, 180_000);

  test('a reindex with learned phrasings is saved under DATA_DIR and loaded the next time; with none left, the shipped index serves again', async () => {
    const lines: Array<{ msg: string; file?: string }> = [];
    const logger = pino({ level: 'info' }, new Writable({ write(chunk, _encoding, done) { lines.push(JSON.parse(String(chunk))); done(); } }));
    const config = loadConfig({ catalog: 'full', dataDir: temporaryDir() }, {});
    const db = await openPgliteDb(null);
    try {
      await migrate(db);
      const loaded = await loadAssistant(config, db, logger);
      const list = loaded.catalog.all();
      const phrasingsOf = withPhrasings(new Map([['1.000656', ['mat bao phuong']]]));
      const scoreOf = async (retriever: typeof loaded.retriever, code: string) =>
        (await retriever.search('ông bà mất báo phường', { limit: 50 })).find((hit) => hit.procedure.code === code)?.score ?? 0;
      const first = await loaded.reindex!(list, phrasingsOf);
      expect(await scoreOf(first, '1.000656')).toBeGreaterThan(await scoreOf(loaded.retriever, '1.000656'));
      await expect.poll(() => lines.some((line) => line.msg === 'lexical index saved for the next start'), { timeout: 60_000 }).toBe(true);
      lines.length = 0;
      const second = await loaded.reindex!(list, phrasingsOf);
      expect(lines.find((line) => line.msg === 'prebuilt lexical index loaded')?.file).toBe(lexicalCacheFile(config, 'with-local'));
      expect(await scoreOf(second, '1.000656')).toBe(await scoreOf(first, '1.000656'));
      lines.length = 0;
      const none = await loaded.reindex!(list, withPhrasings(new Map()));
      expect(lines.find((line) => line.msg === 'prebuilt lexical index loaded')?.file).toBe(path.join(NATIONAL_DIR, PREBUILT_LEXICAL_FILE));
      expect(await scoreOf(none, '1.000656')).toBe(await scoreOf(loaded.retriever, '1.000656'));
    } finally {
      await db.close();
    }
  }, 180_000);
});
