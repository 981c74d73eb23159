/**
 * The dossier desk: the bot's DossierLookup over any DossierSource, with the safety around it —
 * rate limits on lookups, verification with the last 4 digits of the applicant's phone and a
 * lockout after repeated failures (each attempt admitted against its limits atomically, before
 * it runs), subscriptions to status changes, and an audit log entry for every attempt. Source
 * failures become BotErrors with a plain Vietnamese message.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Dossier } from '../../knowledge/dossiers/dossier.ts';
import { DossierSourceUnavailableError, type DossierSource } from '../../knowledge/dossiers/dossier-source.ts';
import type { WorkingCalendar } from '../../knowledge/dossiers/working-days.ts';
import type { BotLogger, DossierAsker, DossierLookup, DossierVerification } from '../deps.ts';
import { BotError } from '../errors.ts';
import type { AuditEntry, AuditLimit, DossierAuditLog, DossierOutcome, DossierSubscriptions } from './dossier-activity.ts';
import { DEFAULT_GUARD_POLICY, lockedUntil, type GuardPolicy } from './lookup-guard.ts';
import { maskPhone, toPublicStatus } from './public-status.ts';

export interface DossierLookupServiceDeps {
  source: DossierSource;
  audit: DossierAuditLog;
  subscriptions: DossierSubscriptions;
  policy?: Partial<GuardPolicy>;
  calendar?: WorkingCalendar;
  demoCodes?: readonly string[];
  log?: BotLogger;
}

/** Compares the last 4 digits in constant time. */
export function lastFourMatch(phone: string, digits: string): boolean {
  const expected = Buffer.from(phone.replace(/\D/g, '').slice(-4).padStart(4, '#'));
  const given = Buffer.from(digits.replace(/\D/g, '').slice(-4).padStart(4, '-'));
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export function createDossierLookupService(deps: DossierLookupServiceDeps): DossierLookup {
  const policy: GuardPolicy = { ...DEFAULT_GUARD_POLICY, ...deps.policy };
  const anonymous = (): DossierAsker => ({ conversationId: 'unknown', channel: 'unknown', at: new Date() });

  const record = (asker: DossierAsker, entry: Omit<AuditEntry, 'at' | 'conversationId' | 'channel' | 'clientKey'>) =>
    deps.audit.record({ ...entry, at: asker.at, conversationId: asker.conversationId, channel: asker.channel, clientKey: asker.clientKey ?? null });

  /** Finds through the source; an unavailable source is audited (`unavailable`) and becomes the "busy" answer. */
  async function find(code: string, unavailable: () => Promise<void>): Promise<Dossier | null> {
    try {
      return await deps.source.find(code);
    } catch (error) {
      await unavailable();
      if (error instanceof DossierSourceUnavailableError) {
        throw new BotError('dossier_source_busy', error.message, { cause: error });
      }
      throw new BotError('dossier_lookup_failed', error instanceof Error ? error.message : String(error), { cause: error });
    }
  }

  /** Lookups still running count too, so a burst cannot slip under the limit. */
  function lookupLimits(asker: DossierAsker): AuditLimit[] {
    const since = new Date(asker.at.getTime() - policy.lookupWindowMs);
    const counted = { action: 'lookup' as const, outcomes: ['found', 'not_found', 'unavailable', 'pending'] as DossierOutcome[], since };
    const limits: AuditLimit[] = [{ query: { ...counted, conversationId: asker.conversationId }, max: policy.maxLookupsPerConversation }];
    if (asker.clientKey) limits.push({ query: { ...counted, clientKey: asker.clientKey }, max: policy.maxLookupsPerClient });
    return limits;
  }

  /** Wrong answers — and answers still being checked — per conversation and dossier, per dossier, per client. */
  function failureLimits(code: string, asker: DossierAsker): AuditLimit[] {
    const since = new Date(asker.at.getTime() - policy.lockoutWindowMs);
    const failures = { action: 'verify' as const, outcomes: ['wrong_digits', 'pending'] as DossierOutcome[], since };
    const limits: AuditLimit[] = [
      { query: { ...failures, code, conversationId: asker.conversationId }, max: policy.maxFailuresPerConversation },
      { query: { ...failures, code }, max: policy.maxFailuresPerDossier },
    ];
    if (asker.clientKey) limits.push({ query: { ...failures, clientKey: asker.clientKey }, max: policy.maxFailuresPerClient });
    return limits;
  }

  async function lockout(code: string, asker: DossierAsker): Promise<Date | null> {
    const limits = failureLimits(code, asker);
    const windows = [];
    for (const limit of limits) windows.push({ counted: await deps.audit.count(limit.query), max: limit.max });
    return lockedUntil(windows, policy.lockoutWindowMs, asker.at);
  }

  /** Counts and records the attempt (`pending` until settled) as one step; refused when a limit is full. */
  async function admit(action: 'lookup' | 'verify', code: string, asker: DossierAsker, limits: AuditLimit[]) {
    const entry = { action, outcome: 'pending' as const, code, at: asker.at, conversationId: asker.conversationId, channel: asker.channel, clientKey: asker.clientKey ?? null };
    return deps.audit.admit(entry, limits);
  }

  return {
    ...(deps.demoCodes?.length ? { demoCodes: deps.demoCodes } : {}),

    async lookup(code, asker = anonymous()) {
      const admission = await admit('lookup', code, asker, lookupLimits(asker));
      if (!admission.admitted) {
        await record(asker, { action: 'lookup', outcome: 'rate_limited', code });
        deps.log?.warn({ conversationId: asker.conversationId }, 'dossier lookups rate-limited');
        throw new BotError('dossier_rate_limited');
      }
      const dossier = await find(code, () => deps.audit.settle(admission.id, 'unavailable', deps.source.name));
      await deps.audit.settle(admission.id, dossier ? 'found' : 'not_found', deps.source.name);
      return dossier ? toPublicStatus(dossier, asker.at, deps.calendar) : null;
    },

    async verify(code, lastFourDigits, asker): Promise<DossierVerification> {
      const limits = failureLimits(code, asker);
      const admission = await admit('verify', code, asker, limits);
      if (!admission.admitted) {
        await record(asker, { action: 'verify', outcome: 'locked', code });
        const windows = limits.map((limit, i) => ({ counted: admission.counts[i]!, max: limit.max }));
        const until = lockedUntil(windows, policy.lockoutWindowMs, asker.at) ?? new Date(asker.at.getTime() + policy.lockoutWindowMs);
        return { kind: 'locked', until: until.toISOString() };
      }
      const settle = (outcome: DossierOutcome) => deps.audit.settle(admission.id, outcome, deps.source.name);
      const dossier = await find(code, () => settle('unavailable'));
      if (!dossier) {
        await settle('not_found');
        return { kind: 'not_found' };
      }
      if (lastFourMatch(dossier.applicant.phone, lastFourDigits)) {
        await settle('verified');
        return { kind: 'verified', applicant: { name: dossier.applicant.name, maskedPhone: maskPhone(dossier.applicant.phone) } };
      }
      await settle('wrong_digits');
      const nowLocked = await lockout(code, asker);
      if (nowLocked) return { kind: 'locked', until: nowLocked.toISOString() };
      const failures = await deps.audit.count({
        action: 'verify',
        outcomes: ['wrong_digits'],
        since: new Date(asker.at.getTime() - policy.lockoutWindowMs),
        code,
        conversationId: asker.conversationId,
      });
      return { kind: 'wrong_digits', attemptsLeft: Math.max(0, policy.maxFailuresPerConversation - failures.count) };
    },

    async subscribe(code, asker) {
      const dossier = await find(code, () => record(asker, { action: 'subscribe', outcome: 'unavailable', code, source: deps.source.name }));
      if (!dossier) {
        await record(asker, { action: 'subscribe', outcome: 'not_found', code, source: deps.source.name });
        return 'not_found';
      }
      const added = await deps.subscriptions.add(code, { conversationId: asker.conversationId, channel: asker.channel });
      await record(asker, { action: 'subscribe', outcome: 'subscribed', code, source: deps.source.name });
      return added ? 'subscribed' : 'already_subscribed';
    },

    async unsubscribe(code, asker) {
      const removed = await deps.subscriptions.remove(code, asker.conversationId);
      await record(asker, { action: 'unsubscribe', outcome: removed ? 'unsubscribed' : 'not_found', code });
      return removed;
    },
  };
}
