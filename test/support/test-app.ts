/**
 * The server for HTTP tests: deps/local-server.ts (buildDeps → createApp → listen on an
 * ephemeral loopback port, in-memory PGlite by default) with office hours "always" (handoffs do
 * not depend on the clock) and the curated catalog (CATALOG=curated: small and quick to load)
 * unless a test says otherwise.
 */
import { startLocalServer, type LocalServer, type LocalServerOptions } from '../../deps/local-server.ts';

export type TestApp = LocalServer;

export function startTestApp(options: LocalServerOptions = {}): Promise<TestApp> {
  return startLocalServer({ ...options, config: { officeHours: 'always', catalog: 'curated', ...options.config } });
}
