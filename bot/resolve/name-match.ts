/**
 * Does a message's topic really name a procedure? Retrieval always returns something; this
 * measures, independently of the retriever's scoring, how much of the topic a procedure's
 * name or aliases account for. Words are weighted by how rare they are among procedure names
 * (IDF), so "cấp" or "đăng ký" count little and "hộ chiếu" or "khai tử" count a lot, and a
 * word no procedure name uses at all ("vàng", "hôm nay") pulls the match down.
 */
import { foldedKey, syllables } from '../../knowledge/language/normalize.ts';
import type { Procedure } from '../../knowledge/schema.ts';
import { isTypoOf } from '../../knowledge/language/syllable.ts';
import { CITIZEN_SYNONYMS } from '../../knowledge/language/citizen-phrases.ts';
import { spelledOutName } from '../../knowledge/language/abbreviations.ts';
import type { Token } from '../../knowledge/language/message-tokens.ts';
import type { ProcedureSource } from '../deps.ts';

export interface NameMatch {
  /** Share (IDF-weighted) of the topic's words found in the name or aliases, 0..1. */
  recall: number;
  /** IDF weight of the matched topic words. */
  matchedWeight: number;
  /** Best share of one name/alias covered by the topic, 0..1 (1 = the topic says the whole name). */
  nameFit: number;
  /** Whether the words that matched include a distinctive one (not in most names). */
  distinctive: boolean;
  /**
   * Whether two words next to each other in the topic are next to each other in one name or
   * alias ("hộ chiếu", "khai tử") — words scattered over different aliases do not name anything.
   */
  cohesive: boolean;
  /** Topic words at full weight. */
  fullWords: number;
}

/** How much less each later topic word weighs. */
const POSITION_DECAY = 0.12;

/** Names that must use two words together for them to count as one word of the trade. */
const COMPOUND_MIN_NAMES = 3;

function foldedWords(text: string): string[] {
  return syllables(foldedKey(text));
}

interface NameWords {
  /** Folded words of the name and aliases. */
  all: Set<string>;
  /** The same words with their accents ("thuê", not "thuế"). */
  accented: Set<string>;
  /** Each name / alias as folded words. */
  phrases: string[][];
}

function nameWords(procedure: Procedure): NameWords {
  const spelled = spelledOutName(procedure.name);
  const texts = [procedure.name, ...procedure.aliases, ...(spelled ? [spelled] : [])];
  const phrases = texts.map(foldedWords).filter((w) => w.length > 0);
  return { all: new Set(phrases.flat()), accented: new Set(texts.flatMap((t) => syllables(t))), phrases };
}

export class CatalogVocabulary {
  private readonly df = new Map<string, number>();
  private readonly docs = new Map<string, NameWords>();
  /** In how many names each two words in a row ("thoi han") occur. */
  private readonly pairDf = new Map<string, number>();
  readonly size: number;

  constructor(procedures: readonly Procedure[]) {
    for (const procedure of procedures) {
      const words = nameWords(procedure);
      this.docs.set(procedure.code, words);
      for (const word of words.all) this.df.set(word, (this.df.get(word) ?? 0) + 1);
      const pairs = new Set(words.phrases.flatMap((phrase) => phrase.slice(1).map((word, i) => `${phrase[i]} ${word}`)));
      for (const pair of pairs) this.pairDf.set(pair, (this.pairDf.get(pair) ?? 0) + 1);
    }
    this.size = Math.max(1, this.docs.size);
  }

  /** Two folded words the names use together often enough to be one word of the trade ("thoi han", "tre em"). */
  isCompound(pair: string): boolean {
    return (this.pairDf.get(pair) ?? 0) >= COMPOUND_MIN_NAMES;
  }

  has(word: string): boolean {
    return this.df.has(word);
  }

  /** IDF of a word; words no name uses weigh like a rare word. */
  idf(word: string): number {
    const df = this.df.get(word);
    return Math.log(1 + this.size / (df ?? 1));
  }

  /** A word is distinctive when fewer than this share of names use it. */
  isDistinctive(word: string): boolean {
    const df = this.df.get(word);
    if (df === undefined) return false;
    return df / this.size < 0.25 || df <= 3;
  }

  /**
   * A one-word citizen term the names never use ("visa", "passport") matched through its
   * catalog wording ("thị thực"): the rarest of those words that this name has.
   */
  private synonymIn(word: string, nameWordSet: ReadonlySet<string>): string | undefined {
    const wording = CITIZEN_SYNONYMS[word];
    if (!wording) return undefined;
    const candidates = foldedWords(wording).filter((w) => nameWordSet.has(w));
    return candidates.sort((a, b) => this.idf(b) - this.idf(a))[0];
  }

  private phrasesOf(procedure: Procedure): NameWords {
    return this.docs.get(procedure.code) ?? nameWords(procedure);
  }

  /**
   * How well the topic names this procedure. `weightOf` scales a topic word's importance
   * (frame words that are only usually empty count less).
   */
  match(topic: readonly Token[], procedure: Procedure, weightOf: (token: Token) => number = () => 1): NameMatch {
    const { all, accented, phrases } = this.phrasesOf(procedure);
    const weights = new Map<string, number>();
    const rawOf = new Map<string, string>();
    for (const token of topic) if (!rawOf.has(token.folded)) rawOf.set(token.folded, token.raw);
    // Vietnamese puts the head first and modifiers after ("hộ chiếu cho trẻ em dưới 14 tuổi"):
    // earlier words weigh a little more.
    topic.forEach((token, i) => {
      const weight = weightOf(token) / (1 + POSITION_DECAY * i);
      weights.set(token.folded, Math.max(weights.get(token.folded) ?? 0, weight));
    });
    if (weights.size === 0) return { recall: 0, matchedWeight: 0, nameFit: 0, distinctive: false, cohesive: false, fullWords: 0 };
    /** topic word → the name word it matched (itself, or the word it is a typo of). */
    const matchedAs = new Map<string, string>();
    let total = 0;
    let matchedWeight = 0;
    let distinctive = false;
    for (const [word, scale] of weights) {
      const weight = this.idf(word) * scale;
      total += weight;
      const hit = all.has(word) ? word : this.synonymIn(word, all) ?? [...all].find((w) => isTypoOf(word, w));
      if (hit) {
        // Typed with accents, the accents must agree ("thuế" is not "thuê", "quân" not "quản");
        // a word that only matches once folded counts half.
        const raw = rawOf.get(word) ?? word;
        const accentOk = raw === word || accented.has(raw);
        matchedAs.set(word, hit);
        matchedWeight += accentOk ? weight : weight / 2;
        if (accentOk && scale >= 0.5 && this.isDistinctive(hit)) distinctive = true;
      }
    }
    // Name fit: F1 between the topic and the name or alias it says best (IDF-weighted), so
    // saying a longer alias in full ("căn cước dưới 14 tuổi") beats a short one ("căn cước").
    const matchedNameWords = new Set(matchedAs.values());
    let nameFit = 0;
    for (const phrase of phrases) {
      let covered = 0;
      let size = 0;
      for (const word of new Set(phrase)) {
        const weight = this.idf(word);
        size += weight;
        if (matchedNameWords.has(word)) covered += weight;
      }
      let topicCovered = 0;
      for (const [word, scale] of weights) {
        const as = matchedAs.get(word);
        if (as && phrase.includes(as)) topicCovered += this.idf(word) * scale;
      }
      const precision = size > 0 ? covered / size : 0;
      const recall = total > 0 ? topicCovered / total : 0;
      if (precision + recall > 0) nameFit = Math.max(nameFit, (2 * precision * recall) / (precision + recall));
    }
    const pairs = new Set(phrases.flatMap((phrase) => phrase.slice(1).map((word, i) => `${phrase[i]} ${word}`)));
    let cohesive = false;
    for (let i = 0; i + 1 < topic.length && !cohesive; i += 1) {
      const left = matchedAs.get(topic[i]!.folded);
      const right = matchedAs.get(topic[i + 1]!.folded);
      if (left && right && pairs.has(`${left} ${right}`)) cohesive = true;
    }
    const fullWords = topic.filter((t) => weightOf(t) >= 1).length;
    return { recall: total > 0 ? matchedWeight / total : 0, matchedWeight, nameFit, distinctive, cohesive, fullWords };
  }
}

const cache = new WeakMap<ProcedureSource, { size: number; vocabulary: CatalogVocabulary }>();

/** One vocabulary per catalog object, rebuilt when the catalog's size changes. */
export function vocabularyOf(catalog: ProcedureSource): CatalogVocabulary {
  const procedures = catalog.all();
  const known = cache.get(catalog);
  if (known && known.size === procedures.length) return known.vocabulary;
  const vocabulary = new CatalogVocabulary(procedures);
  cache.set(catalog, { size: procedures.length, vocabulary });
  return vocabulary;
}
