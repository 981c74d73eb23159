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
      topic.phrases.flatMap((phrase) => names.filter((name) => nameSays(name, { label: topic.label, phrase })).map((name) => `${phrase}: ${name}`)),
    );
    expect(clashes).toEqual([]);
  }, 60_000);
});
