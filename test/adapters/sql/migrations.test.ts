/** The migrations folder stays ordered: one file per migration, numbered as its id, all of them applied in order. */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';
import { MIGRATIONS } from '../../../adapters/sql/migrations/migrate.ts';

const folder = path.resolve(import.meta.dirname, '../../../adapters/sql/migrations');

test('every NNN-name.ts file is listed, with the id its name says, in order and without gaps', async () => {
  const files = readdirSync(folder).filter((name) => /^\d{3}-.+\.ts$/.test(name)).sort();
  const loaded = await Promise.all(files.map(async (file) => ({ file, migration: (await import(path.join(folder, file))).migration })));
  for (const { file, migration } of loaded) expect(migration.id, file).toBe(Number(file.slice(0, 3)));
  expect(MIGRATIONS.map((m) => m.id)).toEqual(loaded.map(({ migration }) => migration.id));
  expect(MIGRATIONS.map((m) => m.id)).toEqual(MIGRATIONS.map((_, i) => i + 1));
});
