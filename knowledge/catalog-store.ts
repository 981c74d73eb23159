/**
 * The catalog the server answers from: the shipped national records (knowledge/national/), under
 * procedures imported into the database, under the bundled catalog. An imported record (a
 * province's own data) wins over a shipped one, a bundled record (curated, citizen-level) over both.
 */
import type { ProcedureStore } from './procedure-store.ts';
import type { Procedure } from './schema.ts';

export interface Catalog {
  get(code: string): Procedure | undefined;
  all(): readonly Procedure[];
  readonly size: number;
}

export function createCatalog(procedures: Iterable<Procedure>): Catalog {
  const byCode = new Map<string, Procedure>();
  for (const procedure of procedures) byCode.set(procedure.code, procedure);
  const list = [...byCode.values()];
  return {
    get: (code) => byCode.get(code),
    all: () => list,
    size: list.length,
  };
}

/** Shipped national records first, imported ones over them, then bundled ones over both. */
export async function loadCatalog(
  repository: ProcedureStore,
  bundled: readonly Procedure[],
  national: readonly Procedure[] = [],
): Promise<Catalog> {
  const imported = await repository.all();
  return createCatalog([...national, ...imported, ...bundled]);
}
