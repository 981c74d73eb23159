/**
 * The supervisors' insights: the page /officer/insights (charts drawn by chart.js, served from
 * node_modules by this app — never a CDN), GET /api/officer/insights?from&to (the report as JSON,
 * each unanswered group with the learned phrasings of its wording), GET
 * /api/officer/insights/unanswered.csv (the unanswered questions), and the learned phrasings: a
 * citizen's wording attached to the procedure they meant (POST), listed (GET) and removed
 * (DELETE), each re-indexing at once. Supervisors only; every change is logged with its author.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type ErrorRequestHandler, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import type { TurnDeps } from '../../bot/deps.ts';
import { InsightRangeError, buildInsights, questionKey, startOfDay, unansweredCsv, type DayRange, type InsightsReport } from '../../bot/insights/insights.ts';
import type { InsightStore } from '../../bot/insights/insight-store.ts';
import type { Readiness } from '../../bot/readiness.ts';
import type { OfficerAccounts } from '../../adapters/sql/sql-officer-store.ts';
import { LearnedPhrasingExistsError, type LearnedPhrasing } from '../../knowledge/local/learned-phrasings.ts';
import { OverlayInputError, OverlayNotFoundError, type OverlayIssue, type OverlayService } from '../../knowledge/local/overlay-service.ts';
import { HttpError, errorBody } from '../http/errors.ts';
import { requireOfficer, requireSupervisor, supervisorPage } from './auth.ts';

const publicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');
/** chart.js's own browser build, as installed (package.json pins the version). */
const chartJsFile = path.join(path.dirname(createRequire(import.meta.url).resolve('chart.js')), 'chart.umd.min.js');

const PAGE_CSP = "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'";
const DEFAULT_DAYS = 30;
const MS_PER_DAY = 86_400_000;

export interface InsightRouteDeps {
  accounts: OfficerAccounts;
  insights: InsightStore;
  assistant: Readiness<TurnDeps>;
  /** Where learned phrasings are added and removed (the local overlay's service, which re-indexes). */
  phrasings: Pick<OverlayService, 'addPhrasing' | 'removePhrasing' | 'phrasings'>;
  now?: () => Date;
}

const RemoveSchema = z.object({ reason: z.string().max(500) }).partial();

/** A 400 whose body also carries `issues: [{column, message}]`. */
class PhrasingInvalid extends HttpError {
  constructor(readonly issues: OverlayIssue[]) {
    super('phrasing_invalid', 'invalid learned phrasing', `Cách hỏi chưa hợp lệ: ${issues.map((i) => `${i.column} — ${i.message}`).join('; ')}.`);
  }
}

/** The phrasing service's refusals as catalogued HTTP errors. */
async function phrasingAction<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof OverlayInputError) throw new PhrasingInvalid(error.issues);
    if (error instanceof LearnedPhrasingExistsError)
      throw new HttpError('phrasing_exists', error.message, `Cách hỏi này đã được thêm cho thủ tục ${error.existing.code} (ngày ${error.existing.at.toISOString().slice(0, 10)}, ${error.existing.author}).`);
    if (error instanceof OverlayNotFoundError) throw new HttpError('phrasing_not_found', error.message);
    throw error;
  }
}

type LearnedView = Omit<LearnedPhrasing, 'removed'> & { name: string | null; key: string };

/** Today in Vietnam, `YYYY-MM-DD`. */
const vietnamDay = (at: Date): string => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

function dayRange(request: Request, now: Date): DayRange {
  const to = typeof request.query.to === 'string' && request.query.to ? request.query.to : vietnamDay(now);
  const end = startOfDay(to);
  const from =
    typeof request.query.from === 'string' && request.query.from
      ? request.query.from
      : vietnamDay(new Date(end.getTime() - (DEFAULT_DAYS - 1) * MS_PER_DAY));
  return { from, to };
}

const RANGE_MESSAGE = 'Khoảng thời gian không hợp lệ: chọn ngày dạng năm-tháng-ngày, ngày bắt đầu không sau ngày kết thúc, tối đa 366 ngày.';

export function insightRoutes(deps: InsightRouteDeps): Router {
  const router = Router();
  const page = readFileSync(path.join(publicDir, 'insights.html'), 'utf8');
  const script = readFileSync(path.join(publicDir, 'insights.js'), 'utf8');
  let chartJs: string | null = null;
  const now = deps.now ?? (() => new Date());
  const auth = requireOfficer(deps.accounts);
  const supervisor: RequestHandler = (request, _response, next) => {
    requireSupervisor(request);
    next();
  };
  const nameOf = (code: string) => deps.assistant.current()?.catalog.get(code)?.name ?? null;
  const author = (request: Request) => request.officer!.username;
  const learned = (): LearnedView[] => deps.phrasings.phrasings().map(({ removed: _removed, ...p }) => ({ ...p, name: nameOf(p.code), key: questionKey(p.text) }));

  /** The report with the learned phrasings, and each unanswered group with those of its wording. */
  function withLearned(report: InsightsReport) {
    const list = learned();
    return {
      ...report,
      unanswered: report.unanswered.map((group) => ({ ...group, learned: list.filter((p) => p.key === group.key).map((p) => ({ id: p.id, code: p.code, name: p.name })) })),
      learned: list,
    };
  }

  async function report(request: Request) {
    try {
      return await buildInsights(deps.insights, dayRange(request, now()), nameOf);
    } catch (error) {
      if (error instanceof InsightRangeError) throw new HttpError('invalid_request', `insights: ${error.message}`, RANGE_MESSAGE);
      throw error;
    }
  }

  router.get('/officer/insights', supervisorPage(deps.accounts, page, PAGE_CSP, 'Chỉ giám sát viên mới xem được trang thống kê.'));
  router.get('/officer/insights.js', (_request, response) => {
    response.type('application/javascript').setHeader('Cache-Control', 'no-cache');
    response.send(script);
  });
  router.get('/officer/vendor/chart.umd.min.js', (_request, response) => {
    chartJs ??= readFileSync(chartJsFile, 'utf8');
    response.type('application/javascript').setHeader('Cache-Control', 'public, max-age=86400');
    response.send(chartJs);
  });

  router.get('/api/officer/insights', auth, supervisor, async (request, response) => {
    response.setHeader('Cache-Control', 'no-store');
    response.json(withLearned(await report(request)));
  });

  router.get('/api/officer/insights/phrasings', auth, supervisor, (_request, response) => {
    deps.assistant.require();
    response.setHeader('Cache-Control', 'no-store');
    response.json({ phrasings: learned() });
  });
  router.post('/api/officer/insights/phrasings', auth, supervisor, async (request, response) => {
    deps.assistant.require();
    const phrasing = await phrasingAction(() => deps.phrasings.addPhrasing(request.body, author(request)));
    request.log.info({ audit: 'learned_phrasing_added', author: author(request), id: phrasing.id, code: phrasing.code, words: phrasing.words }, 'learned phrasing added');
    response.status(201).json({ phrasing });
  });
  router.delete('/api/officer/insights/phrasings/:id', auth, supervisor, async (request, response) => {
    const input = RemoveSchema.safeParse(request.body ?? {});
    if (!input.success) throw new PhrasingInvalid([{ column: 'reason', message: 'lý do phải là chữ, tối đa 500 ký tự' }]);
    deps.assistant.require();
    const id = Number(request.params.id);
    const phrasing = await phrasingAction(() => deps.phrasings.removePhrasing(id, author(request), input.data.reason ?? ''));
    request.log.info({ audit: 'learned_phrasing_removed', author: author(request), id: phrasing.id, code: phrasing.code, words: phrasing.words }, 'learned phrasing removed');
    response.json({ phrasing });
  });

  // Invalid phrasings answer 400 with each problem: {"error": {"code", "message", "issues": [{column, message}]}}.
  const invalid: ErrorRequestHandler = (error, _request, response, next) => {
    if (!(error instanceof PhrasingInvalid)) return next(error);
    const { error: base } = errorBody(error);
    response.status(400).json({ error: { code: base.code, message: base.message, issues: error.issues } });
  };
  router.use('/api/officer/insights/phrasings', invalid);
  router.get('/api/officer/insights/unanswered.csv', auth, supervisor, async (request, response) => {
    const insights = await report(request);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Content-Disposition', `attachment; filename="cau-hoi-chua-tra-loi-${insights.range.from}-${insights.range.to}.csv"`);
    response.type('text/csv; charset=utf-8').send(unansweredCsv(insights.unanswered));
  });
  return router;
}
