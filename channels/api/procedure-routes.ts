/** Read-only procedure API: the structured record by code, and search. */
import { Router } from 'express';
import { z } from 'zod';
import { LEVEL_LABELS } from '../../knowledge/schema.ts';
import { HttpError } from '../http/errors.ts';
import type { TurnDeps } from '../../bot/deps.ts';
import type { Readiness } from '../../bot/readiness.ts';

export const MAX_QUERY_LENGTH = 500;

const SearchQuerySchema = z.object({
  q: z.string().trim().min(1).max(MAX_QUERY_LENGTH),
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export function procedureRoutes(assistant: Readiness<TurnDeps>): Router {
  const router = Router();

  router.get('/api/procedures/search', async (request, response) => {
    const parsed = SearchQuerySchema.safeParse({ q: request.query.q ?? '', limit: request.query.limit });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'q');
      const message =
        field === 'limit'
          ? 'Tham số limit phải là số nguyên từ 1 đến 50.'
          : `Vui lòng nhập câu hỏi tìm kiếm (tham số q, từ 1 đến ${MAX_QUERY_LENGTH} ký tự).`;
      throw new HttpError('invalid_request', `invalid ${field}`, message);
    }
    const { retriever } = assistant.require();
    const hits = await retriever.search(parsed.data.q, { limit: parsed.data.limit });
    response.json({
      results: hits.map((hit) => ({
        code: hit.procedure.code,
        name: hit.procedure.name,
        level: hit.procedure.levels.map((level) => LEVEL_LABELS[level]).join(', '),
        score: Number(hit.score.toFixed(4)),
        ...(hit.variants.length ? { variants: hit.variants } : {}),
      })),
    });
  });

  router.get('/api/procedures/:code', (request, response) => {
    const { catalog } = assistant.require();
    const procedure = catalog.get(request.params.code);
    if (!procedure) throw new HttpError('procedure_not_found', `no procedure ${request.params.code}`);
    response.json(procedure);
  });

  return router;
}
