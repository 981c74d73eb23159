/**
 * Kinds of filer or object (vocabulary/kinds.json): "cty" is a company, "tiệm tạp hóa" a
 * household business, "sổ hồng" land, "cho bé" a child. A message that names kinds of a family
 * rules out the procedures whose name is of another kind of that family only: "tạm ngừng kinh
 * doanh" for "cty e" is not the household business's, and "sang tên miếng đất" is not the
 * vehicle's change of owner.
 */
import { accentedPhrase, foldedPhrase } from './normalize.ts';
import { KINDS } from './vocabulary.ts';

/** Family → the kinds said. */
export type KindsSaid = ReadonlyMap<string, ReadonlySet<string>>;

const PHRASES = Object.entries(KINDS).map(([family, kinds]) => ({
  family,
  kinds: Object.entries(kinds).map(([kind, said]) => ({
    kind,
    name: said.name.map(accentedPhrase),
    message: said.message.map(foldedPhrase),
  })),
}));

function kindsIn(padded: string, side: 'name' | 'message'): KindsSaid {
  const found = new Map<string, Set<string>>();
  for (const { family, kinds } of PHRASES) {
    const said = kinds.filter((kind) => kind[side].some((phrase) => padded.includes(phrase))).map((kind) => kind.kind);
    if (said.length > 0) found.set(family, new Set(said));
  }
  return found;
}

/** The kinds a message names, read without accents (citizens type both ways). */
export function kindsInMessage(message: string): KindsSaid {
  return kindsIn(foldedPhrase(message), 'message');
}

const nameKinds = new Map<string, KindsSaid>();

/** What a name excepts in parentheses ("(trừ tàu thuyền …)"), to its end when the name is cut. */
const EXCEPTED = /\(\s*trừ\s[^)]*\)?/giu;

/**
 * The kinds a procedure's name is of, read with its accents ("đất", not "đạt"), leaving out what it
 * excepts: the declaration of lệ phí trước bạ "đối với tài sản khác (trừ tàu thuyền …)" is not a vessel's.
 */
export function kindsOfName(name: string): KindsSaid {
  let kinds = nameKinds.get(name);
  if (!kinds) {
    kinds = kindsIn(accentedPhrase(name.replace(EXCEPTED, ' ')), 'name');
    nameKinds.set(name, kinds);
  }
  return kinds;
}

/** The message names kinds of a family the name is of, and not the name's kind. */
export function kindClash(message: KindsSaid, name: KindsSaid): boolean {
  for (const [family, ofName] of name) {
    const said = message.get(family);
    if (said && ![...said].some((kind) => ofName.has(kind))) return true;
  }
  return false;
}
