/**
 * The learned decision: probabilities from the shipped weights, and the thresholds that turn
 * them into commit / clarify / not found.
 */
import { describe, expect, test } from 'vitest';
import { FEATURE_NAMES } from '../../../bot/resolve/candidate-features.ts';
import { decide, decisionModel, likelihood, parseDecisionModel, type DecisionModel } from '../../../bot/resolve/decision-model.ts';

const thresholds: DecisionModel['thresholds'] = { commit: 0.7, margin: 0.3, clarify: 0.2, option: 0.4, named: 2, namedLead: 0.2 };
const noRule = (n: number) => new Array<number | null>(n).fill(null);

describe('decide', () => {
  test('commits to a likely hit that leads the next by the margin', () => {
    expect(decide([0.9, 0.1, 0.05], noRule(3), thresholds, 4)).toEqual({ kind: 'commit', index: 0 });
    // The most likely hit need not be the retriever's first.
    expect(decide([0.1, 0.85, 0.05], noRule(3), thresholds, 4)).toEqual({ kind: 'commit', index: 1 });
  });

  test('lists the likely hits, most likely first, when the first does not lead clearly', () => {
    expect(decide([0.6, 0.75, 0.5, 0.01], noRule(4), thresholds, 4)).toEqual({ kind: 'clarify', indices: [1, 0, 2] });
    // Never more than the channel's options.
    expect(decide([0.5, 0.5, 0.5, 0.5, 0.5], noRule(5), thresholds, 4)).toEqual({ kind: 'clarify', indices: [0, 1, 2, 3] });
  });

  test('an unsure first is listed with at least one other, never alone', () => {
    expect(decide([0.5, 0.05, 0.01], noRule(3), thresholds, 4)).toEqual({ kind: 'clarify', indices: [0, 1] });
  });

  test('says "not found" when nothing is likely', () => {
    expect(decide([0.1, 0.05], noRule(2), thresholds, 4)).toEqual({ kind: 'none' });
    expect(decide([], [], thresholds, 4)).toEqual({ kind: 'none' });
  });

  test('a most likely hit named outright, clearly better than the rest, commits from its own lower threshold', () => {
    const named = { ...thresholds, named: 0.5 };
    expect(decide([0.55, 0.3], [0.3, null], named, 4)).toEqual({ kind: 'commit', index: 0 });
    expect(decide([0.45, 0.3], [0.3, null], named, 4).kind).toBe('clarify');
    // Only the most likely hit, and only when its name fits clearly better than the others'.
    expect(decide([0.3, 0.55], [0.3, null], { ...thresholds, named: 0.2 }, 4).kind).toBe('clarify');
    expect(decide([0.55, 0.3], [0.1, null], named, 4).kind).toBe('clarify');
    expect(decide([0.55, 0.3], [0.3, null], thresholds, 4).kind).toBe('clarify');
    // Not when another hit's name fits as well ("thành lập công ty": three kinds of company).
    expect(decide([0.55, 0.3], [0, 0], named, 4).kind).toBe('clarify');
  });
});

describe('the shipped model', () => {
  test('reads, matches the features the code computes, and says where it was learned', () => {
    const model = decisionModel();
    expect(model.features).toEqual([...FEATURE_NAMES]);
    expect(model.trainedOn).toMatch(/citizen-questions\.jsonl/);
    expect(model.thresholds.commit).toBeGreaterThan(model.thresholds.clarify);
  });

  test('a model learned on other features is refused, naming the command that relearns it', () => {
    const model = decisionModel();
    expect(() => parseDecisionModel({ ...model, features: ['relativeScore'] })).toThrow(/npm run train:decision/);
  });

  test('a probability rises with the evidence: a first hit named outright beats a far-down one named by nothing', () => {
    const model = decisionModel();
    const row = (values: Partial<Record<(typeof FEATURE_NAMES)[number], number>>) => FEATURE_NAMES.map((name) => values[name] ?? 0);
    const strong = likelihood(model, row({ relativeScore: 1, leadOverNext: 0.4, isFirst: 1, recall: 1, nameFit: 1, distinctive: 1, cohesive: 1, namesIt: 1, namedOutright: 1, firstNamedOutright: 1, firstNameFit: 1, firstLead: 0.4, scoreByNameFit: 1, nameFitLead: 0.5, ruleFit: 1, ruleLead: 0.4, logTopScore: 4 }));
    const weak = likelihood(model, row({ relativeScore: 0.3, logRank: Math.log(8), recallBehindBest: 0.8, nameFitBehindBest: 0.8, logTopScore: 4, nameFitLead: -0.8, ruleLead: -1 }));
    expect(strong).toBeGreaterThan(0.7);
    expect(weak).toBeLessThan(0.1);
  });
});
