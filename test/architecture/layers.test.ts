/**
 * The tree is the architecture: each top-level folder is a layer that imports only the layers
 * below it (ARCHITECTURE.md), and the core stays free of web and database libraries.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const RANK: Record<string, number> = { knowledge: 0, indexer: 1, bot: 2, adapters: 3, channels: 4, deps: 5, '.': 5, cli: 6, tools: 6, test: 7 };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (name === 'node_modules' || name.startsWith('.') || name === 'data') return [];
    if (statSync(full).isDirectory()) return sources(full);
    return /\.ts$/.test(name) ? [full] : [];
  });
}

const layerOf = (file: string) => {
  const relative = path.relative(ROOT, file);
  return relative.includes(path.sep) ? relative.split(path.sep)[0]! : '.';
};
const files = [...sources(ROOT).filter((f) => layerOf(f) in RANK)];
const importsOf = (file: string) => [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('layers', () => {
  test('no file imports a layer above its own', () => {
    expect(files.length).toBeGreaterThan(100);
    const upward: string[] = [];
    for (const file of files) {
      for (const specifier of importsOf(file).filter((s) => s.startsWith('.'))) {
        const target = layerOf(path.resolve(path.dirname(file), specifier));
        if ((RANK[target] ?? 99) > RANK[layerOf(file)]!) upward.push(`${path.relative(ROOT, file)} → ${specifier}`);
      }
    }
    expect(upward).toEqual([]);
  });

  test('the core and the knowledge below it use no web framework and no database driver', () => {
    const offending = files
      .filter((file) => ['knowledge', 'indexer', 'bot'].includes(layerOf(file)))
      .flatMap((file) => importsOf(file).filter((s) => /^(express|pg|@electric-sql\/pglite|ioredis)$/.test(s)).map((s) => `${path.relative(ROOT, file)} → ${s}`));
    expect(offending).toEqual([]);
  });
});
