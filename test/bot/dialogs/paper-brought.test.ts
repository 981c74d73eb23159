/**
 * A paper asked to be brought ("có cần mang CCCD không") is a question about the dossier, not a
 * request for that paper's own procedure; "qua mạng" is no bringing.
 */
import { describe, expect, test } from 'vitest';
import { classify } from '../../../bot/intents/classify.ts';
import { asksToBringPaper } from '../../../bot/dialogs/paper-brought.ts';

describe('asksToBringPaper', () => {
  test('carrying, showing or copying a paper', () => {
    for (const text of ['co can mang cccd ko', 'có phải mang theo giấy khai sinh không', 'đem theo hộ chiếu à', 'có cần xuất trình căn cước không', 'can photo so ho khau ko']) {
      expect(asksToBringPaper(classify(text)), text).toBe(true);
    }
  });

  test('not a paper brought: naming a procedure, asking for online submission', () => {
    for (const text of ['lam cccd o dau', 'có cần mạng internet không', 'nộp qua mạng được không', 'mang thai thì được nghỉ bao lâu']) {
      expect(asksToBringPaper(classify(text)), text).toBe(false);
    }
  });
});
