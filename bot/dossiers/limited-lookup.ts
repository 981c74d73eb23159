/**
 * A per-client token bucket in front of a DossierLookup (issue 13, finding 5): each lookup and
 * each phone-digit check from one client takes a token, so a burst of guesses is refused at once
 * (the audit-log guard in lookup-guard.ts still counts the longer windows). A refusal is the
 * `dossier_rate_limited` answer; askers without a client key (tests, tools) are not limited.
 */
import type { DossierLookup } from '../deps.ts';
import { BotError } from '../errors.ts';
import { unlimited, type RateLimiter, type RateRule } from '../limits/rate-limiter.ts';

export function limitDossierLookups(lookup: DossierLookup, limiter: RateLimiter, rule: RateRule): DossierLookup {
  if (unlimited(rule)) return lookup;
  const admit = async (clientKey: string | undefined) => {
    if (!clientKey) return;
    const decision = await limiter.take(rule, clientKey);
    if (!decision.allowed) throw new BotError('dossier_rate_limited', `client over the ${rule.name} limit (retry in ${decision.retryAfterSeconds} s)`);
  };
  const { verify } = lookup;
  return {
    ...lookup,
    async lookup(code, asker) {
      await admit(asker?.clientKey);
      return lookup.lookup(code, asker);
    },
    ...(verify
      ? {
          async verify(code: string, digits: string, asker: Parameters<NonNullable<DossierLookup['verify']>>[2]) {
            await admit(asker.clientKey);
            return verify.call(lookup, code, digits, asker);
          },
        }
      : {}),
  };
}
