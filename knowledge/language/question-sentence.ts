/**
 * What a message asks, apart from its story: its last sentence (the question a story ends with),
 * and the message without its clauses telling of steps already done ("hai vợ chồng đã đăng ký kết
 * hôn rồi").
 */

/** A clause telling of a step already done: background, not what is asked. */
const STEP_DONE = /(?<!\p{L})(?:đã|da)(?!\p{L}).*(?<!\p{L})(?:rồi|roi)(?!\p{L})/iu;

/** The message without its clauses telling of steps already done, unless that leaves nothing. */
export function withoutStepsDone(typed: string): string {
  const clauses = typed.split(/[,.;!?]/);
  const kept = clauses.filter((clause) => !STEP_DONE.test(clause));
  return kept.length > 0 && kept.length < clauses.length ? kept.join(', ') : typed;
}

/** The message's last sentence: the question a story ends with. */
export function questionSentence(typed: string): string {
  const sentences = typed.split(/[.!?\n]+/).filter((sentence) => /\p{L}/u.test(sentence));
  return sentences.at(-1) ?? typed;
}
