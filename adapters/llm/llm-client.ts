/**
 * A minimal OpenAI-compatible chat-completions client (POST {baseUrl}/chat/completions): plain
 * fetch with a timeout, no SDK. Works with OpenAI-style services and with Ollama's /v1 endpoint.
 * Every failure becomes an LlmError with a stable code; no error, message or log line carries
 * the API key or the response body (a 401 body may echo part of the key).
 */
import { z } from 'zod';

export interface LlmEndpoint {
  /** e.g. https://api.example.com/v1 or http://127.0.0.1:11434/v1 */
  baseUrl: string;
  model: string;
  /** Sent as a Bearer token when set; never logged. */
  apiKey?: string;
  timeoutMs: number;
  /** For tests; defaults to the global fetch. */
  fetch?: typeof fetch;
}

export interface ChatMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export const LLM_ERRORS = {
  llm_timeout: 'the LLM did not answer in time',
  llm_unreachable: 'the LLM endpoint could not be reached',
  llm_http_status: 'the LLM endpoint answered with an error status',
  llm_bad_response: 'the LLM answer is not a chat completion',
} as const;

export type LlmErrorCode = keyof typeof LLM_ERRORS;

export class LlmError extends Error {
  constructor(
    readonly code: LlmErrorCode,
    /** Developer detail without secrets (status code, error name). */
    detail?: string,
  ) {
    super(detail ? `${LLM_ERRORS[code]}: ${detail}` : LLM_ERRORS[code]);
    this.name = 'LlmError';
  }
}

const CompletionSchema = z.object({
  choices: z
    .array(z.object({ message: z.object({ content: z.string() }) }))
    .min(1),
});

/** Where requests go, for logs: host only (no path, no credentials in the URL). */
export function endpointHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return '(invalid url)';
  }
}

export async function chatCompletion(endpoint: LlmEndpoint, messages: ChatMessage[]): Promise<string> {
  const doFetch = endpoint.fetch ?? fetch;
  const url = `${endpoint.baseUrl.replace(/\/+$/u, '')}/chat/completions`;
  const signal = AbortSignal.timeout(endpoint.timeoutMs);
  let response: Response;
  try {
    response = await doFetch(url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(endpoint.apiKey ? { authorization: `Bearer ${endpoint.apiKey}` } : {}),
      },
      body: JSON.stringify({ model: endpoint.model, messages, temperature: 0.2, stream: false }),
      signal,
    });
  } catch (error) {
    throw signal.aborted ? new LlmError('llm_timeout', `${endpoint.timeoutMs} ms`) : new LlmError('llm_unreachable', errorName(error));
  }
  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    throw new LlmError('llm_http_status', String(response.status));
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    throw signal.aborted ? new LlmError('llm_timeout', `${endpoint.timeoutMs} ms`) : new LlmError('llm_bad_response', 'not JSON');
  }
  const parsed = CompletionSchema.safeParse(body);
  if (!parsed.success) throw new LlmError('llm_bad_response', 'no choices[0].message.content');
  return parsed.data.choices[0]!.message.content;
}

/** "TypeError (ECONNREFUSED)" — the kind of failure, not its text (which may quote the URL). */
function errorName(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const cause = (error as { cause?: { code?: unknown } }).cause;
  return typeof cause?.code === 'string' ? `${error.name} (${cause.code})` : error.name;
}
