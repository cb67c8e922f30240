// HTTP as the E2E checks use it against a port-forwarded Service: every answer kept whole for the outcome's
// evidence, a bounded wait per request, and errors that name the request and the first of the answer.

export interface Answer {
  status: number;
  body: string;
}

/** One request; never throws for an HTTP status (the caller decides), throws when nothing answered. */
export async function request(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
  timeoutMs = 15_000,
): Promise<Answer> {
  const r = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
  return { status: r.status, body: await r.text() };
}

/** The JSON of an answer, or an error naming what answered what. */
export function jsonOf<T>(a: Answer, what: string): T {
  try {
    return JSON.parse(a.body) as T;
  } catch {
    throw new Error(`${what} answered HTTP ${a.status} without JSON: ${a.body.slice(0, 200)}`);
  }
}
