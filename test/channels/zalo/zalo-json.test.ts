/** Big Zalo ids survive parsing: number literals beyond 2^53 become exact strings, nothing inside strings changes. */
import { describe, expect, test } from 'vitest';
import { parseJsonKeepingBigIds } from '../../../channels/zalo/zalo-json.ts';

describe('parseJsonKeepingBigIds', () => {
  test('an id sent as a number keeps every digit, as a string', () => {
    const parsed = parseJsonKeepingBigIds('{"sender":{"id":8167403311712038752},"recipient":{"id": -9007199254740993 },"n":[12345678901234567890]}') as any;
    expect(parsed.sender.id).toBe('8167403311712038752');
    expect(parsed.recipient.id).toBe('-9007199254740993');
    expect(parsed.n).toEqual(['12345678901234567890']);
    expect(String(JSON.parse('{"id":8167403311712038752}').id)).not.toBe('8167403311712038752'); // what plain JSON.parse does
  });

  test('safe numbers, fractions, exponents and strings are left as they are', () => {
    const text = '{"timestamp":1741852800000,"ratio":1.5,"big":1e21,"small":-0.0000001,"text":"mã 8167403311712038752, số 12345678901234567890","esc":"a\\"1234567890123456789\\"b","ok":true,"none":null}';
    expect(parseJsonKeepingBigIds(text)).toEqual({
      timestamp: 1741852800000, ratio: 1.5, big: 1e21, small: -0.0000001,
      text: 'mã 8167403311712038752, số 12345678901234567890', esc: 'a"1234567890123456789"b', ok: true, none: null,
    });
    expect(parseJsonKeepingBigIds('{"max":9007199254740991}')).toEqual({ max: 9007199254740991 });
  });

  test('invalid JSON still fails', () => {
    expect(() => parseJsonKeepingBigIds('{"a":')).toThrow();
  });
});
