/** Picking among offered procedures by words only one option's record has (choice-by-record.ts). */
import { describe, expect, test } from 'vitest';
import { choiceByRecord as choiceAmong } from '../../../bot/dialogs/choice-by-record.ts';
import { classify } from '../../../bot/intents/classify.ts';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';
import type { Procedure } from '../../../knowledge/schema.ts';

const catalog = loadBundledCatalog();
/** As the dialog asks it: with the message's words beside its question (classify's `unasked`). */
const choiceByRecord = (options: readonly Procedure[], message: string) => choiceAmong(options, message, classify(message).unasked);
const byCode = (code: string): Procedure => {
  const procedure = catalog.find((p) => p.code === code);
  if (!procedure) throw new Error(`bundled catalog lacks ${code}`);
  return procedure;
};

describe('choiceByRecord', () => {
  const birth = byCode('1.001193');
  const marriage = byCode('1.000894');

  test('a document only one record lists picks that option, typed with or without diacritics', () => {
    const document = birth.documents.map((d) => d.name).find((name) => /mang thai hộ/i.test(name));
    expect(document).toBeDefined();
    expect(choiceByRecord([marriage, birth], 'con sinh ra do mang thai hộ thì cần thêm gì')?.code).toBe(birth.code);
    expect(choiceByRecord([marriage, birth], 'con sinh ra do mang thai ho thi can them gi')?.code).toBe(birth.code);
  });

  test('words both records have, a single shared pair, or one option: no pick', () => {
    const shared = 'giấy tờ tùy thân có cần không';
    expect(choiceByRecord([marriage, birth], shared)).toBeNull();
    expect(choiceByRecord([marriage, birth], 'giấy chứng sinh')).toBeNull();
    expect(choiceByRecord([birth], 'con sinh ra do mang thai hộ thì cần thêm gì')).toBeNull();
  });

  // Two bare records that differ only in the passages the tests give them.
  const bare = (procedure: Procedure, steps: string[]): Procedure => ({
    ...procedure,
    steps,
    conditions: [],
    subjects: [],
    documents: [],
    result: [],
    notes: [],
    channels: procedure.channels.map((c) => ({ ...c, fees: [] })),
  });

  test('the submission channels\' words ("nộp trực tiếp") point at no option: every record has channels', () => {
    const spelled = bare(marriage, ['Người yêu cầu nộp trực tiếp hồ sơ tại Ủy ban nhân dân cấp xã.']);
    const silent = bare(birth, ['Cơ quan tiếp nhận kiểm tra hồ sơ.']);
    expect(choiceByRecord([spelled, silent], 'nộp trực tiếp')).toBeNull();
    expect(choiceByRecord([spelled, silent], 'nop truc tiep')).toBeNull();
  });

  test('the words that ask ("thời hạn", "bao lâu") point at no record: only the words of what is asked about count', () => {
    const licensed = bare(marriage, ['Thời hạn giấy phép bao lâu tùy hàng hóa xuất khẩu.']);
    const other = bare(birth, ['Cơ quan tiếp nhận kiểm tra hồ sơ.']);
    expect(choiceByRecord([licensed, other], 'thời hạn giấy phép bao lâu')).toBeNull();
    expect(choiceByRecord([licensed, other], 'thoi han giay phep bao lau')).toBeNull();
    // The same words as what is asked about do point at the record.
    expect(choiceByRecord([licensed, other], 'giấy phép hàng hóa xuất khẩu thì sao')?.code).toBe(licensed.code);
  });

  test('a message typed with diacritics is read with them: "sổ mới" is not a record\'s "số mới"', () => {
    const numbered = bare(marriage, ['Người dân có số mới ngay.']);
    const other = bare(birth, ['Cơ quan tiếp nhận kiểm tra hồ sơ.']);
    expect(choiceByRecord([numbered, other], 'có sổ mới ngay không')).toBeNull();
    // Without diacritics both read "co so moi": the words point at the record that has them.
    expect(choiceByRecord([numbered, other], 'co so moi ngay khong')?.code).toBe(numbered.code);
  });
});

