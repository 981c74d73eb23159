/** applyOverlay: local values on top of a record, the record itself untouched, each local fact sourced. */
import { describe, expect, test } from 'vitest';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import { applyOverlay } from '../../../knowledge/local/apply-overlay.ts';
import { createLocalizedCatalog } from '../../../knowledge/local/localized-catalog.ts';
import { OverlayFieldsSchema, type OverlayEntry, type OverlayFields } from '../../../knowledge/local/overlay.ts';
import { checkEdit, OverlayInputError } from '../../../knowledge/local/overlay-service.ts';
import { createCatalog } from '../../../knowledge/catalog-store.ts';
import { ProcedureSchema } from '../../../knowledge/schema.ts';

const catalog = createCatalog(loadBundledCatalog());
const marital = catalog.get('1.004873')!; // fee "do HĐND tỉnh quy định" on every channel
const birth = catalog.get('1.001193')!; // a free fee, a late fee set by the province, a fixed copy fee
const FROM = { source: 'UBND tỉnh Bắc Ninh' };
const BASIS = 'Nghị quyết số 12/2025/NQ-HĐND ngày 10/7/2025 của HĐND tỉnh Bắc Ninh';

const entry = (code: string, channel: OverlayEntry['channel'], fields: OverlayFields): OverlayEntry => ({ code, channel, fields, version: 1, at: new Date('2026-11-20T03:00:00Z') });

describe('applyOverlay', () => {
  test('a local fee replaces the council line on every channel, with its basis, and the record is not changed', () => {
    const before = structuredClone(marital);
    const local = applyOverlay(marital, [entry(marital.code, '*', { feeVnd: 20_000, feeBasis: BASIS })], FROM);
    expect(marital).toEqual(before);
    for (const [i, channel] of local.channels.entries()) {
      // The national exemptions stay: the council sets the amount, not who is exempt.
      const exemptions = marital.channels[i]!.fees[0]!.exemptions;
      expect(exemptions.length).toBeGreaterThan(0);
      expect(channel.fees).toEqual([{ kind: 'fixed', label: 'Lệ phí cấp Giấy xác nhận tình trạng hôn nhân', amountVnd: 20_000, exemptions, basis: BASIS }]);
    }
    expect(local.local).toMatchObject({ source: 'UBND tỉnh Bắc Ninh', updatedOn: '2026-11-20' });
    expect(ProcedureSchema.parse(local)).toEqual(local);
  });

  test('without a label the figure replaces the line the province sets, leaving the other lines', () => {
    const local = applyOverlay(birth, [entry(birth.code, 'truc_tiep', { feeVnd: 5_000, feeBasis: BASIS })], FROM);
    const direct = local.channels.find((c) => c.method === 'truc_tiep')!;
    expect(direct.fees.map((f) => [f.label, f.kind, f.amountVnd])).toEqual([
      ['Lệ phí đăng ký khai sinh', 'free', null],
      ['Lệ phí đăng ký khai sinh quá hạn', 'fixed', 5_000],
      ['Phí cấp bản sao Giấy khai sinh (nếu có yêu cầu)', 'fixed', 8_000],
    ]);
    // Other channels keep the national value.
    expect(local.channels.find((c) => c.method === 'truc_tuyen')).toEqual(birth.channels.find((c) => c.method === 'truc_tuyen'));
  });

  test('a channel’s own fee replaces the line the * entry set, not another line', () => {
    const local = applyOverlay(
      birth,
      [entry(birth.code, 'truc_tuyen', { feeVnd: 2_500, feeBasis: BASIS }), entry(birth.code, '*', { feeVnd: 5_000, feeBasis: BASIS })],
      FROM,
    );
    const amounts = (method: string) => local.channels.find((c) => c.method === method)!.fees.map((f) => [f.label, f.amountVnd]);
    expect(amounts('truc_tiep')).toEqual([['Lệ phí đăng ký khai sinh', null], ['Lệ phí đăng ký khai sinh quá hạn', 5_000], ['Phí cấp bản sao Giấy khai sinh (nếu có yêu cầu)', 8_000]]);
    expect(amounts('truc_tuyen')).toEqual([['Lệ phí đăng ký khai sinh', null], ['Lệ phí đăng ký khai sinh quá hạn', 2_500], ['Phí cấp bản sao Giấy khai sinh (nếu có yêu cầu)', 8_000]]);
  });

  test('a channel entry wins over the * entry; times, places, link and notes are recorded as local', () => {
    const local = applyOverlay(
      marital,
      [
        entry(marital.code, 'truc_tuyen', { processingDays: 1 }),
        entry(marital.code, '*', { processingDays: 2, address: 'Số 1 Lý Thái Tổ, phường Suối Hoa', hours: 'Thứ 2–thứ 6, 7h30–17h', phone: '0222 3822 123', onlineUrl: 'https://dichvucong.bacninh.gov.vn', note: 'Mang theo căn cước.' }),
      ],
      FROM,
    );
    expect(local.channels.map((c) => [c.method, c.time?.value])).toEqual([['truc_tiep', 2], ['truc_tuyen', 1], ['buu_chinh', 2]]);
    expect(local.local).toMatchObject({
      places: [{ channel: '*', address: 'Số 1 Lý Thái Tổ, phường Suối Hoa', hours: 'Thứ 2–thứ 6, 7h30–17h', phone: '0222 3822 123' }],
      onlineUrl: 'https://dichvucong.bacninh.gov.vn',
      notes: ['Mang theo căn cước.'],
    });
    expect(new Set(local.local!.localTimes)).toEqual(new Set(['truc_tiep', 'truc_tuyen', 'buu_chinh']));
  });

  test('no entry for the procedure: the same record', () => {
    expect(applyOverlay(marital, [entry(birth.code, '*', { note: 'x' })], FROM)).toBe(marital);
  });

  test('the localized catalog swaps the overlay without touching its base', () => {
    const localized = createLocalizedCatalog(catalog, FROM);
    expect(localized.get(marital.code)).toBe(marital);
    localized.setOverlay([entry(marital.code, '*', { feeVnd: 20_000, feeBasis: BASIS })]);
    expect(localized.get(marital.code)!.channels[0]!.fees[0]!.amountVnd).toBe(20_000);
    expect(localized.all().find((p) => p.code === marital.code)).toBe(localized.get(marital.code));
    expect(localized.base(marital.code)).toBe(marital);
    localized.setOverlay([]);
    expect(localized.get(marital.code)).toBe(marital);
  });
});

describe('overlay values are validated, in Vietnamese, naming the column', () => {
  test.each([
    [{ feeVnd: 1.5, feeBasis: BASIS }, 'fee_vnd'],
    [{ feeVnd: 20_000 }, 'fee_basis'],
    [{ feeBasis: BASIS }, 'fee_vnd'],
    [{ processingDays: 0 }, 'processing_days'],
    [{ onlineUrl: 'javascript:alert(1)' }, 'online_url'],
    [{ phone: 'gọi tôi' }, 'phone'],
  ])('%j → %s', (fields, column) => {
    try {
      checkEdit({ code: marital.code, channel: '*', fields }, marital);
      expect.unreachable('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(OverlayInputError);
      expect((error as OverlayInputError).issues.map((i) => i.column)).toContain(column);
    }
  });

  test('an unknown code and channel are both reported', () => {
    expect(() => checkEdit({ code: '9.999999', channel: 'fax', fields: {} }, undefined)).toThrow(/code: không có thủ tục.*channel: kênh/);
  });

  test('valid values pass and an empty change removes the entry', () => {
    expect(OverlayFieldsSchema.parse({ feeVnd: 0, feeBasis: BASIS })).toEqual({ feeVnd: 0, feeBasis: BASIS });
    expect(checkEdit({ code: marital.code, channel: 'truc_tiep', fields: {} }, marital)).toEqual({ channel: 'truc_tiep', fields: null });
  });
});
