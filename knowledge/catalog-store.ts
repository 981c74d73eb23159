/**
 * The catalog the server answers from: procedures imported into the database joined with the
 * bundled catalog. A bundled record (curated, citizen-level) wins over an imported one of the
 * same code.
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

/** Imported records first, then bundled ones over them. */
export async function loadCatalog(
  repository: ProcedureStore,
  bundled: readonly Procedure[],
): Promise<Catalog> {
  const imported = await repository.all();
  return createCatalog([...imported, ...bundled]);
}
