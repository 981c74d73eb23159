/** The national-portal importer: each parser on real snippets, the full export, and idempotent storage. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { formatReport } from '../../../knowledge/import/import-report.ts';
import { loadNationalProcedures } from '../../../knowledge/import/load-national.ts';
import { parseChannels } from '../../../knowledge/import/parse-channels.ts';
import { parseDocuments, splitForm } from '../../../knowledge/import/parse-documents.ts';
import { parseLegalBasis } from '../../../knowledge/import/parse-legal-basis.ts';
import { parseConditions, parseLevels, parseResults, parseSteps, splitList } from '../../../knowledge/import/parse-misc.ts';
import { ImportInputError, parseRecordsText, readRawRecords } from '../../../knowledge/import/read-records.ts';
import { toProcedure } from '../../../knowledge/import/to-procedure.ts';
import { createSqlProcedureStore } from '../../../adapters/sql/sql-procedure-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../../support/databases.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/import/${name}`, import.meta.url));
const HEADER = 'Hình thức nộpThời gianPhí, lệ phíMô tả';

describe('parseChannels', () => {
  test('passport record: three channels, working days, fees with their notes', () => {
    const { rows } = parseChannels(
      `${HEADER}Trực tuyến8 Ngày làm việc160,000 Việt Nam Đồng(+ 160.000/hộ chiếu, trường hợp cấp lại do bị hư hỏng hoặc bị mất: 320.000đ/hộ chiếu (áp dụng đến hết ngày 31/12/2023 theo Thông tư số 44/2023/TT-BTC ngày 29/6/2023 của Bộ tài chính).)Dịch vụ bưu chính8 Ngày làm việc160,000 Việt Nam Đồng(+ 160.000/hộ chiếu)Trực tiếp8 Ngày làm việc200,000 Việt Nam Đồng(200.000đ/ hộ chiếu.)`,
    );
    expect(rows.map((r) => r.channel.method)).toEqual(['truc_tuyen', 'buu_chinh', 'truc_tiep']);
    for (const row of rows) expect(row.channel.time).toEqual({ value: 8, unit: 'working_days' });
    expect(rows.map((r) => r.channel.fees[0]?.amountVnd)).toEqual([160000, 160000, 200000]);
    expect(rows[0]?.channel.fees[0]?.note).toContain('áp dụng đến hết ngày 31/12/2023');
  });

  test('units: Ngày, Giờ, Tháng; "Không có thông tin" time and fee', () => {
    expect(parseChannels(`${HEADER}Trực tuyến10 NgàyMiễn phí`).rows[0]?.channel.time).toEqual({ value: 10, unit: 'days' });
    expect(parseChannels(`${HEADER}Trực tiếp2 GiờKhông có thông tin`).rows[0]?.channel.time).toEqual({ value: 2, unit: 'hours' });
    expect(parseChannels(`${HEADER}Trực tiếp3 ThángMiễn phí`).rows[0]?.channel.time).toEqual({ value: 3, unit: 'months' });
    const [row] = parseChannels(`${HEADER}Trực tiếpKhông có thông tinKhông có thông tin`).rows;
    expect(row?.channel.time).toBeNull();
    expect(row?.timeStatus).toBe('absent');
    expect(row?.feeStatus).toBe('absent');
    expect(row?.channel.fees[0]?.kind).toBe('unspecified');
  });

  test('a time without unit takes the unit of another row, else is noted', () => {
    const mixed = parseChannels(`${HEADER}Trực tuyến40 NgàyMiễn phíDịch vụ bưu chính40Miễn phí`).rows;
    expect(mixed[1]?.channel.time).toMatchObject({ value: 40, unit: 'days' });
    expect(mixed[1]?.timeStatus).toBe('unit_inferred');
    const [bare] = parseChannels(`${HEADER}Trực tuyến1Miễn phíTrực tiếp1Miễn phí`).rows;
    expect(bare?.channel.time).toMatchObject({ value: 1, unit: 'working_days' });
    expect(bare?.channel.time?.note).toContain('không ghi đơn vị');
  });

  test('a bare time glued to an amount is split with the note\'s help ("120 VNĐ(20.000 vnđ /tờ khai)")', () => {
    const { rows } = parseChannels(`${HEADER}Trực tuyến120 VNĐ(20.000 vnđ /tờ khai)Trực tiếp120 VNĐ(20.000 vnđ /tờ khai)`);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.channel.time?.value).toBe(1);
    expect(rows[0]?.channel.fees[0]).toMatchObject({ kind: 'fixed', amountVnd: 20000 });
  });

  test('fees decided by the provincial council, with exemptions', () => {
    const [row] = parseChannels(
      `${HEADER}Trực tuyến3Miễn phí((Mức lệ phí cụ thể do Hội đồng nhân dân tỉnh, thành phố trực thuộc Trung ương quyết định. Miễn lệ phí cho người thuộc gia đình có công với cách mạng; người thuộc hộ nghèo; người khuyết tật.))`,
    ).rows;
    expect(row?.channel.fees[0]).toMatchObject({ kind: 'set_by_province', amountVnd: null });
    expect(row?.channel.fees[0]?.exemptions).toEqual(['người thuộc gia đình có công với cách mạng', 'người thuộc hộ nghèo', 'người khuyết tật']);
  });

  test('"Miễn phí" whose note states the rates gives one fee per rate; plain "Miễn phí" is free', () => {
    const [rates] = parseChannels(`${HEADER}Trực tuyến5Miễn phí(Lệ phí cấp mới 40.000đồng/lần; lệ phí cấp lại 20.000 đồng/lần.)`).rows;
    expect(rates?.channel.fees.map((f) => f.amountVnd)).toEqual([40000, 20000]);
    const [free] = parseChannels(`${HEADER}Trực tuyến4 Ngày làm việcMiễn phí`).rows;
    expect(free?.channel.fees[0]).toMatchObject({ kind: 'free', amountVnd: null });
  });

  test('fees in "200.000 Đồng" / "Lệ phí : …" form in the description; amounts in 1,500,000 VNĐ and USD', () => {
    const [described] = parseChannels(
      `${HEADER}Trực tuyến5 Ngày làm việcKhông có thông tin- 05 ngày làm việc kể từ ngày nhận đủ hồ sơ\n- Lệ phí : 20.000 Đồng (Lệ phí Cấp mới, cấp lại chứng chỉ chuyên môn: 20.000 đồng/giấy.); \n- Lệ phí : 50.000 Đồng (Lệ phí Cấp mới)`,
    ).rows;
    expect(described?.channel.fees.map((f) => [f.kind, f.amountVnd])).toEqual([
      ['fixed', 20000],
      ['fixed', 50000],
    ]);
    const [vnd] = parseChannels(`${HEADER}Trực tuyến10 Ngày làm việc1,500,000 VNĐ(đồng/lần)`).rows;
    expect(vnd?.channel.fees[0]).toMatchObject({ kind: 'fixed', amountVnd: 1500000, note: 'đồng/lần' });
    const [usd] = parseChannels(`${HEADER}Trực tiếp5 Ngày làm việc145 USD(Thẻ tạm trú có thời hạn không quá 02 năm: 145 USD/thẻ.)`).rows;
    expect(usd?.channel.fees[0]?.kind).toBe('unspecified');
    expect(usd?.channel.fees[0]?.note).toContain('145 USD');
  });

  test('method names inside a description do not start a row', () => {
    const { rows } = parseChannels(
      `${HEADER}Trực tiếpKhông có thông tinKhông có thông tinnộp hồ sơ trực tiếp tại trụ sở Cục Quản lý xuất nhập cảnh.Dịch vụ bưu chínhKhông có thông tinKhông có thông tinGửi hồ sơ và nhận kết quả qua đường bưu điện.Trực tuyếnKhông có thông tinKhông có thông tinTrực tuyến: nộp hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia hoặc Cổng dịch vụ công Bộ Công an.`,
    );
    expect(rows.map((r) => r.channel.method)).toEqual(['truc_tiep', 'buu_chinh', 'truc_tuyen']);
    expect(rows[2]?.channel.note).toBe('Trực tuyến: nộp hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia hoặc Cổng dịch vụ công Bộ Công an.');
  });

  test('a time stated only in the description is used and noted', () => {
    const [row] = parseChannels(`${HEADER}Trực tuyếnKhông có thông tinKhông có thông tin02 ngày làm việc, kể từ ngày nhận đủ hồ sơ đúng theo quy định.`).rows;
    expect(row?.channel.time).toMatchObject({ value: 2, unit: 'working_days' });
    expect(row?.timeStatus).toBe('from_description');
  });
});

describe('parseDocuments', () => {
  test('names, forms and counts run together', () => {
    const { documents } = parseDocuments(
      '--Tên giấy tờMẫu đơn, tờ khaiSố lượngBản sao giấy khai sinh; trường hợp không có bản sao thì nộp bản chụp và xuất trình bản chính để kiểm tra, đối chiếu.1 bản chính,1 bản saoTờ khai đề nghị cấp hộ chiếu phổ thông ở trong nước (mẫu TK01 dành cho người từ 14 tuổi trở lên) thì người đại diện hợp pháp khai và ký thay.Mau TK01a to khai trẻ em cap HCPT ở trong nước TK01a MỚI.doc1 bản chínhẢnh mới chụp không quá 06 tháng, cỡ 4cm x 6cm, phông ảnh nền trắng1 bản chính',
    );
    expect(documents).toHaveLength(3);
    expect(documents[0]).toMatchObject({ originals: 1, copies: 1 });
    expect(documents[0]?.group).toBeUndefined();
    expect(documents[1]).toMatchObject({ form: 'Mau TK01a to khai trẻ em cap HCPT ở trong nước TK01a MỚI.doc', originals: 1, copies: 0 });
    expect(documents[1]?.name).toMatch(/^Tờ khai đề nghị cấp hộ chiếu.*ký thay\.$/u);
    expect(documents[2]?.name).toBe('Ảnh mới chụp không quá 06 tháng, cỡ 4cm x 6cm, phông ảnh nền trắng');
  });

  test('group headings before each table; counts inside a name are not cells', () => {
    const { documents } = parseDocuments(
      '1. Chứng từ phải nộpTên giấy tờMẫu đơn, tờ khaiSố lượnga) Tờ khai hàng hóa nhập khẩu; người khai hải quan khai và nộp 02 bản chính tờ khai hàng hóa nhập khẩu theo mẫu HQ/2015/NK;1 bản chínhb) Hóa đơn thương mại: 01 bản chụp;0 bản chính,1 bản sao2. Hồ sơ hải quan đối với xuất khẩu xăng dầu, hóa chất, khí:Tên giấy tờMẫu đơn, tờ khaiSố lượngd) Chứng thư giám định lượng: 01 bản chụp.0 bản chính,1 bản sao',
    );
    expect(documents.map((d) => [d.group, d.originals, d.copies])).toEqual([
      ['1. Chứng từ phải nộp', 1, 0],
      ['1. Chứng từ phải nộp', 0, 1],
      ['2. Hồ sơ hải quan đối với xuất khẩu xăng dầu, hóa chất, khí', 0, 1],
    ]);
    expect(documents[0]?.name).toContain('nộp 02 bản chính tờ khai');
  });

  test('"Bản chính: 1Bản sao: 0" counts and conditions', () => {
    const { documents } = parseDocuments(
      'Tên giấy tờMẫu đơn, tờ khaiSố lượngĐơn đề nghị (trường hợp cấp lại)Bản chính: 1Bản sao: 0Trường hợp ủy quyền: văn bản ủy quyềnBản chính: 0Bản sao: 1',
    );
    expect(documents).toEqual([
      { name: 'Đơn đề nghị (trường hợp cấp lại)', originals: 1, copies: 0, condition: 'trường hợp cấp lại' },
      { name: 'Trường hợp ủy quyền: văn bản ủy quyền', originals: 0, copies: 1, condition: 'Trường hợp ủy quyền' },
    ]);
  });

  test('several form files after one name', () => {
    expect(splitForm('Văn bản đề nghị theo Mẫu số 91, Mẫu số 101;Mẫu số 91 bản thông tin.docxMẫu số 101.docx')).toEqual({
      name: 'Văn bản đề nghị theo Mẫu số 91, Mẫu số 101;',
      form: 'Mẫu số 91 bản thông tin.docx; Mẫu số 101.docx',
    });
  });
});

describe('parseLegalBasis', () => {
  test('title runs into its number, number into the next title', () => {
    const { items } = parseLegalBasis(
      'Tên văn bản pháp lýMã văn bảnLuật 54/2014/QH1354/2014/QH13Thông tư 92/2015/TT-BTC92/2015/TT-BTCLuật 78/2006/QH1178/2006/QH11',
    );
    expect(items).toEqual([
      { title: 'Luật 54/2014/QH13', number: '54/2014/QH13' },
      { title: 'Thông tư 92/2015/TT-BTC', number: '92/2015/TT-BTC' },
      { title: 'Luật 78/2006/QH11', number: '78/2006/QH11' },
    ]);
  });

  test('numbers inside a title stay in the title; all-caps titles; a year glued to the number', () => {
    const { items } = parseLegalBasis(
      'Tên văn bản pháp lýMã văn bảnQUY ĐỊNH MỨC THU, CHẾ ĐỘ THU, NỘP PHÍ, LỆ PHÍ TRONG LĨNH VỰC XUẤT CẢNH25/2021/TT-BTCThông tư số 31/2023/TT-BCA ngày 20/7/2023 của Bộ Công an quy định về mẫu hộ chiếu.31/2023/TT-BCALuật Hòa giải ở cơ sở năm 201335/2013/QH13',
    );
    expect(items).toEqual([
      { title: 'QUY ĐỊNH MỨC THU, CHẾ ĐỘ THU, NỘP PHÍ, LỆ PHÍ TRONG LĨNH VỰC XUẤT CẢNH', number: '25/2021/TT-BTC' },
      { title: 'Thông tư số 31/2023/TT-BCA ngày 20/7/2023 của Bộ Công an quy định về mẫu hộ chiếu.', number: '31/2023/TT-BCA' },
      { title: 'Luật Hòa giải ở cơ sở năm 2013', number: '35/2013/QH13' },
    ]);
  });

  test('"Không có thông tin" → none', () => {
    expect(parseLegalBasis('Không có thông tin').items).toEqual([]);
  });
});

describe('parse-misc', () => {
  test('levels, including mixed and "Cơ quan khác"', () => {
    expect(parseLevels('Cấp bộ, Cấp tỉnh, Cấp xã')).toEqual({ levels: ['bo', 'tinh', 'xa'], others: [] });
    expect(parseLevels('Cấp xã, Cơ quan khác')).toEqual({ levels: ['xa'], others: ['Cơ quan khác'] });
  });

  test('result without page furniture; several results', () => {
    expect(
      parseResults(
        'Hộ chiếu phổ thông không gắn chíp điện tử hoặc hộ chiếu phổ thông có gắn chíp điện tử.Mã: KQ.G01.000083Từ khóaKhông có thông tinMô tảKhông có thông tinChọn cơ quan thực hiệnTỉnh/ Thành phốBộ ngành-- Chọn Tỉnh/ Thành phố --Hệ thống chỉ hiển thị những cơ quan đã áp dụng dịch vụ công trực tuyếnNộp hồ sơ',
      ),
    ).toEqual(['Hộ chiếu phổ thông không gắn chíp điện tử hoặc hộ chiếu phổ thông có gắn chíp điện tử.']);
    expect(
      parseResults('Giấy chứng nhận đăng ký đầu tư ra nước ngoàiMã: KQ.G12.001369Quyết định điều chỉnh hoạt động đầu tư ra nước ngoàiMã: KQ.G12.001371Từ khóaKhông có thông tinMô tảKhông có thông tin'),
    ).toEqual(['Giấy chứng nhận đăng ký đầu tư ra nước ngoài', 'Quyết định điều chỉnh hoạt động đầu tư ra nước ngoài']);
  });

  test('steps, subjects, conditions', () => {
    expect(parseSteps('Bước 1: Doanh nghiệp gửi hồ sơ\nBước 2: Chi cục kiểm tra.\n Bước 3: Doanh nghiệp nộp thuế.')).toEqual([
      'Bước 1: Doanh nghiệp gửi hồ sơ',
      'Bước 2: Chi cục kiểm tra.',
      'Bước 3: Doanh nghiệp nộp thuế.',
    ]);
    expect(splitList('Tổ chức (không bao gồm doanh nghiệp, HTX), Doanh nghiệp')).toEqual(['Tổ chức (không bao gồm doanh nghiệp, HTX)', 'Doanh nghiệp']);
    expect(parseConditions('Không có thông tin')).toEqual([]);
    expect(parseConditions('Không.')).toEqual([]);
  });
});

describe('toProcedure', () => {
  test('an invalid code refuses the record and says which field', () => {
    const result = toProcedure({ ma_thu_tuc: 'abc', ten_thu_tuc: 'Thủ tục thử' }, { today: '2026-07-01' });
    expect(result.procedure).toBeNull();
    expect(result.issues.some((i) => i.field === 'code')).toBe(true);
  });

  test('an unparsable field is reported but the record imports', () => {
    const result = toProcedure(
      { ma_thu_tuc: '1.000001', ten_thu_tuc: 'Thủ tục thử nghiệm', cap_thuc_hien: 'Cơ quan khác', linh_vuc: 'Thử', thanh_phan_ho_so: 'Bước 1. Nộp hồ sơ cho cơ quan BHXH.' },
      { today: '2026-07-01' },
    );
    expect(result.procedure).not.toBeNull();
    expect(result.procedure?.origin).toBe('national');
    expect(result.procedure?.lastUpdated).toBe('2026-07-01');
    expect(result.issues.map((i) => [i.code, i.field])).toEqual([
      ['1.000001', 'cap_thuc_hien'],
      ['1.000001', 'thanh_phan_ho_so'],
    ]);
  });

  test('a record\'s own code written into its name is left out of the name; another code stays', () => {
    const named = (ten_thu_tuc: string) => toProcedure({ ma_thu_tuc: '1.010727', ten_thu_tuc, cap_thuc_hien: 'Cấp Tỉnh', linh_vuc: 'Môi trường' }, { today: '2026-07-01' }).procedure?.name;
    expect(named('Cấp giấy phép môi trường (cấp Tỉnh) ( 1.010727 )')).toBe('Cấp giấy phép môi trường (cấp Tỉnh)');
    expect(named('Cấp giấy phép môi trường (1.010727)')).toBe('Cấp giấy phép môi trường');
    expect(named('Cấp điều chỉnh giấy phép môi trường (1.010721)')).toBe('Cấp điều chỉnh giấy phép môi trường (1.010721)');
  });
});

describe('readRawRecords', () => {
  test('JSONL: a malformed line is reported with its number, the others are read', async () => {
    const { records, malformed } = await readRawRecords(fixture('sample.jsonl'));
    expect(records.map((r) => r.source.line)).toEqual([1, 2, 4]);
    expect(malformed).toHaveLength(1);
    expect(malformed[0]?.source.line).toBe(3);
  });

  test('a JSON array file and a folder of .json files', async () => {
    const array = await readRawRecords(fixture('array.json'));
    expect(array.records.map((r) => r.source.index)).toEqual([0, 1]);
    const folder = await readRawRecords(fixture('folder'));
    expect(folder.records).toHaveLength(2);
    expect(folder.malformed).toEqual([]);
  });

  test('a missing file is a clear error', async () => {
    await expect(readRawRecords(fixture('missing.jsonl'))).rejects.toBeInstanceOf(ImportInputError);
  });

  test('names spelt with combining marks are read composed (NFC), escaped or not', () => {
    const decomposed = 'Cấp giấy phép môi trường'.normalize('NFD');
    const into = { records: [], malformed: [] } as Parameters<typeof parseRecordsText>[2];
    parseRecordsText(`${JSON.stringify({ ten_thu_tuc: decomposed, nested: [{ note: decomposed }] })}\n{"ten_thu_tuc":"m\\u00f4i tr\\u01b0\\u01a1\\u0300ng"}`, 'inline.jsonl', into);
    const [first, second] = into.records.map((r) => r.record as { ten_thu_tuc: string; nested?: Array<{ note: string }> });
    expect(first!.ten_thu_tuc).toBe('Cấp giấy phép môi trường'.normalize('NFC'));
    expect(first!.ten_thu_tuc).not.toBe(decomposed);
    expect(first!.nested![0]!.note).toBe('Cấp giấy phép môi trường'.normalize('NFC'));
    expect(second!.ten_thu_tuc).toBe('môi trường'.normalize('NFC'));
  });
});

const NATIONAL = new URL('../../../../shared/data/dvc-procedures.jsonl.gz', import.meta.url);
const nationalExists = existsSync(NATIONAL);

describe.skipIf(!nationalExists)('national export (../shared/data/dvc-procedures.jsonl.gz; skipped: file not present)', () => {
  let loaded: Awaited<ReturnType<typeof loadNationalProcedures>>;
  beforeAll(async () => {
    loaded = await loadNationalProcedures(fileURLToPath(NATIONAL), { today: '2026-07-01' });
  }, 120_000);

  test('all 2,642 records load', () => {
    expect(loaded.report.records).toBe(2642);
    expect(loaded.procedures).toHaveLength(2642);
    expect(loaded.report.malformed).toEqual([]);
  });

  test('≥98% of channel rows have a parsed time and fee; ≥95% of records have documents', () => {
    const { rates } = loaded.report;
    expect(rates.timeAndFeeParsed).toBeGreaterThanOrEqual(0.98);
    expect(rates.withDocuments).toBeGreaterThanOrEqual(0.95);
    expect(formatReport(loaded.report)).toContain('national import: 2642/2642');
  });

  test('1.001456 (passport): three channels, 8 working days, 200,000 in person, 160,000 online and by post', () => {
    const passport = loaded.procedures.find((p) => p.code === '1.001456');
    const byMethod = new Map(passport?.channels.map((c) => [c.method, c]));
    expect([...byMethod.keys()].sort()).toEqual(['buu_chinh', 'truc_tiep', 'truc_tuyen']);
    for (const channel of byMethod.values()) expect(channel.time).toEqual({ value: 8, unit: 'working_days' });
    expect(byMethod.get('truc_tiep')?.fees[0]).toMatchObject({ kind: 'fixed', amountVnd: 200000 });
    for (const method of ['truc_tuyen', 'buu_chinh'] as const) {
      const fee = byMethod.get(method)?.fees[0];
      expect(fee).toMatchObject({ kind: 'fixed', amountVnd: 160000 });
      // The source says the 160.000 rate applied "đến hết ngày 31/12/2023" (Thông tư 44/2023/TT-BTC).
      expect(fee?.note).toContain('áp dụng đến hết ngày 31/12/2023');
    }
    expect(passport?.notes.some((n) => n.includes('31/12/2023'))).toBe(true);
    expect(passport?.sourceUrl).toMatch(/^https:\/\/dichvucong\.gov\.vn\//u);
  });
});

const pglite = DB_FACTORIES.find((factory) => factory.name === 'pglite');

describe.skipIf(!pglite)('import into PGlite', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await (pglite as NonNullable<typeof pglite>).create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  test('importing twice leaves the same rows (idempotent by code)', async () => {
    const { procedures } = await loadNationalProcedures(fixture('sample.jsonl'), { today: '2026-07-01' });
    const repository = createSqlProcedureStore(database.db);
    const first = await repository.upsertMany(procedures);
    expect(first.inserted).toBe(3);
    const count = await repository.count();
    const second = await repository.upsertMany(procedures);
    expect(second).toEqual({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await repository.count()).toBe(count);
    expect((await repository.get('1.001456'))?.channels).toHaveLength(3);
  });
});
