/**
 * The supervisors' local data (the province's overlay on the national records), as JSON for the
 * /officer/local page and API clients: find a procedure, its national and local values side by
 * side with the history, preview the citizen's answers for a change (the real composers), save
 * (published at once, as a new version), revert a version, import a template file (.csv/.xlsx,
 * valid rows applied and each bad one reported) and export the overlay in the same template.
 * Supervisors only (403 for an officer); every change is a version naming its author and reason.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type ErrorRequestHandler, type Request } from 'express';
import { z } from 'zod';
import type { TurnDeps } from '../../bot/deps.ts';
import type { Readiness } from '../../bot/readiness.ts';
import { composeFee } from '../../bot/compose/fee.ts';
import { composeHowTo } from '../../bot/compose/how-to.ts';
import { composeProcessingTime } from '../../bot/compose/processing-time.ts';
import type { Reply } from '../../bot/replies.ts';
import { foldDiacritics } from '../../knowledge/language/normalize.ts';
import { importOverlay } from '../../knowledge/local/overlay-import.ts';
import { OverlayConflictError } from '../../knowledge/local/overlay-store.ts';
import { EVERY_COMMUNE_PROCEDURE } from '../../knowledge/local/overlay.ts';
import { OverlayInputError, OverlayNotFoundError, type OverlayService } from '../../knowledge/local/overlay-service.ts';
import { OverlaySheetError, writeOverlaySheet, type SheetFormat } from '../../knowledge/local/overlay-sheet.ts';
import type { Procedure } from '../../knowledge/schema.ts';
import type { OfficerAccounts } from '../../adapters/sql/sql-officer-store.ts';
import { HttpError, errorBody } from '../http/errors.ts';
import { requireOfficer, requireSupervisor, supervisorPage } from './auth.ts';

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
const PAGE_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'";

export interface LocalRouteDeps {
  accounts: OfficerAccounts;
  overlay: OverlayService;
  assistant: Readiness<TurnDeps>;
}

const MAX_UPLOAD = '5mb';
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const EditSchema = z.object({
  code: z.string().max(40),
  channel: z.string().max(20),
  /** A xã/phường's one-stop-shop row (code `*`: every commune-level procedure). */
  commune: z.string().max(120).optional(),
  fields: z.record(z.string(), z.unknown()).nullable(),
  reason: z.string().max(500),
  expectedVersion: z.number().int().nonnegative().optional(),
});
const PreviewSchema = EditSchema.pick({ code: true, channel: true, fields: true });
const RevertSchema = z.object({ reason: z.string().max(500).default('') });
const OwnProcedureSchema = z.object({ record: z.unknown(), reason: z.string().max(500), expectedVersion: z.number().int().nonnegative().optional() });
const WithdrawSchema = z.object({ reason: z.string().max(500) });

function body<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError('invalid_request', `local data: ${parsed.error.issues[0]?.path.join('.')}`, 'Nội dung gửi lên chưa đúng mẫu (code, channel, fields, reason).');
  return parsed.data;
}

/** The overlay's refusals as catalogued HTTP errors; invalid values list each problem. */
async function overlayAction<T>(action: () => Promise<T> | T): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof OverlayInputError) throw new LocalDataInvalid(error.issues);
    if (error instanceof OverlayConflictError) throw new HttpError('local_data_conflict', error.message);
    if (error instanceof OverlayNotFoundError) throw new HttpError('local_version_not_found', error.message);
    throw error;
  }
}

/** A 400 whose body also carries `issues: [{column, message}]`. */
class LocalDataInvalid extends HttpError {
  constructor(readonly issues: Array<{ column: string; message: string }>) {
    super('local_data_invalid', 'invalid local data', `Dữ liệu địa phương chưa hợp lệ: ${issues.map((i) => `${i.column} — ${i.message}`).join('; ')}.`);
  }
}

const texts = (replies: Reply[]) => replies.map((r) => r.text).join('\n\n');

/** What a citizen would read for fee, time and where/how questions. */
function answers(procedure: Procedure) {
  return { fee: texts(composeFee(procedure)), time: texts(composeProcessingTime(procedure)), howTo: texts(composeHowTo(procedure)) };
}

const folded = (text: string) => foldDiacritics(text.normalize('NFC').toLowerCase());

export function localRoutes(deps: LocalRouteDeps): Router {
  const router = Router();
  const auth = requireOfficer(deps.accounts);
  const supervisor = (request: Request, _response: unknown, next: () => void) => {
    requireSupervisor(request);
    next();
  };
  const author = (request: Request) => request.officer!.username;
  const page = readFileSync(path.join(publicDir, 'local.html'), 'utf8');
  const script = readFileSync(path.join(publicDir, 'local.js'), 'utf8');

  router.get('/officer/local', supervisorPage(deps.accounts, page, PAGE_CSP, 'Chỉ giám sát viên mới sửa được dữ liệu địa phương.'));
  router.get('/officer/local.js', (_request, response) => {
    response.type('application/javascript').setHeader('Cache-Control', 'no-cache');
    response.send(script);
  });

  router.use('/api/officer/local', auth, supervisor);
  router.use('/api/officer/local', (_request, response, next) => {
    response.setHeader('Cache-Control', 'no-store');
    next();
  });

  router.get('/api/officer/local/procedures', (request, response) => {
    const { catalog } = deps.assistant.require();
    const q = typeof request.query.q === 'string' ? folded(request.query.q.trim()).slice(0, 200) : '';
    const local = new Set(deps.overlay.published().map((e) => e.code));
    const matches = catalog
      .all()
      .filter((p) => (q ? p.code.startsWith(q) || folded(p.name).includes(q) : local.has(p.code)))
      .slice(0, 50)
      .map((p) => ({ code: p.code, name: p.name, local: local.has(p.code) }));
    response.json({ results: matches });
  });

  router.get('/api/officer/local/procedures/:code', async (request, response) => {
    const { catalog } = deps.assistant.require();
    const code = String(request.params.code);
    const localized = catalog.get(code);
    if (!localized) throw new HttpError('procedure_not_found', `no procedure ${code}`);
    // A commune-level procedure also shows the communes' rows for every such procedure (code `*`).
    const shared = localized.levels.includes('xa');
    const entries = deps.overlay.published().filter((e) => e.code === code || (shared && e.code === EVERY_COMMUNE_PROCEDURE));
    const history = shared ? [...(await deps.overlay.history(code)), ...(await deps.overlay.history(EVERY_COMMUNE_PROCEDURE))].sort((a, b) => b.id - a.id) : await deps.overlay.history(code);
    const national = deps.overlay.national(code) ?? localized;
    const communeOffices = catalog.communeOffices?.(code) ?? null;
    response.json({ national, localized, entries, history, answers: answers(localized), nationalAnswers: answers(national), communeOffices });
  });

  router.post('/api/officer/local/preview', async (request, response) => {
    const input = body(PreviewSchema, request.body);
    const procedure = await overlayAction(() => deps.overlay.preview(input.code, input.channel, input.fields));
    response.json({ procedure, answers: answers(procedure) });
  });

  router.put('/api/officer/local/entries', async (request, response) => {
    const input = body(EditSchema, request.body);
    const [version] = await overlayAction(() => deps.overlay.edit([{ ...input, author: author(request) }]));
    request.log.info({ audit: 'local_data_changed', author: author(request), code: version!.code, channel: version!.channel, commune: version!.commune, version: version!.version }, 'local data changed');
    response.json({ version });
  });

  router.post('/api/officer/local/versions/:id/revert', async (request, response) => {
    const input = body(RevertSchema, request.body ?? {});
    const version = await overlayAction(() => deps.overlay.revert(Number(request.params.id), author(request), input.reason));
    request.log.info({ audit: 'local_data_reverted', author: author(request), code: version.code, channel: version.channel, version: version.version, revertOf: version.revertOf }, 'local data reverted');
    response.json({ version });
  });

  // The province's own procedures: whole records (the Procedure schema), versioned like the overlay.
  router.get('/api/officer/local/own-procedures', (_request, response) => {
    deps.assistant.require();
    response.json({ procedures: deps.overlay.localProcedures().map((p) => ({ code: p.code, name: p.name })) });
  });
  router.put('/api/officer/local/own-procedures', async (request, response) => {
    const input = body(OwnProcedureSchema, request.body);
    deps.assistant.require();
    const [version] = await overlayAction(() => deps.overlay.saveProcedures([{ ...input, author: author(request) }]));
    request.log.info({ audit: 'local_procedure_saved', author: author(request), code: version!.code, version: version!.version }, 'local procedure saved');
    response.json({ version });
  });
  router.delete('/api/officer/local/own-procedures/:code', async (request, response) => {
    const input = body(WithdrawSchema, request.body ?? {});
    deps.assistant.require();
    const version = await overlayAction(() => deps.overlay.withdrawProcedure(String(request.params.code), author(request), input.reason));
    request.log.info({ audit: 'local_procedure_withdrawn', author: author(request), code: version.code, version: version.version }, 'local procedure withdrawn');
    response.json({ version });
  });
  router.get('/api/officer/local/own-procedures/:code/history', async (request, response) => {
    deps.assistant.require();
    response.json({ history: await deps.overlay.procedureHistory(String(request.params.code)) });
  });
  router.post('/api/officer/local/own-procedure-versions/:id/revert', async (request, response) => {
    const input = body(RevertSchema, request.body ?? {});
    deps.assistant.require();
    const version = await overlayAction(() => deps.overlay.revertProcedure(Number(request.params.id), author(request), input.reason));
    request.log.info({ audit: 'local_procedure_reverted', author: author(request), code: version.code, version: version.version, revertOf: version.revertOf }, 'local procedure reverted');
    response.json({ version });
  });

  router.post('/api/officer/local/import', express.raw({ type: ['text/csv', XLSX_TYPE, 'application/octet-stream'], limit: MAX_UPLOAD }), async (request, response) => {
    const format: SheetFormat | null = request.is('text/csv') ? 'csv' : request.is(XLSX_TYPE) ? 'xlsx' : request.query.format === 'csv' || request.query.format === 'xlsx' ? request.query.format : null;
    if (!format || !Buffer.isBuffer(request.body) || request.body.length === 0)
      throw new HttpError('invalid_request', 'import needs a CSV or xlsx body', 'Gửi tệp .csv (text/csv) hoặc .xlsx theo mẫu dữ liệu địa phương.');
    const fileName = typeof request.query.name === 'string' && request.query.name ? request.query.name.slice(0, 120) : `tep.${format}`;
    deps.assistant.require();
    try {
      const report = await overlayAction(() => importOverlay(deps.overlay, request.body as Buffer, format, { author: author(request), fileName }));
      request.log.info({ audit: 'local_data_imported', author: author(request), applied: report.applied, unchanged: report.unchanged, rejected: report.rejected.length }, 'local data imported');
      response.json(report);
    } catch (error) {
      if (error instanceof OverlaySheetError) throw new HttpError('local_data_invalid', error.message, error.vi);
      throw error;
    }
  });

  router.get('/api/officer/local/export.:format', async (request, response) => {
    const format = request.params.format;
    if (format !== 'csv' && format !== 'xlsx') throw new HttpError('not_found', `export.${format}`);
    const { catalog } = deps.assistant.require();
    const bytes = await writeOverlaySheet(deps.overlay.published(), format, (code) => catalog.get(code)?.name);
    response.setHeader('Content-Disposition', `attachment; filename="du-lieu-dia-phuong.${format}"`);
    response.type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_TYPE).send(bytes);
  });

  // Invalid values answer 400 with each problem: {"error": {"code", "message", "issues": [{column, message}]}}.
  const invalid: ErrorRequestHandler = (error, _request, response, next) => {
    if (!(error instanceof LocalDataInvalid)) return next(error);
    const { error: base } = errorBody(error);
    response.status(400).json({ error: { code: base.code, message: base.message, issues: error.issues } });
  };
  router.use('/api/officer/local', invalid);
  return router;
}
