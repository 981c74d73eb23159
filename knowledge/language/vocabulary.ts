/**
 * The citizen vocabulary as data: the JSON lists under vocabulary/ (abbreviations, citizen
 * phrases, foreign-element phrases, special-case cues, kinds of filer, the armed forces' own procedures, stop words),
 * read once and validated, so the words can be reviewed and extended without reading code. A
 * malformed file stops start-up naming the file.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const folder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'vocabulary');

function load<T>(file: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(path.join(folder, file), 'utf8')));
  if (!parsed.success) throw new Error(`vocabulary/${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

const Words = z.array(z.string().min(1));
const Groups = z.record(z.string(), z.record(z.string(), z.string().min(1)));
/** Groups of key → expansion, flattened in file order (the order rewrites are tried in). */
const flattened = (groups: z.infer<typeof Groups>) => Object.assign({}, ...Object.values(groups)) as Record<string, string>;
const Grouped = z.object({ groups: Groups }).transform(({ groups }) => flattened(groups));

const abbreviationsFile = load('abbreviations.json', z.object({ groups: Groups, keptWhereSaid: z.record(z.string(), Words).default({}) }));
export const ABBREVIATIONS: Readonly<Record<string, string>> = flattened(abbreviationsFile.groups);
/** Per abbreviation, words whose presence in the message leaves it as typed (vocabulary/abbreviations.json keptWhereSaid). */
export const ABBREVIATIONS_KEPT_WHERE_SAID: Readonly<Record<string, readonly string[]>> = abbreviationsFile.keptWhereSaid;
export const CITIZEN_SYNONYMS: Readonly<Record<string, string>> = load('citizen-phrases.json', Grouped);
/** Procedures of the police's and the army's own people, by their legal basis (vocabulary/armed-forces.json). */
export const ARMED_FORCES = load('armed-forces.json', z.object({ legalBasis: Words, message: Words }));
/** Words that tell of a special case (vocabulary/special-cases.json): never the plain procedure beside its special variants. */
export const SPECIAL_CASES = load('special-cases.json', z.object({ cues: Words, notCues: Words }));
/** Citizen phrases read only in a context (vocabulary/contextual-phrases.json): "ghi sai" of a birth record is its correction. */
export const CONTEXTUAL_PHRASES = load(
  'contextual-phrases.json',
  z.object({ groups: z.record(z.string(), z.object({ context: Words, phrases: z.record(z.string(), z.string().min(1)) })) }).transform(({ groups }) => Object.values(groups)),
);
export const FOREIGN_ELEMENT = load('foreign-element.json', z.object({ expansion: z.string(), context: Words, phrases: Words }));
export const STOP_WORDS = load(
  'stop-words.json',
  z.object({
    accented: Words,
    foldedSafe: Words,
    foldedLoose: Words,
    queryFrame: Words,
    compounds: Words,
    frameCompounds: Words,
    storyAccented: Words,
    storyFolded: Words,
  }),
);

/** Matters citizens ask about that are not procedures of the catalog (vocabulary/outside-catalog.json). */
export const OUTSIDE_CATALOG: ReadonlyArray<{ label: string; phrases: readonly string[]; note?: string }> = load(
  'outside-catalog.json',
  z.object({ topics: z.array(z.object({ label: z.string().min(1), phrases: Words, note: z.string().min(1).optional() })) }).transform(({ topics }) => topics),
);

/**
 * How citizens ask for each procedure, learned (`npm run train:decision`) from citizen-style
 * training questions: per procedure code, the topic words of each question (frame words gone,
 * folded). The lexical index reads them as one more field, so a story told in citizens' words
 * finds the procedure those words were used for.
 */
export const ASKED_PHRASINGS: Readonly<Record<string, readonly string[]>> = load(
  'asked-phrasings.json',
  z.object({ byCode: z.record(z.string(), Words) }).transform(({ byCode }) => byCode),
);

/**
 * Kinds of filer or object that tell sibling procedures apart (household business / company,
 * land / vehicle, child / adult): per family, per kind, the phrases of a name (accented) and of a
 * message (folded) that say it, and what a citizen phrase means for that kind ("sang tên").
 */
export const KINDS: Readonly<
  Record<string, Readonly<Record<string, { name: readonly string[]; message: readonly string[]; phrases: Readonly<Record<string, string>> }>>>
> = load(
  'kinds.json',
  z
    .object({
      families: z.record(z.string(), z.record(z.string(), z.object({ name: Words, message: Words, phrases: z.record(z.string(), z.string().min(1)).default({}) }))),
    })
    .transform(({ families }) => families),
);

/**
 * Taxes and charges that are procedures of their own (lệ phí trước bạ, thuế thu nhập cá nhân …):
 * per levy the phrases of a name (accented) and of a message (folded), and the words that make a
 * message ask it (vocabulary/levies.json).
 */
export const LEVIES = load(
  'levies.json',
  z.object({
    levies: z.record(z.string(), z.object({ name: Words, message: Words })),
    generalName: Words,
    askedAfter: Words,
    amountWords: Words,
  }),
);
