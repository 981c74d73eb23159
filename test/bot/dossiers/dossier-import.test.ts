/**
 * `npm run import:dossiers`: CSV and JSONL files parsed and validated like pushes, imported
 * idempotently with history, bad lines reported by line and field; the CLI's exit codes.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatDossierImportReport, importDossierFile } from '../../../bot/dossiers/dossier-import.ts';
import { parseCsv, parseDossierFile } from '../../../knowledge/dossiers/dossier-file.ts';
import { createSqlDossierStore } from '../../../adapters/sql/sql-dossier-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../../support/databases.ts';

const fixtures = path.join(import.meta.dirname, '../../fixtures/dossiers');

describe('dossier files', () => {
  test('CSV quoting: commas, quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('a,b\r\n"x, y","say ""hi"""\n"multi\nline",z\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x, y', 'say "hi"'] },
      { line: 3, cells: ['multi\nline', 'z'] },
    ]);
  });

  test('a CSV header without a required column is refused', () => {
    expect(() => parseDossierFile('code,status\n000.00.19.H53-250303-0101,received\n', 'csv')).toThrow(/procedureCode/);
  });

  test('JSONL: a later line for the same code wins; bad lines are reported', () => {
    const parsed = parseDossierFile(readFileSync(path.join(fixtures, 'dossiers.jsonl'), 'utf8'), 'jsonl');
    expect(parsed.dossiers.map((d) => [d.dossier.code, d.dossier.status])).toEqual([
      ['000.00.19.H53-250303-0201', 'result_ready'],
      ['000.00.19.H53-250303-0202', 'rejected'],
    ]);
    expect(parsed.errors).toEqual([{ line: 4, field: 'json', reason: 'dòng không phải JSON hợp lệ' }]);
  });
});

describe('importing into the store', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await DB_FACTORIES.find((f) => f.name === 'pglite')!.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  test('CSV: valid rows imported, bad rows reported by line and field; a second run changes nothing', async () => {
    const store = createSqlDossierStore(database.db);
    const file = path.join(fixtures, 'dossiers.csv');
    const report = await importDossierFile(file, { store });
    expect(report).toMatchObject({ records: 5, created: 2, updated: 0, unchanged: 0, statusChanges: 2 });
    expect(report.errors).toEqual([
      { line: 4, field: 'status', reason: expect.stringContaining('received') },
      { line: 5, field: 'code', reason: expect.stringContaining('000.00.19.H53-240101-0001') },
      { line: 6, field: 'applicant.phone', reason: 'số điện thoại không hợp lệ' },
    ]);
    const second = await store.find('000.00.19.H53-250303-0102');
    expect(second).toMatchObject({ agency: 'UBND phường Bến Nghé, Quận 1', note: 'Giấy xác nhận tình trạng hôn nhân, bản chính', applicant: { phone: '84901234567' } });
    const text = formatDossierImportReport(report);
    expect(text).toMatch(/thêm mới \/ created: 2/);
    expect(text).toMatch(/dòng \/ line 6: applicant\.phone/);
    expect(text).not.toMatch(/0911222333|Phạm Thị Dung/);

    const again = await importDossierFile(file, { store });
    expect(again).toMatchObject({ created: 0, unchanged: 2, statusChanges: 0 });
  });

  test('the CLI: report on stdout, exit 1 when rows were rejected, 2 for a bad file', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'tlt-import-dossiers-'));
    const run = promisify(execFile);
    const cli = (file: string) =>
      run(process.execPath, ['--import', 'tsx', 'cli/import-dossiers.ts', file], {
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' },
      }).then(
        (out) => ({ code: 0, stdout: out.stdout, stderr: out.stderr }),
        (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
      );
    try {
      const ok = await cli(path.join(fixtures, 'dossiers.jsonl'));
      expect(ok.stdout).toMatch(/thêm mới \/ created: 2/);
      expect(ok.code).toBe(1); // line 4 is not JSON
      const missing = await cli(path.join(fixtures, 'missing.csv'));
      expect(missing.code).toBe(2);
      expect(missing.stderr).toMatch(/Không tìm thấy/);
      const wrongType = await cli(import.meta.filename);
      expect(wrongType.code).toBe(2);
      expect(wrongType.stderr).toMatch(/\.csv hoặc \.jsonl/);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
