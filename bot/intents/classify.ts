/**
 * Reads one message: which facet it asks (documents, fee, time, how-to), whether it greets,
 * thanks, asks for a person or for a dossier's status, whether it is plainly off-topic, and
 * what is left once all of that is removed — the topic, which may name a procedure. Whether
 * the topic really names a procedure is decided later, against the catalog (resolve/).
 */
import type { Level } from '../../knowledge/schema.ts';
import { foldDiacritics, foldedPhrase } from '../../knowledge/language/normalize.ts';
import { ABBREVIATIONS } from '../../knowledge/language/abbreviations.ts';
import { CONVERSATION_RULES, type ConversationTag } from './conversation-rules.ts';
import { FACET_RULES, FACET_TAGS, facetIntentOf, type FacetTag, type HowToAspect } from './facet-rules.ts';
import { FACET_INTENTS, type FacetIntent } from './intent.ts';
import { chosenOrdinal, findDossierCode, isCarryOver, isCorrection, mentionedLevels } from './mentions.ts';
import { SCOPE_RULES, type ScopeTag } from './out-of-scope-rules.ts';
import { PhraseMatcher, type PhraseMatch } from '../../knowledge/language/phrase-matcher.ts';
import { inCompound, inFrameCompound, isStopWord, isStoryWord } from '../../knowledge/language/stop-words.ts';
import { citizenPhraseSpans } from '../../knowledge/language/citizen-phrases.ts';
import { analyzeMessage, oddTokenShare, type AnalyzedMessage, type Token } from '../../knowledge/language/message-tokens.ts';
import type { ResolveInput } from '../resolve/procedure-resolver.ts';

type Tag = FacetTag | ConversationTag | ScopeTag;

const MATCHER = new PhraseMatcher<Tag>([...FACET_RULES, ...CONVERSATION_RULES, ...SCOPE_RULES]);
const VOCABULARY: ReadonlySet<string> = new Set([
  ...MATCHER.vocabulary(),
  ...Object.values(ABBREVIATIONS).flatMap((words) => foldDiacritics(words.toLowerCase()).split(' ')),
  'ho', 'chieu', 'khai', 'sinh', 'ket', 'hon', 'thu', 'tuc', 'dang', 'ky', 'can', 'cuoc', 'tam', 'tru', 'thuong',
]);

/** Thresholds: a score at or above counts as asked. */
export const THRESHOLDS = {
  facet: 1,
  /** A second facet in the same message counts only when asked this clearly. */
  strongFacet: 4,
  handoff: 4,
  /** A bare mention of a person ("cán bộ") asks for one only when nothing else is said. */
  bareHandoff: 2,
  status: 4,
  greeting: 4,
  thanks: 3,
  /** When nothing else is in the message, a weaker acknowledgement ("vâng", "ok") is thanks. */
  bareSocial: 2,
  outOfScope: 4,
} as const;

/** Between facets asked equally, the first of these. */
const FACET_PRIORITY: FacetIntent[] = ['fee', 'processing_time', 'documents', 'how_to', 'result', 'conditions'];

export interface Classification {
  analysis: AnalyzedMessage;
  /** Summed rule weights per facet intent. */
  facetScores: Record<FacetIntent, number>;
  /** The facet asked, if any. */
  facet: FacetIntent | null;
  facetScore: number;
  /** Other facets asked just as clearly ("giấy tờ gì và mất bao lâu"), strongest first. */
  otherFacets: FacetIntent[];
  /** For how_to: what exactly was asked (where, online, by post, steps, agency). */
  howToAspects: HowToAspect[];
  greeting: number;
  thanks: number;
  handoff: number;
  status: number;
  outOfScope: number;
  dossierCode: string | null;
  levels: Level[];
  /** "thế còn …": apply the previous question to what this message names. */
  carryOver: boolean;
  /** "à không, ý là …": corrects what the conversation is about. */
  correction: boolean;
  /** "2", "cái đầu" — a choice among offered options. */
  ordinal: number | null;
  /** Tokens left once intent phrases are gone, stop words kept: what the message says beside its question. */
  unasked: Token[];
  /** Tokens left once intent phrases and stop words are gone (accents kept). */
  topic: Token[];
  /** The same with ambiguous unaccented frame words also dropped ("toi", "can", "lam"). */
  topicCore: Token[];
  /** Share of tokens that are no Vietnamese syllable (gibberish). */
  oddShare: number;
  matches: PhraseMatch<Tag>[];
}

export function classify(text: string): Classification {
  const analysis = analyzeMessage(text, VOCABULARY);
  const found = MATCHER.match(analysis.tokens);

  const facetScores = Object.fromEntries(FACET_INTENTS.map((f) => [f, 0])) as Record<FacetIntent, number>;
  const howToAspects = new Set<HowToAspect>();
  const social = { greeting: 0, thanks: 0, handoff: 0, status: 0, out_of_scope: 0 };
  const consumed = new Array<boolean>(analysis.tokens.length).fill(false);
  const citizenPhrases = citizenPhraseSpans(analysis.tokens.map((t) => t.folded));
  // A shorter phrase inside a citizen phrase is that phrase's word, not an intent of its own.
  const insideCitizenPhrase = (positions: readonly number[]) =>
    citizenPhrases.some(([start, end]) => end - start > positions.length && positions.every((i) => i >= start && i < end));
  const matches = found.filter((match) => match.rule.tag === 'neutral' || !insideCitizenPhrase(match.positions));

  for (const match of matches) {
    const { tag, weight } = match.rule;
    const w = match.fuzzy ? weight * 0.8 : weight;
    if (tag === 'neutral') continue;
    if (tag === 'out_of_scope') {
      social.out_of_scope += w;
      continue; // off-topic words stay in the topic: they show the message names something else
    }
    for (const i of match.positions) consumed[i] = true;
    if (tag === 'frame') continue;
    if (tag in social) {
      social[tag as keyof typeof social] += w;
      continue;
    }
    const facetTag = tag as FacetTag;
    facetScores[facetIntentOf(facetTag)] += w;
    if (facetTag.startsWith('how_to:')) howToAspects.add(facetTag.slice('how_to:'.length) as HowToAspect);
  }

  const { facet, facetScore, otherFacets } = pickFacets(facetScores);

  const remaining = analysis.tokens.filter((_, i) => !consumed[i]);
  // A citizen phrase keeps its frame words: "người Nhật" is a foreigner, not "nhật".
  const ofCitizenPhrase = new Set(citizenPhrases.flatMap(([start, end]) => analysis.tokens.slice(start, end)));
  const keep = (loose: boolean) => (t: Token, i: number) =>
    !inFrameCompound(remaining, i) && (inCompound(remaining, i) || ofCitizenPhrase.has(t) || !isStopWord(t, loose));
  const topic = remaining.filter(keep(false));
  const topicCore = remaining.filter(keep(true));

  return {
    analysis,
    facetScores,
    facet,
    facetScore,
    otherFacets,
    howToAspects: [...howToAspects],
    greeting: social.greeting,
    thanks: social.thanks,
    handoff: social.handoff,
    status: social.status,
    outOfScope: social.out_of_scope,
    dossierCode: findDossierCode(text),
    levels: mentionedLevels(analysis),
    carryOver: isCarryOver(analysis),
    correction: isCorrection(analysis),
    ordinal: chosenOrdinal(analysis),
    topic,
    topicCore,
    unasked: remaining,
    oddShare: oddTokenShare(analysis),
    matches,
  };
}

/** The facet asked (the highest score, ties by FACET_PRIORITY) and any other asked as clearly. */
function pickFacets(facetScores: Record<FacetIntent, number>): Pick<Classification, 'facet' | 'facetScore' | 'otherFacets'> {
  let facet: FacetIntent | null = null;
  let facetScore = 0;
  for (const candidate of FACET_PRIORITY) {
    if (facetScores[candidate] > facetScore) {
      facet = candidate;
      facetScore = facetScores[candidate];
    }
  }
  if (facetScore < THRESHOLDS.facet) return { facet: null, facetScore, otherFacets: [] };
  const otherFacets = FACET_PRIORITY.filter((f) => f !== facet && facetScores[f] >= THRESHOLDS.strongFacet).sort(
    (a, b) => facetScores[b] - facetScores[a],
  );
  return { facet, facetScore, otherFacets };
}

/**
 * The facets asked once the phrases that only name the procedure are set aside: "đủ điều kiện"
 * in "Cấp giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm" names it, and "lệ phí" in "Khai
 * lệ phí trước bạ" too — what is left ("mẫu nào", "bao nhiêu") is what is asked.
 */
export function facetsBesideName(c: Classification, name: string): Pick<Classification, 'facet' | 'facetScore' | 'otherFacets' | 'howToAspects'> {
  const named = foldedPhrase(name);
  const facetScores = Object.fromEntries(FACET_INTENTS.map((f) => [f, 0])) as Record<FacetIntent, number>;
  const howToAspects = new Set<HowToAspect>();
  let dropped = false;
  for (const match of c.matches) {
    const tag = match.rule.tag;
    if (!isFacetTag(tag)) continue;
    const contiguous = match.positions.length === match.end - match.start;
    const phrase = ` ${match.positions.map((i) => c.analysis.tokens[i]!.folded).join(' ')} `;
    if (contiguous && named.includes(phrase)) {
      dropped = true;
      continue;
    }
    facetScores[facetIntentOf(tag)] += match.fuzzy ? match.rule.weight * 0.8 : match.rule.weight;
    if (tag.startsWith('how_to:')) howToAspects.add(tag.slice('how_to:'.length) as HowToAspect);
  }
  if (!dropped) return { facet: c.facet, facetScore: c.facetScore, otherFacets: c.otherFacets, howToAspects: c.howToAspects };
  return { ...pickFacets(facetScores), howToAspects: [...howToAspects] };
}

function isFacetTag(tag: Tag): tag is FacetTag {
  return tag in FACET_TAGS;
}

/** The topic as a retrieval query, accents kept where the citizen typed them. */
export function topicQuery(classification: Classification): string {
  return classification.topic.map((t) => t.raw).join(' ');
}

/**
 * A question's topic words, folded and lowercase: what the lexical index learns of how citizens
 * ask for a procedure (vocabulary/asked-phrasings.json, and the wordings supervisors attach).
 */
export function askedPhrasing(text: string): string {
  return foldDiacritics(topicQuery(classify(text))).toLowerCase().trim();
}

/**
 * A wording's key for exact recall (a supervisor's taught wordings): its topic words read as if
 * typed without accents, less the frame words that reading leaves uncertain ("lam", "thi") — so
 * the same words match however they were typed.
 */
export function wordingKey(text: string): string {
  return classify(foldDiacritics(topicQuery(classify(text))).toLowerCase())
    .topic.filter((token) => topicWeight(token) >= 1)
    .map((token) => token.folded)
    .join(' ');
}

/** The message's words as typed, its clauses separated by commas and its sentences by full stops. */
function typedClauses(tokens: readonly Token[]): string {
  return tokens
    .map((t, i) => {
      const before = tokens[i - 1];
      if (!before || t.clause === before.clause) return t.raw;
      return t.sentence !== before.sentence ? `. ${t.raw}` : `, ${t.raw}`;
    })
    .join(' ');
}

/** What the resolver is asked for a classified message: its topic, the words' weights, the query, the levels named, the whole message. */
export function resolveInputOf(c: Classification): ResolveInput {
  return { topic: c.topic, weightOf: topicWeight, query: topicQuery(c), levels: c.levels, message: c.analysis.folded, typed: typedClauses(c.analysis.tokens), asksFee: c.facet === 'fee' };
}

/** Importance of a topic word for naming a procedure: frame words typed without accents and the story's words count less. */
export function topicWeight(token: Token): number {
  return isStopWord(token, true) || isStoryWord(token) ? 0.25 : 1;
}

/** Only conversation words (greeting, thanks …) and frames: nothing that could name a procedure. */
export function hasNoTopic(classification: Classification): boolean {
  return classification.topicCore.length === 0;
}

export type SocialIntent = 'greeting' | 'thanks';

/** A greeting or thanks when that is what the message is (not "chào bạn, lệ phí hộ chiếu?"). */
export function socialIntent(c: Classification): SocialIntent | null {
  const bare = c.facet === null && hasNoTopic(c);
  const threshold = (strong: number) => (bare ? THRESHOLDS.bareSocial : strong);
  if (c.thanks >= threshold(THRESHOLDS.thanks) && c.thanks >= c.greeting) return 'thanks';
  if (c.greeting >= threshold(THRESHOLDS.greeting)) return 'greeting';
  return null;
}

/**
 * Asking for a person: a request ("gặp cán bộ", "nói chuyện với nhân viên"), or a bare "cán bộ"
 * in a message that says nothing else — never a mention inside a question ("tôi là cán bộ…").
 */
export function asksHandoff(c: Classification): boolean {
  if (c.handoff >= THRESHOLDS.handoff && c.handoff >= c.facetScore) return true;
  return c.handoff >= THRESHOLDS.bareHandoff && c.facet === null && hasNoTopic(c) && c.thanks === 0 && c.greeting === 0;
}

export function asksStatus(c: Classification): boolean {
  return c.dossierCode !== null || (c.status >= THRESHOLDS.status && c.status >= c.facetScore);
}

export function isPlainlyOffTopic(c: Classification): boolean {
  return c.outOfScope >= THRESHOLDS.outOfScope && c.facetScore < 3;
}

/**
 * The intent as far as words alone tell (no catalog): used by the turn before it resolves
 * the procedure, and by tests. A message with a topic and no facet is `overview` here; the
 * turn turns it into `out_of_scope` when the topic names no procedure.
 */
export function wordIntent(c: Classification): FacetIntent | 'overview' | 'status' | 'handoff' | 'greeting' | 'thanks' | 'out_of_scope' | 'fallback' {
  if (asksHandoff(c)) return 'handoff';
  if (asksStatus(c)) return 'status';
  if (isPlainlyOffTopic(c)) return 'out_of_scope';
  if (c.facet) return c.facet;
  const social = socialIntent(c);
  if (social && (hasNoTopic(c) || c.topicCore.length <= 1)) return social;
  if (!hasNoTopic(c) && c.oddShare < 0.5) return 'overview';
  return 'fallback';
}
