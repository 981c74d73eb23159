/**
 * Routes are data: `{ name, selector, handler, rank }`. The highest-ranked route whose selector
 * accepts the turn handles it; equal ranks keep their order in the list.
 */
export interface Route<Ctx, Result> {
  name: string;
  /** Higher wins. */
  rank: number;
  selector: (ctx: Ctx) => boolean;
  handler: (ctx: Ctx) => Promise<Result> | Result;
}

export function selectRoute<Ctx, Result>(routes: ReadonlyArray<Route<Ctx, Result>>, ctx: Ctx): Route<Ctx, Result> | null {
  let chosen: Route<Ctx, Result> | null = null;
  for (const route of routes) {
    if ((chosen === null || route.rank > chosen.rank) && route.selector(ctx)) chosen = route;
  }
  return chosen;
}
