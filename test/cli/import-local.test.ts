/** npm run import:local / export:local: the report on stdout, exit 1 when rows were rejected, 2 for a bad file; the export re-imports unchanged. */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const fixture = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/local/vi-du.csv');
const ownProcedures = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/local/thu-tuc-rieng.json');

describe('import:local and export:local', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'tlt-import-local-'));
  });
  afterAll(async () => rm(dataDir, { recursive: true, force: true }));

  const run = (script: string, file: string) =>
    promisify(execFile)(process.execPath, ['--import', 'tsx', script, file], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '', CATALOG: 'curated' },
    }).then(
      (out) => ({ code: 0, stdout: out.stdout, stderr: out.stderr }),
      (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
    );

  test('import, export, import the export again', async () => {
    const first = await run('cli/import-local.ts', fixture);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('Đã đọc 8 dòng: áp dụng 3, không đổi 0, lỗi 5.');
    expect(first.stdout).toContain('Dòng 5, cột code: không có thủ tục mã "9.999999" trong danh mục');

    const exported = path.join(dataDir, 'xuat.xlsx');
    const written = await run('cli/export-local.ts', exported);
    expect(written).toMatchObject({ code: 0, stdout: expect.stringContaining('Đã ghi 3 dòng') });
    const again = await run('cli/import-local.ts', exported);
    expect(again).toMatchObject({ code: 0, stdout: expect.stringContaining('Đã đọc 3 dòng: áp dụng 0, không đổi 3, lỗi 0.') });

    const csv = path.join(dataDir, 'xuat.csv');
    expect((await run('cli/export-local.ts', csv)).code).toBe(0);
    expect((await readFile(csv, 'utf8')).split('\r\n')[0]).toBe('\uFEFFcode,name,channel,commune,fee_vnd,fee_label,fee_basis,processing_days,address,hours,phone,online_url,note,reason');

    const own = await run('cli/import-local.ts', ownProcedures);
    expect(own.code).toBe(1);
    expect(own.stdout).toContain('Đã đọc 3 thủ tục: áp dụng 1, không đổi 0, lỗi 2.');
    expect(own.stdout).toContain('Thủ tục thứ 2, trường code: mã 1.004873 đã có trong dữ liệu quốc gia');
    expect(own.stdout).toMatch(/Thủ tục thứ 3, trường levels: /);
    expect((await run('cli/import-local.ts', ownProcedures)).stdout).toContain('Đã đọc 3 thủ tục: áp dụng 0, không đổi 1, lỗi 2.');
    const ownExport = path.join(dataDir, 'thu-tuc.json');
    expect((await run('cli/export-local.ts', ownExport)).stdout).toContain('Đã ghi 1 thủ tục');
    expect(JSON.parse(await readFile(ownExport, 'utf8')).map((p: { code: string; origin: string }) => [p.code, p.origin])).toEqual([['9.100001', 'local']]);
    expect((await run('cli/import-local.ts', ownExport)).stdout).toContain('Đã đọc 1 thủ tục: áp dụng 0, không đổi 1, lỗi 0.');

    const wrongType = await run('cli/import-local.ts', import.meta.filename);
    expect(wrongType.code).toBe(2);
    expect(wrongType.stderr).toMatch(/\.csv, \.xlsx hoặc \.json/);
    const badHeader = path.join(dataDir, 'sai.csv');
    await writeFile(badHeader, 'ma,kenh\n1,2\n');
    const refused = await run('cli/import-local.ts', badHeader);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Cột không có trong mẫu: ma, kenh/);
  }, 120_000);
});
