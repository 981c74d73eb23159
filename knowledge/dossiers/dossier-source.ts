/**
 * The DossierSource seam: where dossiers are looked up by code. Implementations: the built-in
 * store (sql-dossier-store.ts, fed by the integration API and the bulk import) and the adapter
 * to an external one-stop lookup API (channels/dossiers/http-dossier-source.ts).
 */
import type { Dossier } from './dossier.ts';

export interface DossierSource {
  /** For logs and the audit log. */
  readonly name: string;
  /**
   * The dossier with this canonical code, or null when the source holds none. Throws
   * DossierSourceUnavailableError when it cannot answer (down, timing out, answering nonsense).
   */
  find(code: string): Promise<Dossier | null>;
}

export class DossierSourceUnavailableError extends Error {
  constructor(
    readonly source: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super(`dossier source ${source} unavailable: ${detail}`, options);
    this.name = 'DossierSourceUnavailableError';
  }
}

/** Asks each source in turn; the first that finds the dossier answers. */
export function chainDossierSources(sources: DossierSource[]): DossierSource {
  if (sources.length === 1) return sources[0] as DossierSource;
  return {
    name: sources.map((s) => s.name).join('+'),
    async find(code) {
      for (const source of sources) {
        const found = await source.find(code);
        if (found) return found;
      }
      return null;
    },
  };
}
