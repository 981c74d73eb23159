/**
 * "Thủ tục …" opening a procedure name says nothing about the procedure, and nearly every
 * portal question says "thủ tục" — so the name is read without it.
 */
const LEADING_FILLER = /^\s*(?:thủ tục|tthc)\s+/iu;

export function withoutFiller(name: string): string {
  return name.normalize('NFC').replace(LEADING_FILLER, '');
}
