/**
 * The supervisors' insights: the page /officer/insights (charts drawn by chart.js, served from
 * node_modules by this app — never a CDN), GET /api/officer/insights?from&to (the report as JSON)
 * and GET /api/officer/insights/unanswered.csv (the unanswered questions). Supervisors only.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router, type Request, type RequestHandler } from 'express';
import type { TurnDeps } from '../../bot/deps.ts';
import { InsightRangeError, buildInsights, startOfDay, unansweredCsv, type DayRange } from '../../bot/insights/insights.ts';
import type { InsightStore } from '../../bot/insights/insight-store.ts';
import type { Readiness } from '../../bot/readiness.ts';
import type { OfficerAccounts } from '../../adapters/sql/sql-officer-store.ts';
import { HttpError } from '../http/errors.ts';
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
  now?: () => Date;
}

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
    response.json(await report(request));
  });
  router.get('/api/officer/insights/unanswered.csv', auth, supervisor, async (request, response) => {
    const insights = await report(request);
    response.setHeader('Cache-Control', 'no-store');
    response.setHeader('Content-Disposition', `attachment; filename="cau-hoi-chua-tra-loi-${insights.range.from}-${insights.range.to}.csv"`);
    response.type('text/csv; charset=utf-8').send(unansweredCsv(insights.unanswered));
  });
  return router;
}
