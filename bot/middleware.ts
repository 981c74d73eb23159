/**
 * Middleware is `(ctx, next) => Promise<void>`, composed onion-style as in Hono/Koa. Calling
 * `next()` a second time is a bug and is refused with a BotError.
 */
import { BotError } from './errors.ts';

export type Next = () => Promise<void>;
export type Middleware<Ctx> = (ctx: Ctx, next: Next) => Promise<void>;

export function compose<Ctx>(middleware: ReadonlyArray<Middleware<Ctx>>): (ctx: Ctx, last?: Next) => Promise<void> {
  return (ctx, last) => {
    let called = -1;
    const dispatch = async (i: number): Promise<void> => {
      if (i <= called) throw new BotError('middleware_next_twice', `middleware #${i - 1}`);
      called = i;
      const fn = middleware[i];
      if (fn) return fn(ctx, () => dispatch(i + 1));
      if (last) return last();
    };
    return dispatch(0);
  };
}
