/** ChannelTokenStore conformance on every Db: seeding keeps a newer pair, and two concurrent refreshes spend the refresh token once. */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createSqlChannelTokens } from '../../adapters/sql/sql-channel-token-store.ts';
import { DB_FACTORIES, type TestDatabase } from '../support/databases.ts';

const pair = (access: string, refresh: string) => ({ accessToken: access, refreshToken: refresh, expiresAt: new Date('2026-03-03T08:00:00Z') });

describe.each(DB_FACTORIES)('ChannelTokenStore conformance: $name', (factory) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await factory.create();
  }, 60_000);
  afterAll(async () => database?.dispose());

  test('the configured pair seeds once; a refreshed pair survives the next start; a new configured pair replaces it', async () => {
    const tokens = createSqlChannelTokens(database.db);
    expect(await tokens.get('zalo:1')).toBeNull();
    expect(await tokens.seed('zalo:1', pair('A1', 'R1'), 'seed-1')).toMatchObject({ accessToken: 'A1', refreshToken: 'R1' });
    await tokens.refreshLocked('zalo:1', async () => pair('A2', 'R2'));
    expect(await tokens.seed('zalo:1', pair('A1', 'R1'), 'seed-1')).toMatchObject({ accessToken: 'A2', refreshToken: 'R2' });
    expect(await tokens.seed('zalo:1', pair('A9', 'R9'), 'seed-2')).toMatchObject({ accessToken: 'A9', refreshToken: 'R9' });
  });

  test("two refreshes at once: the second sees the first one's pair and refreshes nothing", async () => {
    const tokens = createSqlChannelTokens(database.db);
    await tokens.seed('zalo:2', pair('stale', 'R-once'), 'seed');
    const spent: string[] = [];
    const refresh = async (current: { accessToken: string; refreshToken: string }) => {
      if (current.accessToken !== 'stale') return null; // someone refreshed meanwhile
      spent.push(current.refreshToken);
      await new Promise((resolve) => setTimeout(resolve, 50));
      return pair('fresh', 'R-next');
    };
    const [a, b] = await Promise.all([tokens.refreshLocked('zalo:2', refresh), tokens.refreshLocked('zalo:2', refresh)]);
    expect(spent).toEqual(['R-once']);
    expect([a.accessToken, b.accessToken]).toEqual(['fresh', 'fresh']);
    expect(await tokens.get('zalo:2')).toMatchObject({ accessToken: 'fresh', refreshToken: 'R-next' });
  });

  test('a refresh that throws stores nothing', async () => {
    const tokens = createSqlChannelTokens(database.db);
    await tokens.seed('zalo:3', pair('A', 'R'), 'seed');
    await expect(
      tokens.refreshLocked('zalo:3', async () => {
        throw new Error('oauth down');
      }),
    ).rejects.toThrow('oauth down');
    expect(await tokens.get('zalo:3')).toMatchObject({ accessToken: 'A', refreshToken: 'R' });
  });
});
