/**
 * The catalog the assistant answers from once a province has local data: the loaded catalog
 * (national, imported, curated — never changed), plus the province's own procedures, with the
 * published overlay applied. A publish swaps in the new overlay at once: only the records it
 * touches are rebuilt.
 */
import type { Catalog } from '../catalog-store.ts';
import type { Procedure } from '../schema.ts';
import { applyOverlay, type OverlaySource } from './apply-overlay.ts';
import type { OverlayEntry } from './overlay.ts';
import { indexCommuneOffices, type CommuneIndex, type CommuneOffices } from './commune-offices.ts';

export interface LocalizedCatalog extends Catalog {
  /** The record without local values: the national/curated one, or the province's own procedure as entered. */
  base(code: string): Procedure | undefined;
  /** Whether the code is one of the loaded catalog's (not a procedure the province added). */
  isNational(code: string): boolean;
  /** The published overlay entries now applied. */
  entries(): readonly OverlayEntry[];
  /** The province's own procedures now included. */
  localProcedures(): readonly Procedure[];
  /** Every xã/phường the overlay gives a one-stop shop for. */
  communes(): readonly string[];
  /** The communes' one-stop shops for a procedure (null: none entered). */
  communeOffices(code: string): CommuneOffices | null;
  /** Replaces the applied overlay and, when given, the province's own procedures. */
  setOverlay(entries: readonly OverlayEntry[], localProcedures?: readonly Procedure[]): void;
}

export function createLocalizedCatalog(base: Pick<Catalog, 'get' | 'all'>, from: OverlaySource, entries: readonly OverlayEntry[] = []): LocalizedCatalog {
  let localized = new Map<string, Procedure>();
  let own = new Map<string, Procedure>();
  let list: readonly Procedure[] = base.all();
  let applied: readonly OverlayEntry[] = [];
  let communeIndex: CommuneIndex = indexCommuneOffices([], from.source);
  const baseOf = (code: string) => base.get(code) ?? own.get(code);

  function setOverlay(next: readonly OverlayEntry[], localProcedures?: readonly Procedure[]): void {
    if (localProcedures) own = new Map(localProcedures.filter((p) => !base.get(p.code)).map((p) => [p.code, p]));
    const byCode = new Map<string, OverlayEntry[]>();
    for (const entry of next) if (entry.commune === undefined) byCode.set(entry.code, [...(byCode.get(entry.code) ?? []), entry]);
    const rebuilt = new Map<string, Procedure>();
    for (const [code, mine] of byCode) {
      const procedure = baseOf(code);
      if (procedure) rebuilt.set(code, applyOverlay(procedure, mine, from));
    }
    localized = rebuilt;
    const all = own.size ? [...base.all(), ...own.values()] : base.all();
    list = rebuilt.size ? all.map((p) => rebuilt.get(p.code) ?? p) : all;
    applied = next;
    communeIndex = indexCommuneOffices(next, from.source);
  }
  setOverlay(entries);

  return {
    get: (code) => localized.get(code) ?? baseOf(code),
    all: () => list,
    get size() {
      return list.length;
    },
    base: baseOf,
    isNational: (code) => base.get(code) !== undefined,
    entries: () => applied,
    communes: () => communeIndex.communes,
    communeOffices(code) {
      const procedure = localized.get(code) ?? baseOf(code);
      return procedure ? communeIndex.officesFor(procedure) : null;
    },
    localProcedures: () => [...own.values()],
    setOverlay,
  };
}
