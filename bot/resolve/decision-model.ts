/**
 * The learned part of the resolver: a logistic model over candidate-features.ts that gives each
 * retrieval hit the probability that it is the procedure the citizen means, and the two
 * thresholds that turn those probabilities into commit / clarify / not found. Weights and
 * thresholds are data (decision-model.json), learned by `npm run train:decision` from
 * ../shared/train with folds split by procedure; the file records how they were learned.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { FEATURE_NAMES } from './candidate-features.ts';

const DecisionModelSchema = z.object({
  features: z.array(z.string()),
  mean: z.array(z.number()),
  scale: z.array(z.number()),
  weights: z.array(z.number()),
  bias: z.number(),
  /** Pointwise (each hit rated alone, a logistic) or listwise (the hits and "none" in one softmax). */
  form: z.enum(['pointwise', 'listwise']).default('pointwise'),
  thresholds: z.object({
    /** Commit to the most likely hit when its probability reaches this… */
    commit: z.number().min(0).max(1),
    /** …and it leads the next by at least this much. */
    margin: z.number().min(0).max(1),
    /** Below commit, list the likely hits when the first reaches this; else "not found". */
    clarify: z.number().min(0).max(1),
    /** A hit joins the list when its probability reaches this share of the first's. */
    option: z.number().min(0).max(1),
    /**
     * A most likely hit that the message names outright (feature namedOutright: its name's words
     * said, nearly nothing else) is committed from this probability on — "thủ tục đổi giấy phép
     * lái xe" is that procedure even beside "Đổi giấy phép lái xe Công an nhân dân". Above 1: never.
     */
    named: z.number().min(0),
    /** …and whose name the message fits this much better than any other hit's (feature nameFitLead). */
    namedLead: z.number().min(0).max(1),
  }),
  trainedOn: z.string(),
});
export type DecisionModel = z.infer<typeof DecisionModelSchema>;

export function parseDecisionModel(json: unknown): DecisionModel {
  const model = DecisionModelSchema.parse(json);
  const expected = FEATURE_NAMES.join(',');
  if (model.features.join(',') !== expected) {
    throw new Error(`decision-model.json was learned on features [${model.features.join(', ')}], the code computes [${expected}]: run npm run train:decision`);
  }
  const n = FEATURE_NAMES.length;
  if (model.mean.length !== n || model.scale.length !== n || model.weights.length !== n) throw new Error('decision-model.json: vectors do not match the feature count');
  return model;
}

let loaded: DecisionModel | undefined;

/** The shipped model, read once. */
export function decisionModel(): DecisionModel {
  loaded ??= parseDecisionModel(JSON.parse(readFileSync(new URL('./decision-model.json', import.meta.url), 'utf8')));
  return loaded;
}

/** Probability that a hit with these features is the procedure meant. */
export function likelihood(model: Pick<DecisionModel, 'mean' | 'scale' | 'weights' | 'bias'>, features: readonly number[]): number {
  return 1 / (1 + Math.exp(-score(model, features)));
}

/** The hit's score: bias plus the weighted standardised features. */
function score(model: Pick<DecisionModel, 'mean' | 'scale' | 'weights' | 'bias'>, features: readonly number[]): number {
  let z = model.bias;
  for (let i = 0; i < features.length; i++) z += model.weights[i]! * ((features[i]! - model.mean[i]!) / model.scale[i]!);
  return z;
}

/**
 * The hits' probabilities, each against the others: a listwise model (`form: 'listwise'`) puts a
 * question's hits and "none of them" in one softmax; a pointwise one rates each hit alone.
 */
export function probabilities(model: Pick<DecisionModel, 'mean' | 'scale' | 'weights' | 'bias' | 'form'>, rows: readonly number[][]): number[] {
  if (model.form !== 'listwise') return rows.map((row) => likelihood(model, row));
  const scores = rows.map((row) => score(model, row));
  const top = Math.max(0, ...scores);
  const exps = scores.map((s) => Math.exp(s - top));
  const total = Math.exp(-top) + exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

const NAMED_OUTRIGHT = FEATURE_NAMES.indexOf('namedOutright');
const NAME_FIT_LEAD = FEATURE_NAMES.indexOf('nameFitLead');
const LOG_TOPIC_LENGTH = FEATURE_NAMES.indexOf('logTopicLength');
/** A topic of fewer syllables ("chứng thực") names no procedure outright, however it fits a name. */
const NAMED_MIN_SYLLABLES = 3;

/**
 * For each hit the message names outright, how much better its name fits the message than any
 * other hit's (nameFitLead); null for the others, and for all when the topic is too short.
 */
export function namedOutrightLeads(rows: readonly number[][]): Array<number | null> {
  return rows.map((row) => {
    const syllables = Math.round(Math.exp(row[LOG_TOPIC_LENGTH]!) - 1);
    return row[NAMED_OUTRIGHT] === 1 && syllables >= NAMED_MIN_SYLLABLES ? row[NAME_FIT_LEAD]! : null;
  });
}

export type Decision = { kind: 'commit'; index: number } | { kind: 'clarify'; indices: number[] } | { kind: 'none' };

/**
 * Commit, list (at most `maxOptions`, most likely first) or give up, from the hits'
 * probabilities and, for each hit the message names outright, how much better its name fits the
 * message than any other hit's (`namedOutright`: nameFitLead, or null when not named outright).
 */
export function decide(
  probabilities: readonly number[],
  namedOutright: ReadonlyArray<number | null>,
  thresholds: DecisionModel['thresholds'],
  maxOptions: number,
): Decision {
  if (probabilities.length === 0) return { kind: 'none' };
  const order = probabilities.map((p, i) => ({ p, i })).sort((a, b) => b.p - a.p);
  const first = order[0]!;
  const second = order[1]?.p ?? 0;
  // Named outright and fitting the message clearly better than any other hit ("thành lập công ty"
  // fits three kinds of company equally: no lead).
  const lead = namedOutright[first.i] ?? null;
  if (lead !== null && lead >= thresholds.namedLead && first.p >= thresholds.named) return { kind: 'commit', index: first.i };
  if (first.p >= thresholds.commit && first.p - second >= thresholds.margin) return { kind: 'commit', index: first.i };
  if (first.p < thresholds.clarify) return { kind: 'none' };
  // Unsure of the first: list it with the others nearly as likely — at least one other, since a
  // list of one would be a commitment by another name.
  const listed = order.filter((o, rank) => rank < 2 || o.p >= first.p * thresholds.option).slice(0, maxOptions);
  if (listed.length === 1) return { kind: 'commit', index: first.i };
  return { kind: 'clarify', indices: listed.map((o) => o.i) };
}
