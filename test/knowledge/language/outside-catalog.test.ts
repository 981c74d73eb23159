/**
 * Matters outside the catalog (vocabulary/outside-catalog.json): found in a message with or
 * without diacritics, on syllable boundaries only; and the list never names what a procedure of
 * the shipped catalog is called (the catalog would hold the matter after all).
 */
import { describe, expect, test } from 'vitest';
import { nameSays, outsideCatalogTopic } from '../../../knowledge/language/outside-catalog.ts';
import { OUTSIDE_CATALOG } from '../../../knowledge/language/vocabulary.ts';
import { loadBundledNational } from '../../../knowledge/national/load-bundled-national.ts';
import { loadBundledCatalog } from '../../../knowledge/catalog/index.ts';

describe('outside the catalog', () => {
  test('a matter is found with or without diacritics, and reported with its label', () => {
    expect(outsideCatalogTopic('Lịch tiêm chủng cho bé ở đâu?')).toEqual({ label: 'tiêm chủng, vắc xin', phrase: 'tiem chung' });
    expect(outsideCatalogTopic('xin hoan nghia vu quan su the nao')?.label).toBe('nghĩa vụ quân sự');
    expect(outsideCatalogTopic('Giấy phép lao động cho kỹ sư nước ngoài')?.label).toBe('giấy phép lao động');
  });

  test('a phrase with a syllable read two ways ("ly", "lý" read as "li") is found however it is typed', () => {
    for (const message of ['vo chong e ly hon thuan tinh thi nop don o dau', 'Vợ chồng em ly hôn thuận tình thì nộp đơn ở đâu', 'muốn lí hôn đơn phương']) {
      expect(outsideCatalogTopic(message)?.label).toBe('ly hôn (Tòa án nhân dân giải quyết)');
    }
  });

  test('a household asking for water or electricity to be connected is a utility matter, not the handover of water infrastructure to a company', () => {
    expect(outsideCatalogTopic('nha toi muon xin cap nuoc sach')?.label).toBe('điện, nước, viễn thông');
    expect(nameSays('Giao tài sản kết cấu hạ tầng cấp nước sạch cho doanh nghiệp đang quản lý, sử dụng', outsideCatalogTopic('nha toi muon xin cap nuoc sach')!)).toBe(false);
  });

  test('a paper the law no longer issues carries what the law says, with its article', () => {
    const topic = outsideCatalogTopic('xin cap lai so ho khau bi mat');
    expect(topic?.label).toBe('sổ hộ khẩu');
    expect(topic?.note).toMatch(/khoản 3 Điều 38 Luật Cư trú số 68\/2020\/QH14/);
    expect(topic?.note).toContain('Xác nhận thông tin về cư trú (mã 1.010041)');
    expect(outsideCatalogTopic('nhập hộ khẩu cho con')).toBeNull();
    expect(outsideCatalogTopic('tach ho khau')).toBeNull();
  });

  test('only whole syllables count, and procedure questions name none', () => {
    expect(outsideCatalogTopic('đăng ký khai sinh cho con')).toBeNull();
    expect(outsideCatalogTopic('lệ phí làm hộ chiếu bao nhiêu')).toBeNull();
    expect(outsideCatalogTopic('tiêm chủngx')).toBeNull();
  });

  test('a procedure whose name says the matter keeps it in the catalog', () => {
    const topic = outsideCatalogTopic('đăng ký tiêm chủng')!;
    expect(nameSays('Cấp phép điểm tiêm chủng (thủ tục của tỉnh)', topic)).toBe(true);
    expect(nameSays('Đăng ký khai sinh', topic)).toBe(false);
  });

  test('no phrase of the list is in the name of a shipped procedure (national records and curated)', async () => {
    const { procedures } = await loadBundledNational();
    const names = [...procedures, ...loadBundledCatalog()].map((p) => p.name);
    const clashes = OUTSIDE_CATALOG.flatMap((topic) =>
      // Each phrase as the message reader folds it ("ly hon" is read "li hon").
      topic.phrases.flatMap((phrase) => {
        const said = outsideCatalogTopic(phrase);
        if (!said) return [`${phrase}: not found in itself`];
        return names.filter((name) => nameSays(name, said)).map((name) => `${phrase}: ${name}`);
      }),
    );
    expect(clashes).toEqual([]);
  }, 60_000);
});
