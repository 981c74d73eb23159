/**
 * The server for HTTP tests: deps/local-server.ts (buildDeps → createApp → listen on an
 * ephemeral loopback port, in-memory PGlite by default) with office hours "always" unless a test
 * says otherwise, so handoffs do not depend on the clock.
 */
import { startLocalServer, type LocalServer, type LocalServerOptions } from '../../deps/local-server.ts';

export type TestApp = LocalServer;

export function startTestApp(options: LocalServerOptions = {}): Promise<TestApp> {
  return startLocalServer({ ...options, config: { officeHours: 'always', ...options.config } });
}
