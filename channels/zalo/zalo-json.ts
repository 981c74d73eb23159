/**
 * JSON.parse that keeps integers beyond 2^53 exact: Zalo ids (users, OAs, apps, messages) exceed
 * Number.MAX_SAFE_INTEGER. Zalo sends them as strings, but a number literal would silently lose
 * digits in JSON.parse (the PHP guides warn about the same: JSON_BIGINT_AS_STRING,
 * https://hainh.me/zalo-api-php-webhook-callback-official-account.html), so every integer literal
 * outside a string that is too large to be exact is turned into a string before parsing.
 */

/** Integer literals longer than this many digits may exceed 2^53 − 1 (16 digits). */
const SAFE_DIGITS = 15;

export function parseJsonKeepingBigIds(text: string): unknown {
  let out = '';
  let start = 0;
  let i = 0;
  while (i < text.length) {
    const char = text[i]!;
    if (char === '"') {
      // Skip the string, escapes included.
      i += 1;
      while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
      i += 1;
      continue;
    }
    if (char === '-' || (char >= '0' && char <= '9')) {
      let end = i + (char === '-' ? 1 : 0);
      while (end < text.length && /[0-9]/.test(text[end]!)) end += 1;
      const integerOnly = !/[.eE]/.test(text[end] ?? '');
      const digits = end - i - (char === '-' ? 1 : 0);
      if (integerOnly && digits > SAFE_DIGITS && !Number.isSafeInteger(Number(text.slice(i, end)))) {
        out += `${text.slice(start, i)}"${text.slice(i, end)}"`;
        start = end;
      }
      i = end;
      // Skip the rest of a non-integer number (fraction, exponent).
      while (i < text.length && /[0-9.eE+-]/.test(text[i]!)) i += 1;
      continue;
    }
    i += 1;
  }
  return JSON.parse(out + text.slice(start));
}
