/**
 * A server-sent-events response: the headers proxies need to pass it through unbuffered, a
 * reconnect delay, a heartbeat comment so idle connections stay open, and cleanup when the client
 * goes away. Used by the citizen's chat stream and the officer console's stream.
 */
import type { Request, Response } from 'express';

const HEARTBEAT_MS = 25_000;
const RETRY_MS = 3_000;

export interface EventStream {
  /** One event; `id` lets the browser resume with Last-Event-ID. */
  send(data: unknown, id?: number): void;
  /** Runs when the client disconnects or the server ends the stream (after the heartbeat stops). */
  onClose(cleanup: () => void): void;
  /** Ends the stream from the server's side (the session ended): cleanups run, the response closes. */
  end(): void;
}

export function openEventStream(request: Request, response: Response): EventStream {
  response.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache, no-transform',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  response.write(`retry: ${RETRY_MS}\n\n`);
  const heartbeat = setInterval(() => response.write(': ping\n\n'), HEARTBEAT_MS);
  const cleanups: Array<() => void> = [() => clearInterval(heartbeat)];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    for (const cleanup of cleanups) cleanup();
  };
  request.on('close', close);
  return {
    send(data, id) {
      response.write(`${id !== undefined ? `id: ${id}\n` : ''}data: ${JSON.stringify(data)}\n\n`);
    },
    onClose(cleanup) {
      cleanups.push(cleanup);
    },
    end() {
      close();
      response.end();
    },
  };
}
