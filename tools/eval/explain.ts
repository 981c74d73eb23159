/**
 * `npm run explain -- [--curated] "câu hỏi" ["câu hỏi" …]`: how the resolver reads a question over the full
 * catalog (or the curated records alone) — its topic, the retriever's hits with their name match and decision probability, and
 * the decision (commit / clarify / none). A developer's lens on why a question was answered so.
 */
import path from 'node:path';
import { classify, resolveInputOf, topicQuery } from '../../bot/intents/classify.ts';
import { decide, decisionModel, namedOutrightLeads, probabilities } from '../../bot/resolve/decision-model.ts';
import { RESOLVER_TUNING, resolveProcedure, retrieveCandidates } from '../../bot/resolve/procedure-resolver.ts';
import { loadNationalProcedures } from '../../knowledge/import/load-national.ts';
import { startLocalServer } from '../../deps/local-server.ts';

const shared = path.resolve(import.meta.dirname, '../../../shared');
const curatedOnly = process.argv.includes('--curated');
const questions = process.argv.slice(2).filter((a) => a !== '--curated');
const national = curatedOnly ? [] : (await loadNationalProcedures(path.join(shared, 'data/dvc-procedures.jsonl.gz'))).procedures;
const running = await startLocalServer({ imported: national, config: { catalog: 'curated' } });
const deps = running.deps.assistant.require();
const model = decisionModel();
for (const text of questions) {
  const words = classify(text);
  const query = topicQuery(words);
  console.log(`\n"${text}"\n  facet=${words.facet} topic="${query}" levels=${words.levels.join(',')}`);
  const { hits, features } = await retrieveCandidates(resolveInputOf(words), deps);
  const probs = probabilities(model, features);
  const named = namedOutrightLeads(features);
  for (const [i, h] of hits.entries()) {
    console.log(
      `  ${i + 1}. p=${probs[i]!.toFixed(3)} s=${h.score.toFixed(2)} rec=${h.match.recall.toFixed(2)} fit=${h.match.nameFit.toFixed(2)} names=${h.namesIt ? 1 : 0} named=${named[i] === null ? '-' : named[i]!.toFixed(2)} ${h.procedure.code} ${h.procedure.name.slice(0, 90)}`,
    );
  }
  console.log('  →', JSON.stringify(decide(probs, named, model.thresholds, RESOLVER_TUNING.maxOptions)));
  // What the resolver makes of it, with the options the message tells apart (told-apart.ts).
  const resolution = await resolveProcedure(resolveInputOf(words), deps, model);
  const said =
    resolution.kind === 'confident' ? `${resolution.best.procedure.code} (p=${resolution.confidence.toFixed(3)})` : resolution.kind === 'ambiguous' ? resolution.candidates.map((c) => c.procedure.code).join(', ') : resolution.reason;
  console.log(`  ⇒ ${resolution.kind}: ${said}`);
}
await running.close();
