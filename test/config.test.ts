/** Configuration: Zalo (on with ZALO_APP_ID, refused at start without its secrets, named, never echoed), the portal's Direct Line and Agents SDK credentials, the per-client limits and retention; defaults documented in the README. */
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../config.ts';

describe('config: the Zalo channel', () => {
  test('off by default, with the documented defaults', () => {
    const config = loadConfig({}, {});
    expect(config.zaloAppId).toBeUndefined();
    expect(config).toMatchObject({
      zaloApiBase: 'https://openapi.zalo.me',
      zaloOauthBase: 'https://oauth.zaloapp.com',
      zaloZnsBase: 'https://business.openapi.zalo.me',
      zaloReplayWindowSeconds: 300,
    });
  });

  test('ZALO_APP_ID without its secrets stops start-up naming each missing variable', () => {
    let error: unknown;
    try {
      loadConfig({}, { ZALO_APP_ID: '1234567890', ZALO_APP_SECRET: 'app-secret-value' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    expect(message).toContain('ZALO_OA_SECRET_KEY: required when ZALO_APP_ID is set');
    expect(message).toContain('ZALO_REFRESH_TOKEN: required when ZALO_APP_ID is set');
    expect(message).not.toContain('ZALO_APP_SECRET:');
    expect(message).not.toContain('app-secret-value');
  });

  test('a complete Zalo configuration from the environment', () => {
    const config = loadConfig({}, {
      ZALO_APP_ID: '1234567890', ZALO_OA_ID: '2871594837495782712', ZALO_OA_SECRET_KEY: 'oa-secret-key', ZALO_APP_SECRET: 'app-secret-value',
      ZALO_REFRESH_TOKEN: 'refresh', ZALO_ZNS_TEMPLATE_STATUS: '301245', ZALO_REPLAY_WINDOW_SECONDS: '120', ZALO_API_BASE: 'http://127.0.0.1:9/',
    });
    expect(config).toMatchObject({ zaloAppId: '1234567890', zaloOaId: '2871594837495782712', zaloZnsTemplateStatus: '301245', zaloReplayWindowSeconds: 120, zaloApiBase: 'http://127.0.0.1:9/' });
  });
});

describe('config: per-client limits and retention', () => {
  const NAMES = ['RATE_LIMIT_CHAT_PER_MINUTE', 'RATE_LIMIT_CONVERSATIONS_PER_HOUR', 'RATE_LIMIT_LOOKUPS_PER_MINUTE', 'RATE_LIMIT_LOGINS_PER_MINUTE', 'MAX_STREAMS_PER_CLIENT', 'CONVERSATION_RETENTION_DAYS'];

  test('the documented defaults, each in the README configuration table', async () => {
    expect(loadConfig({}, {})).toMatchObject({
      rateLimitChatPerMinute: 60,
      rateLimitConversationsPerHour: 100,
      rateLimitLookupsPerMinute: 20,
      rateLimitLoginsPerMinute: 60,
      maxStreamsPerClient: 20,
      conversationRetentionDays: 180,
    });
    const { readFile } = await import('node:fs/promises');
    const readme = await readFile(new URL('../README.md', import.meta.url), 'utf8');
    const defaults = { RATE_LIMIT_CHAT_PER_MINUTE: 60, RATE_LIMIT_CONVERSATIONS_PER_HOUR: 100, RATE_LIMIT_LOOKUPS_PER_MINUTE: 20, RATE_LIMIT_LOGINS_PER_MINUTE: 60, MAX_STREAMS_PER_CLIENT: 20, CONVERSATION_RETENTION_DAYS: 180 };
    for (const [name, value] of Object.entries(defaults)) expect(readme).toContain(`| \`${name}\` | \`${value}\` |`);
  });

  test('from the environment; 0 turns a limit off; a negative number stops start-up naming the variable', () => {
    expect(loadConfig({}, { RATE_LIMIT_CHAT_PER_MINUTE: '0', CONVERSATION_RETENTION_DAYS: '30' })).toMatchObject({ rateLimitChatPerMinute: 0, conversationRetentionDays: 30 });
    for (const name of NAMES) expect(() => loadConfig({}, { [name]: '-1' })).toThrow(new RegExp(name));
  });
});

describe('config: the portal channel', () => {
  test('Direct Line off by default; on with a long enough secret, which is never echoed when refused', () => {
    expect(loadConfig({}, {})).toMatchObject({ directlineTokenTtlSeconds: 1800 });
    expect(loadConfig({}, {}).directlineSecret).toBeUndefined();
    const on = loadConfig({}, { DIRECTLINE_SECRET: 'x'.repeat(40), DIRECTLINE_TOKEN_TTL_SECONDS: '3600' });
    expect(on).toMatchObject({ directlineSecret: 'x'.repeat(40), directlineTokenTtlSeconds: 3600 });
    let error: unknown;
    try {
      loadConfig({}, { DIRECTLINE_SECRET: 'short-secret-value' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain('DIRECTLINE_SECRET: at least 32 characters');
    expect((error as Error).message).not.toContain('short-secret-value');
  });

  test('the Agents SDK credentials (its own variable names) come all three together', () => {
    expect(() => loadConfig({}, { clientId: '00000000-0000-0000-0000-00000000b07a' })).toThrow(/clientSecret: required when clientId is set[\s\S]*tenantId: required/);
    expect(loadConfig({}, { clientId: 'app', clientSecret: 's3cret', tenantId: 'tenant' })).toMatchObject({ agentsClientId: 'app', agentsClientSecret: 's3cret', agentsTenantId: 'tenant' });
  });
});
