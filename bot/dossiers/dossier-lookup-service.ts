/**
 * The dossier desk: the bot's DossierLookup over any DossierSource, with the safety around it —
 * rate limits on lookups, verification with the last 4 digits of the applicant's phone and a
 * lockout after repeated failures, subscriptions to status changes, and an audit log entry for
 * every attempt. Source failures become BotErrors with a plain Vietnamese message.
 */
import { timingSafeEqual } from 'node:crypto';
import type { Dossier } from '../../knowledge/dossiers/dossier.ts';
import { DossierSourceUnavailableError, type DossierSource } from '../../knowledge/dossiers/dossier-source.ts';
import type { WorkingCalendar } from '../../knowledge/dossiers/working-days.ts';
import type { BotLogger, DossierAsker, DossierLookup, DossierVerification } from '../deps.ts';
import { BotError } from '../errors.ts';
import type { AuditEntry, DossierAuditLog, DossierSubscriptions } from './dossier-activity.ts';
import { DEFAULT_GUARD_POLICY, lockedUntil, underLimit, type GuardPolicy } from './lookup-guard.ts';
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

  /** Finds through the source; an unavailable source is audited and becomes the "busy" answer. */
  async function find(code: string, asker: DossierAsker, action: AuditEntry['action']): Promise<Dossier | null> {
    try {
      return await deps.source.find(code);
    } catch (error) {
      await record(asker, { action, outcome: 'unavailable', code, source: deps.source.name });
      if (error instanceof DossierSourceUnavailableError) {
        throw new BotError('dossier_source_busy', error.message, { cause: error });
      }
      throw new BotError('dossier_lookup_failed', error instanceof Error ? error.message : String(error), { cause: error });
    }
  }

  async function rateLimited(asker: DossierAsker): Promise<boolean> {
    const since = new Date(asker.at.getTime() - policy.lookupWindowMs);
    const counted = ['found', 'not_found', 'unavailable'] as const;
    const byConversation = await deps.audit.count({ action: 'lookup', outcomes: [...counted], since, conversationId: asker.conversationId });
    if (!underLimit(byConversation, policy.maxLookupsPerConversation)) return true;
    if (!asker.clientKey) return false;
    const byClient = await deps.audit.count({ action: 'lookup', outcomes: [...counted], since, clientKey: asker.clientKey });
    return !underLimit(byClient, policy.maxLookupsPerClient);
  }

  async function lockout(code: string, asker: DossierAsker): Promise<Date | null> {
    const since = new Date(asker.at.getTime() - policy.lockoutWindowMs);
    const failures = { action: 'verify' as const, outcomes: ['wrong_digits' as const], since };
    const windows = [
      { counted: await deps.audit.count({ ...failures, code, conversationId: asker.conversationId }), max: policy.maxFailuresPerConversation },
      { counted: await deps.audit.count({ ...failures, code }), max: policy.maxFailuresPerDossier },
    ];
    if (asker.clientKey) {
      windows.push({ counted: await deps.audit.count({ ...failures, clientKey: asker.clientKey }), max: policy.maxFailuresPerClient });
    }
    return lockedUntil(windows, policy.lockoutWindowMs, asker.at);
  }

  return {
    ...(deps.demoCodes?.length ? { demoCodes: deps.demoCodes } : {}),

    async lookup(code, asker = anonymous()) {
      if (await rateLimited(asker)) {
        await record(asker, { action: 'lookup', outcome: 'rate_limited', code });
        deps.log?.warn({ conversationId: asker.conversationId }, 'dossier lookups rate-limited');
        throw new BotError('dossier_rate_limited');
      }
      const dossier = await find(code, asker, 'lookup');
      await record(asker, { action: 'lookup', outcome: dossier ? 'found' : 'not_found', code, source: deps.source.name });
      return dossier ? toPublicStatus(dossier, asker.at, deps.calendar) : null;
    },

    async verify(code, lastFourDigits, asker): Promise<DossierVerification> {
      const until = await lockout(code, asker);
      if (until) {
        await record(asker, { action: 'verify', outcome: 'locked', code });
        return { kind: 'locked', until: until.toISOString() };
      }
      const dossier = await find(code, asker, 'verify');
      if (!dossier) {
        await record(asker, { action: 'verify', outcome: 'not_found', code, source: deps.source.name });
        return { kind: 'not_found' };
      }
      if (lastFourMatch(dossier.applicant.phone, lastFourDigits)) {
        await record(asker, { action: 'verify', outcome: 'verified', code, source: deps.source.name });
        return { kind: 'verified', applicant: { name: dossier.applicant.name, maskedPhone: maskPhone(dossier.applicant.phone) } };
      }
      await record(asker, { action: 'verify', outcome: 'wrong_digits', code, source: deps.source.name });
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
      const dossier = await find(code, asker, 'subscribe');
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
