/**
 * The communes' one-stop shops from the published overlay: for one procedure, each commune's
 * row for it over that commune's `*` row (every commune-level procedure), field by field. The
 * record itself is not changed — answers ask for the offices when a citizen asks where to go.
 */
import type { Procedure } from '../schema.ts';
import { EVERY_COMMUNE_PROCEDURE, type CommuneOffice, type OverlayEntry } from './overlay.ts';

/** What the assistant may say about where a commune-level procedure is done, with its source. */
export interface CommuneOffices {
  /** Who published them ("UBND tỉnh …"). */
  source: string;
  /** ISO date of the latest change among them. */
  updatedOn: string;
  /** By commune name (Vietnamese order). */
  offices: CommuneOffice[];
}

export interface CommuneIndex {
  /** Every commune named in the overlay. */
  communes: readonly string[];
  officesFor(procedure: Procedure): CommuneOffices | null;
}

const byName = new Intl.Collator('vi').compare;

export function indexCommuneOffices(entries: readonly OverlayEntry[], source: string): CommuneIndex {
  const rows = entries.filter((e): e is OverlayEntry & { commune: string } => e.commune !== undefined);
  const every = rows.filter((e) => e.code === EVERY_COMMUNE_PROCEDURE);
  const byCode = new Map<string, Array<OverlayEntry & { commune: string }>>();
  for (const row of rows) if (row.code !== EVERY_COMMUNE_PROCEDURE) byCode.set(row.code, [...(byCode.get(row.code) ?? []), row]);
  const communes = [...new Set(rows.map((r) => r.commune))].sort(byName);
  return {
    communes,
    officesFor(procedure) {
      const own = byCode.get(procedure.code) ?? [];
      const shared = procedure.levels.includes('xa') ? every : [];
      if (own.length === 0 && shared.length === 0) return null;
      const merged = new Map<string, CommuneOffice>();
      let latest = 0;
      for (const row of [...shared, ...own]) {
        latest = Math.max(latest, row.at.getTime());
        const { address, hours, phone } = row.fields;
        merged.set(row.commune, {
          ...merged.get(row.commune),
          commune: row.commune,
          ...(address ? { address } : {}),
          ...(hours ? { hours } : {}),
          ...(phone ? { phone } : {}),
        });
      }
      const offices = [...merged.values()].sort((a, b) => byName(a.commune, b.commune));
      return { source, updatedOn: new Date(latest).toISOString().slice(0, 10), offices };
    },
  };
}
