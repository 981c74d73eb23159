/**
 * Dossier codes (mã hồ sơ) as the one-stop system prints them on the receipt
 * ("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"): agency code, date received (yyMMdd), serial —
 * `000.00.19.H53-240101-0001`. Citizens type them with spaces, in lowercase or without the
 * dots; every spelling is brought back to the one canonical form used as the key everywhere.
 */

export const DOSSIER_CODE_EXAMPLE = '000.00.19.H53-240101-0001';

/** The marker that makes a code a demo dossier's (`000.00.00.DEMO-250101-0001`). */
export const DEMO_MARKER = 'DEMO';

/**
 * The usual shape, leniently: dots, spaces or nothing between the agency parts; a dash or
 * spaces before the date and the serial. The 4th agency part is a letter and two digits
 * (province/unit, e.g. H53) or the demo marker.
 */
const STANDARD = new RegExp(
  String.raw`(?<![0-9A-Z])(\d{3})[ .]?(\d{2})[ .]?(\d{2})[ .]?([A-Z]\d{2}|${DEMO_MARKER})\s*(?:[-–_]\s*|\s)(\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01]))\s*(?:[-–_]\s*|\s)(\d{4,6})(?![0-9A-Z])`,
  'u',
);
/** Other agency shapes some systems use ("H53.22-240101-0001", "G22-240101-001"), dashes required. */
const OTHER = /(?<![0-9A-Z.])([0-9A-Z][0-9A-Z.]{3,20})-(\d{6})-(\d{3,6})(?![0-9A-Z])/u;

export interface FoundCode {
  code: string;
  /** Where the code was in the (upper-cased) text. */
  index: number;
  length: number;
}

/** The first dossier code in free text, in canonical form; null when there is none. */
export function findDossierCodeIn(text: string): FoundCode | null {
  const upper = text.toUpperCase();
  const standard = STANDARD.exec(upper);
  if (standard) {
    const [whole, a, b, c, unit, date, serial] = standard as unknown as string[];
    return { code: `${a}.${b}.${c}.${unit}-${date}-${serial}`, index: standard.index, length: (whole as string).length };
  }
  const other = OTHER.exec(upper);
  if (other) {
    const [whole, agency, date, serial] = other as unknown as string[];
    return { code: `${agency}-${date}-${serial}`, index: other.index, length: (whole as string).length };
  }
  return null;
}

export function findDossierCode(text: string): string | null {
  return findDossierCodeIn(text)?.code ?? null;
}

/** A string that is a dossier code and nothing else (an API path parameter), canonical; else null. */
export function parseDossierCode(raw: string): string | null {
  const trimmed = raw.trim();
  const found = findDossierCodeIn(trimmed);
  return found && found.index === 0 && found.length === trimmed.length ? found.code : null;
}

export function isDemoCode(code: string): boolean {
  return code.split('-')[0]?.split('.').includes(DEMO_MARKER) ?? false;
}
