/**
 * Small HTTP helpers for the officer API and the citizen's event stream (the server itself comes
 * from test-app.ts).
 */
export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export async function call<T = any>(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
  const response = await fetch(url, {
    method,
    headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

export async function login(base: string, username: string, password: string): Promise<{ token: string; csrfToken: string; cookie: string; auth: Record<string, string> }> {
  const response = await call(`${base}/api/officer/login`, 'POST', { username, password });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${JSON.stringify(response.body)}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
  return { token: response.body.token, csrfToken: response.body.csrfToken, cookie, auth: { authorization: `Bearer ${response.body.token}` } };
}

export async function chat(base: string, text: string, conversationId?: string, payload?: string): Promise<any> {
  const response = await call(`${base}/api/chat`, 'POST', { text, ...(conversationId ? { conversationId } : {}), ...(payload ? { payload } : {}) });
  if (response.status !== 200) throw new Error(`chat: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** Reads a server-sent event stream, collecting parsed `data:` lines; `next(predicate)` waits for one. */
export function openEventStream(url: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const received: any[] = [];
  const waiters: Array<{ predicate: (event: any) => boolean; resolve: (event: any) => void }> = [];
  let resolveOpen!: () => void;
  const opened = new Promise<void>((resolve) => (resolveOpen = resolve));
  let resolveEnded!: (how: 'server' | 'aborted') => void;
  const ended = new Promise<'server' | 'aborted'>((resolve) => (resolveEnded = resolve));
  void (async () => {
    try {
      const response = await fetch(url, { headers, signal: controller.signal });
      resolveOpen();
      const reader = response.body!.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) {
          resolveEnded('server');
          break;
        }
        buffer += decoder.decode(value, { stream: true });
        let cut: number;
        while ((cut = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, cut);
          buffer = buffer.slice(cut + 2);
          const data = block.split('\n').filter((l) => l.startsWith('data: ')).map((l) => l.slice(6)).join('\n');
          if (!data) continue;
          const event = JSON.parse(data);
          received.push(event);
          for (const waiter of [...waiters]) {
            if (waiter.predicate(event)) {
              waiters.splice(waiters.indexOf(waiter), 1);
              waiter.resolve(event);
            }
          }
        }
      }
    } catch {
      resolveOpen();
      resolveEnded('aborted');
    }
  })();
  return {
    received,
    opened,
    /** Settles when the stream ends: 'server' when the server closed it, 'aborted' otherwise. */
    ended,
    next(predicate: (event: any) => boolean, timeoutMs = 5000): Promise<any> {
      const already = received.find(predicate);
      if (already) return Promise.resolve(already);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching event within ${timeoutMs} ms; got ${JSON.stringify(received)}`)), timeoutMs);
        waiters.push({ predicate, resolve: (event) => { clearTimeout(timer); resolve(event); } });
      });
    },
    close: () => controller.abort(),
  };
}
