/**
 * DossierSource over an external one-stop lookup API (DOSSIER_API_URL), with a timeout per
 * attempt and retries on transient failures. Every failure is converted here, where it
 * arrives, into DossierSourceUnavailableError (the bot answers "hệ thống tra cứu đang bận").
 *
 * Wire format (JSON over HTTP):
 *   GET {DOSSIER_API_URL}/dossiers/{code}      code URL-encoded, canonical (000.00.19.H53-240101-0001)
 *   Accept: application/json
 *   Authorization: Bearer {DOSSIER_API_TOKEN}  only when a token is configured
 *
 *   200 {"dossier": {"code", "procedureCode", "procedureName"?, "receivedAt", "dueAt", "status",
 *                    "step"?, "agency"?, "note"?, "applicant": {"name", "phone"}, "updatedAt"?}}
 *       — the same fields and vocabulary as PUT /api/integration/dossiers/:code
 *   404 no dossier with this code (any body)
 *   429, 5xx, timeout, connection error — transient: retried, then "unavailable"
 *   any other status, or a 200 whose body does not match — "unavailable" at once
 */
import { parseDossierCode } from '../../knowledge/dossiers/dossier-code.ts';
import { DossierInputError, parseDossierInput, toDossier, type Dossier } from '../../knowledge/dossiers/dossier.ts';
import { DossierSourceUnavailableError, type DossierSource } from '../../knowledge/dossiers/dossier-source.ts';

export interface HttpDossierSourceOptions {
  baseUrl: string;
  token?: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** Extra attempts after a transient failure. */
  retries?: number;
  /** Wait before retry n (1-based); doubled each time. */
  backoffMs?: number;
  fetch?: typeof fetch;
}

class Transient extends Error {}

export function createHttpDossierSource(options: HttpDossierSourceOptions): DossierSource {
  const base = options.baseUrl.replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 3000;
  const retries = options.retries ?? 2;
  const backoffMs = options.backoffMs ?? 200;
  const doFetch = options.fetch ?? fetch;
  const name = 'external';

  async function attempt(code: string): Promise<Dossier | null> {
    let response: Response;
    try {
      response = await doFetch(`${base}/dossiers/${encodeURIComponent(code)}`, {
        headers: { accept: 'application/json', ...(options.token ? { authorization: `Bearer ${options.token}` } : {}) },
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
      throw new Transient(timedOut ? `no answer within ${timeoutMs} ms` : `connection failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (response.status === 404) {
      await response.body?.cancel();
      return null;
    }
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      throw new Transient(`HTTP ${response.status}`);
    }
    if (response.status !== 200) {
      await response.body?.cancel();
      throw new DossierSourceUnavailableError(name, `unexpected HTTP ${response.status}`);
    }
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new DossierSourceUnavailableError(name, 'response is not JSON', { cause: error });
    }
    return toValidDossier(code, body);
  }

  function toValidDossier(code: string, body: unknown): Dossier {
    const record = (body as { dossier?: unknown } | null)?.dossier;
    if (!record || typeof record !== 'object') throw new DossierSourceUnavailableError(name, 'response has no "dossier" object');
    const answered = parseDossierCode(String((record as { code?: unknown }).code ?? ''));
    if (answered !== code) throw new DossierSourceUnavailableError(name, 'response is about another dossier code');
    try {
      const updatedAt = (record as { updatedAt?: unknown }).updatedAt;
      const when = typeof updatedAt === 'string' && !Number.isNaN(Date.parse(updatedAt)) ? new Date(updatedAt) : new Date();
      return toDossier(code, parseDossierInput(record), when);
    } catch (error) {
      const detail = error instanceof DossierInputError ? error.message : 'invalid dossier';
      throw new DossierSourceUnavailableError(name, `response ${detail}`, { cause: error });
    }
  }

  return {
    name,
    async find(code) {
      let last = '';
      for (let n = 0; n <= retries; n += 1) {
        if (n > 0) await new Promise((resolve) => setTimeout(resolve, backoffMs * 2 ** (n - 1)));
        try {
          return await attempt(code);
        } catch (error) {
          if (!(error instanceof Transient)) throw error;
          last = error.message;
        }
      }
      throw new DossierSourceUnavailableError(name, `${last} (after ${retries + 1} attempts)`);
    },
  };
}
