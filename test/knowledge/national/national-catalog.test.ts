/**
 * The national catalog shipped in knowledge/national/: its sha256 is checked on load and every
 * record parses; a fresh server answers from it by default (imported records over it, curated ones
 * over both); CATALOG=curated keeps the old catalog; and — when ../shared is beside the checkout —
 * the shipped file is exactly what `npm run catalog:build` makes of the national export.
 */
import { execFile } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../../../config.ts';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import { loadBundledNational, NationalCatalogError } from '../../../knowledge/national/load-bundled-national.ts';
import {
  encodeNationalRecords,
  formatManifest,
  MANIFEST_FILE,
  NATIONAL_DIR,
  NATIONAL_FILE,
  sha256Hex,
  type NationalManifest,
} from '../../../knowledge/national/national-file.ts';
import { ProcedureSchema, type Procedure } from '../../../knowledge/schema.ts';
import { loadAssistant } from '../../../deps/warm-up.ts';
import { generateNationalCatalog } from '../../../tools/catalog/generate-national.ts';
import { startTestApp, type TestApp } from '../../support/test-app.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SOURCE = fileURLToPath(new URL('../../../../shared/data/dvc-procedures.jsonl.gz', import.meta.url));
const haveSource = existsSync(SOURCE);
const CURATED_CODES = new Set(loadBundledCatalog().map((procedure) => procedure.code));

const temporaryDirs: string[] = [];
function temporaryDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tlt-national-'));
  temporaryDirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of temporaryDirs) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the shipped folder whose records file has one byte flipped. */
function corruptedCopy(): string {
  const dir = temporaryDir();
  cpSync(NATIONAL_DIR, dir, { recursive: true });
  const file = path.join(dir, NATIONAL_FILE);
  const bytes = readFileSync(file);
  const middle = bytes.length >> 1;
  bytes.writeUInt8(bytes.readUInt8(middle) ^ 0xff, middle);
  writeFileSync(file, bytes);
  return dir;
}

const shippedManifest = (): NationalManifest => JSON.parse(readFileSync(path.join(NATIONAL_DIR, MANIFEST_FILE), 'utf8'));

describe('the shipped file', () => {
  test('every shipped record parses; one per code, sorted, national, dated as the manifest says', async () => {
    const { procedures, manifest } = await loadBundledNational();
    expect(manifest.records).toBe(2642);
    expect(procedures).toHaveLength(manifest.records);
    for (const procedure of procedures) expect(ProcedureSchema.safeParse(procedure).success, procedure.code).toBe(true);
    const codes = procedures.map((procedure) => procedure.code);
    expect(codes).toEqual([...new Set(codes)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    expect(new Set(procedures.map((procedure) => procedure.origin))).toEqual(new Set(['national']));
    expect(new Set(procedures.map((procedure) => procedure.lastUpdated))).toEqual(new Set([manifest.generatedOn]));
  });

  test('the manifest describes the file: size, sha256, well under 5 MB, the source named but not shipped', () => {
    const manifest = shippedManifest();
    const bytes = readFileSync(path.join(NATIONAL_DIR, manifest.file));
    expect(bytes.length).toBe(manifest.bytes);
    expect(sha256Hex(bytes)).toBe(manifest.sha256);
    expect(manifest.bytes).toBeLessThan(5 * 1024 * 1024);
    expect(manifest.source.file).toBe('dvc-procedures.jsonl.gz');
    expect(readdirSync(NATIONAL_DIR)).not.toContain(manifest.source.file);
  });

  test('a corrupted copy is refused with an error naming the file and both checksums', async () => {
    const dir = corruptedCopy();
    const error = await loadBundledNational({ dir }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(NationalCatalogError);
    expect((error as NationalCatalogError).code).toBe('national_checksum_mismatch');
    expect((error as Error).message).toContain(path.join(dir, NATIONAL_FILE));
    expect((error as Error).message).toContain(shippedManifest().sha256);
    expect((error as NationalCatalogError).vi).toMatch(/bị hỏng/);
  });

  test('a broken record (checksum intact) is reported with its code and field', async () => {
    const { procedures, manifest } = await loadBundledNational();
    const broken = procedures.map((procedure, i) => (i === 7 ? { ...procedure, levels: [], lastUpdated: '30/11/2026' } : procedure));
    const dir = temporaryDir();
    const gz = encodeNationalRecords(broken as Procedure[]);
    writeFileSync(path.join(dir, NATIONAL_FILE), gz);
    writeFileSync(path.join(dir, MANIFEST_FILE), formatManifest({ ...manifest, bytes: gz.length, sha256: sha256Hex(gz) }));
    const error = await loadBundledNational({ dir }).catch((caught: unknown) => caught);
    expect((error as NationalCatalogError).code).toBe('national_invalid_record');
    expect((error as Error).message).toContain(`record ${procedures[7]!.code} — `);
    expect((error as Error).message).toMatch(/levels: .*lastUpdated: /);
  }, 60_000);

  test('the same records always give the same bytes: sorted input or not, gzip mtime 0', async () => {
    const { procedures } = await loadBundledNational();
    const once = encodeNationalRecords(procedures);
    expect(encodeNationalRecords([...procedures].reverse()).equals(once)).toBe(true);
    expect(once.readUInt32LE(4)).toBe(0);
    expect(sha256Hex(once)).toBe(shippedManifest().sha256);
  }, 60_000);
});

describe('CATALOG configuration', () => {
  test('full by default; curated on request; anything else names the variable', () => {
    expect(loadConfig({}, {}).catalog).toBe('full');
    expect(loadConfig({}, { CATALOG: 'curated' }).catalog).toBe('curated');
    expect(() => loadConfig({}, { CATALOG: 'national' })).toThrow(ConfigError);
    expect(() => loadConfig({}, { CATALOG: 'national' })).toThrow(/CATALOG/);
  });
});

test('a corrupted shipped file fails start-up, and /health says so naming the file', async () => {
  const dir = corruptedCopy();
  const config = loadConfig({ catalog: 'full' }, {});
  const app = await startTestApp({ config: { catalog: 'full' }, warm: false, loadAssistant: (db) => loadAssistant(config, db, pino({ level: 'silent' }), dir) });
  try {
    // As main.ts does: a failed warm-up is reported on /health.
    await app.deps.assistant.start().catch(() => undefined);
    const response = await fetch(`${app.url}/health`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; error: string };
    expect(body.status).toBe('failed');
    expect(body.error).toContain(path.join(dir, NATIONAL_FILE));
    expect(body.error).toContain('national_checksum_mismatch');
  } finally {
    await app.close();
  }
}, 120_000);

async function getJson(app: TestApp, urlPath: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${app.url}${urlPath}`);
  return { status: response.status, body: await response.json() };
}
const searchPath = (q: string) => `/api/procedures/search?q=${encodeURIComponent(q)}`;

describe('a fresh server with the default configuration (CATALOG=full)', () => {
  let app: TestApp;
  let provincial: Procedure;
  beforeAll(async () => {
    const { procedures } = await loadBundledNational();
    // A province's own version of a shipped record, as `npm run import` would store it.
    const shipped = procedures.find((procedure) => procedure.code === '2.000806')!;
    provincial = { ...shipped, notes: [...shipped.notes, 'Bản của tỉnh: nộp tại Trung tâm Phục vụ hành chính công tỉnh.'] };
    app = await startTestApp({ imported: [provincial], config: { catalog: 'full' } });
  });
  afterAll(async () => {
    await app?.close();
  });

  test('answers from the whole catalog: 2,642 national + 2 local-code curated procedures', async () => {
    const { status, body } = await getJson(app, '/health');
    expect(status).toBe(200);
    expect(body.procedures).toBe(2644);
  });

  test('"kết hôn với người nước ngoài" finds a national record whose name says "nước ngoài"', async () => {
    const { status, body } = await getJson(app, searchPath('kết hôn với người nước ngoài'));
    expect(status).toBe(200);
    const top = body.results[0] as { code: string; name: string };
    expect(top.name).toContain('nước ngoài');
    expect(CURATED_CODES.has(top.code)).toBe(false);
    expect((await getJson(app, `/api/procedures/${top.code}`)).body.origin).toBe('national');
  });

  test('curated records win for the same code: 1.001456 is still the curated passport record', async () => {
    const { status, body } = await getJson(app, '/api/procedures/1.001456');
    expect(status).toBe(200);
    expect(body.origin).toBe('bundled');
    expect(body).toEqual(JSON.parse(JSON.stringify(loadBundledCatalog().find((procedure) => procedure.code === '1.001456'))));
  });

  test('a record imported into the database wins over the shipped one', async () => {
    const { body } = await getJson(app, '/api/procedures/2.000806');
    expect(body.notes).toEqual(provincial.notes);
  });
});

test('CATALOG=curated: only the database and the curated records, as before', async () => {
  const app = await startTestApp({ config: { catalog: 'curated' } });
  try {
    expect((await getJson(app, '/health')).body.procedures).toBe(CURATED_CODES.size);
    const { body } = await getJson(app, searchPath('kết hôn với người nước ngoài'));
    for (const result of body.results as { code: string }[]) expect(CURATED_CODES.has(result.code), result.code).toBe(true);
    expect((await getJson(app, '/api/procedures/2.000806')).status).toBe(404);
  } finally {
    await app.close();
  }
}, 120_000);

test('npm run catalog:build without the national export exits 2 with a bilingual message and writes nothing', async () => {
  const out = temporaryDir();
  const missing = path.join(out, 'shared', 'data', 'dvc-procedures.jsonl.gz');
  const run = promisify(execFile);
  const failure = await run(process.execPath, ['--import', 'tsx', 'tools/catalog/build-national-catalog.ts', '--source', missing, '--out', out], {
    cwd: ROOT,
  }).then(
    () => null,
    (error: { code?: number; stderr?: string }) => error,
  );
  expect(failure?.code).toBe(2);
  expect(failure?.stderr).toContain(`Không tìm thấy dữ liệu thủ tục quốc gia: ${missing}`);
  expect(failure?.stderr).toContain(`National source data not found: ${missing}`);
  expect(readdirSync(out)).toEqual([]);
}, 60_000);

describe.skipIf(!haveSource)(
  `the shipped file is in sync with its generator${haveSource ? '' : ' — SKIPPED: ../shared/data/dvc-procedures.jsonl.gz is absent, nothing to regenerate from'}`,
  () => {
    test('regenerating from ../shared/data gives the shipped bytes (sha256 as in the manifest)', async () => {
      const manifest = shippedManifest();
      const out = temporaryDir();
      const result = await generateNationalCatalog({ source: SOURCE, outDir: out, date: manifest.generatedOn });
      expect(result.manifest.source.sha256, 'the national export changed: run npm run catalog:build').toBe(manifest.source.sha256);
      expect(sha256Hex(readFileSync(path.join(out, NATIONAL_FILE))), 'the importer changed: run npm run catalog:build').toBe(manifest.sha256);
      expect(readFileSync(path.join(out, MANIFEST_FILE), 'utf8')).toBe(readFileSync(path.join(NATIONAL_DIR, MANIFEST_FILE), 'utf8'));
    }, 180_000);
  },
);
