/**
 * The catalog the assistant answers from once a province has local data: the loaded catalog
 * (national, imported, curated — never changed) with the published overlay applied. A publish
 * swaps in the new overlay at once: only the records it touches are rebuilt.
 */
import type { Catalog } from '../catalog-store.ts';
import type { Procedure } from '../schema.ts';
import { applyOverlay, type OverlaySource } from './apply-overlay.ts';
import type { OverlayEntry } from './overlay.ts';

export interface LocalizedCatalog extends Catalog {
  /** The record without local values (what the national/curated source says). */
  base(code: string): Procedure | undefined;
  /** The published overlay entries now applied. */
  entries(): readonly OverlayEntry[];
  /** Replaces the applied overlay (the whole published set). */
  setOverlay(entries: readonly OverlayEntry[]): void;
}

export function createLocalizedCatalog(base: Pick<Catalog, 'get' | 'all'>, from: OverlaySource, entries: readonly OverlayEntry[] = []): LocalizedCatalog {
  let localized = new Map<string, Procedure>();
  let list: readonly Procedure[] = base.all();
  let applied: readonly OverlayEntry[] = [];

  function setOverlay(next: readonly OverlayEntry[]): void {
    const byCode = new Map<string, OverlayEntry[]>();
    for (const entry of next) byCode.set(entry.code, [...(byCode.get(entry.code) ?? []), entry]);
    const rebuilt = new Map<string, Procedure>();
    for (const [code, own] of byCode) {
      const procedure = base.get(code);
      if (procedure) rebuilt.set(code, applyOverlay(procedure, own, from));
    }
    localized = rebuilt;
    list = rebuilt.size ? base.all().map((p) => rebuilt.get(p.code) ?? p) : base.all();
    applied = next;
  }
  setOverlay(entries);

  return {
    get: (code) => localized.get(code) ?? base.get(code),
    all: () => list,
    get size() {
      return list.length;
    },
    base: (code) => base.get(code),
    entries: () => applied,
    setOverlay,
  };
}
