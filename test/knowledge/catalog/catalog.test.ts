import { describe, expect, test } from 'vitest';
import {
  BUNDLED_PROCEDURE_INPUTS,
  CatalogError,
  loadBundledCatalog,
  validateCatalog,
} from '../../../knowledge/catalog/index.ts';
import { aliases, withoutDiacritics } from '../../../knowledge/catalog/common.ts';
import type { Fee, Procedure } from '../../../knowledge/schema.ts';

const catalog = loadBundledCatalog();

function byCode(code: string): Procedure {
  const found = catalog.find((p) => p.code === code);
  if (!found) throw new Error(`procedure ${code} missing from the bundled catalog`);
  return found;
}

function channel(procedure: Procedure, method: 'truc_tiep' | 'truc_tuyen' | 'buu_chinh') {
  const found = procedure.channels.find((c) => c.method === method);
  if (!found) throw new Error(`${procedure.code} has no ${method} channel`);
  return found;
}

const allFees = (procedure: Procedure): Fee[] => procedure.channels.flatMap((c) => c.fees);

describe('bundled catalog — structure', () => {
  test('every record validates and there are at least 30', () => {
    expect(catalog.length).toBe(BUNDLED_PROCEDURE_INPUTS.length);
    expect(catalog.length).toBeGreaterThanOrEqual(30);
  });

  test('codes are unique', () => {
    const codes = catalog.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
  });

  test.each(catalog.map((p) => [p.code, p] as const))('%s has the required facts', (_code, p) => {
    expect(p.origin).toBe('bundled');
    expect(p.legalBasis.some((l) => l.number.trim().length > 0)).toBe(true);
    expect(p.channels.length).toBeGreaterThanOrEqual(1);
    expect(p.documents.length).toBeGreaterThanOrEqual(1);
    expect(p.aliases.length).toBeGreaterThanOrEqual(3);
    expect(p.submitAt.length).toBeGreaterThanOrEqual(1);
    for (const c of p.channels) expect(c.fees.length).toBeGreaterThanOrEqual(1);
    for (const fee of allFees(p)) {
      if (fee.kind === 'fixed') expect(fee.amountVnd).toBeGreaterThan(0);
      else expect(fee.amountVnd).toBeNull();
      if (fee.kind === 'set_by_province' || fee.kind === 'unspecified') expect(fee.note ?? '').not.toBe('');
    }
  });

  test('aliases include unaccented spellings', () => {
    for (const p of catalog) {
      const unaccented = p.aliases.filter((a) => a === withoutDiacritics(a));
      expect(unaccented.length, p.code).toBeGreaterThan(0);
    }
    expect(aliases('Hộ chiếu', 'đổi bằng lái')).toEqual(['Hộ chiếu', 'Ho chieu', 'đổi bằng lái', 'doi bang lai']);
  });

  test('local codes are explained in the notes', () => {
    for (const p of catalog.filter((x) => x.code.startsWith('9.'))) {
      expect(p.notes.join(' '), p.code).toMatch(/mã nội bộ/);
    }
  });
});

describe('bundled catalog — validation errors', () => {
  const valid = BUNDLED_PROCEDURE_INPUTS[0]!;

  test('names the record code and field path of an invalid record', () => {
    const broken = { ...valid, code: '1.999999', lastUpdated: '01/07/2026' };
    expect(() => validateCatalog([broken])).toThrow(CatalogError);
    expect(() => validateCatalog([broken])).toThrow(/1\.999999.*lastUpdated/);
  });

  test('rejects a fixed fee without an amount', () => {
    const broken = {
      ...valid,
      code: '1.999998',
      channels: [{ method: 'truc_tiep' as const, time: null, fees: [{ kind: 'fixed' as const, label: 'Lệ phí', amountVnd: null }] }],
    };
    expect(() => validateCatalog([broken])).toThrow(/1\.999998.*channels\.0\.fees\.0/);
  });

  test('rejects duplicate codes', () => {
    expect(() => validateCatalog([valid, valid])).toThrow(/catalog_duplicate_code/);
  });
});

describe('bundled catalog — key facts', () => {
  test('hộ chiếu 1.001456: trực tiếp 200.000 đ, 8 ngày làm việc', () => {
    const direct = channel(byCode('1.001456'), 'truc_tiep');
    expect(direct.time).toMatchObject({ value: 8, unit: 'working_days' });
    expect(direct.fees[0]).toMatchObject({ kind: 'fixed', amountVnd: 200000 });
  });

  test('khai sinh 1.001193 is free when on time and needs tờ khai + giấy chứng sinh, at UBND cấp xã', () => {
    const p = byCode('1.001193');
    for (const c of p.channels) expect(c.fees[0]).toMatchObject({ kind: 'free' });
    const docs = p.documents.map((d) => d.name).join(' | ');
    expect(docs).toMatch(/Tờ khai/);
    expect(docs).toMatch(/Giấy chứng sinh/);
    expect(p.submitAt[0]).toMatch(/UBND cấp xã/);
  });

  test('kết hôn and xác nhận tình trạng hôn nhân are submitted at UBND cấp xã', () => {
    expect(byCode('1.000894').submitAt[0]).toMatch(/UBND cấp xã/);
    expect(byCode('1.004873').submitAt[0]).toMatch(/UBND cấp xã/);
    expect(channel(byCode('1.000894'), 'truc_tiep').fees[0]).toMatchObject({ kind: 'free' });
  });

  test('lý lịch tư pháp 3.000333: 200.000 đ and 10 ngày', () => {
    const direct = channel(byCode('3.000333'), 'truc_tiep');
    expect(direct.fees[0]).toMatchObject({ kind: 'fixed', amountVnd: 200000 });
    expect(direct.time).toMatchObject({ value: 10, unit: 'days' });
  });

  test('chứng thực: bản sao 2.000 đ/trang, chữ ký 10.000 đ', () => {
    expect(channel(byCode('2.000815'), 'truc_tiep').fees[0]).toMatchObject({ kind: 'fixed', amountVnd: 2000 });
    expect(channel(byCode('2.000884'), 'truc_tiep').fees[0]).toMatchObject({ kind: 'fixed', amountVnd: 10000 });
  });

  test('căn cước lần đầu is free; thường trú 20.000 đ trực tiếp; tạm trú 3 ngày làm việc', () => {
    expect(channel(byCode('1.014061'), 'truc_tiep').fees[0]).toMatchObject({ kind: 'free' });
    expect(channel(byCode('1.004222'), 'truc_tiep').fees[0]).toMatchObject({ kind: 'fixed', amountVnd: 20000 });
    expect(channel(byCode('1.004194'), 'truc_tiep').time).toMatchObject({ value: 3, unit: 'working_days' });
  });

  test('đăng ký doanh nghiệp: 3 ngày làm việc, miễn lệ phí trực tuyến', () => {
    for (const code of ['2.001583', '2.001199', '2.002043']) {
      const p = byCode(code);
      expect(channel(p, 'truc_tiep').time).toMatchObject({ value: 3, unit: 'working_days' });
      expect(channel(p, 'truc_tuyen').fees[0]).toMatchObject({ kind: 'free' });
    }
  });

  test('provincial fees are never given a figure', () => {
    for (const code of ['1.001612', '1.013225', '1.013978']) {
      for (const fee of allFees(byCode(code))) expect(fee).toMatchObject({ kind: 'set_by_province', amountVnd: null });
    }
  });

  test('the household-business fee quotes the national portal\'s figures as the portal\'s, beside the province\'s say', () => {
    for (const fee of allFees(byCode('1.001612'))) {
      expect(fee.note).toMatch(/Cổng Dịch vụ công quốc gia ghi 150\.000 đồng khi nộp trực tuyến hoặc qua bưu chính và 50\.000 đồng khi nộp trực tiếp/);
      expect(fee.note).toMatch(/HĐND tỉnh quyết định/);
    }
  });
});
