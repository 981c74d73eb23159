/**
 * An error from a catalog of stable codes: each code has a plain Vietnamese message (for
 * operators and citizens' support staff) and an English one (for developers). The message
 * carries both, the details, and the code.
 */
export interface ErrorText {
  vi: string;
  en: string;
}

export class CataloguedError<Code extends string> extends Error {
  readonly vi: string;
  constructor(
    name: string,
    readonly code: Code,
    text: ErrorText,
    /** Specifics for developers and logs (paths, record codes, field paths) — never personal data. */
    readonly detail?: string,
  ) {
    super(`${text.vi} / ${text.en}${detail ? `: ${detail}` : ''} [${code}]`);
    this.name = name;
    this.vi = text.vi;
  }
}
