// Long waits (helm install --wait, helm test) say what they wait for and the time left, every 10 s, so a
// log never sits silent for minutes.

export function formatLeft(ms: number): string {
  const s = Math.max(0, Math.round(ms / 1000));
  return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, "0")}s` : `${s}s`;
}

export interface TickerOptions {
  /** What is waited on, e.g. `demo/default helm4: helm install --wait`. */
  what: string;
  timeoutMs: number;
  /** What is not ready yet (never throws: a failure is its own text). */
  poll: () => Promise<string>;
  print: (line: string) => void;
  intervalMs?: number;
  now?: () => number;
}

/** Starts ticking; the returned function stops it (no line is printed after it returned). Each line comes
 * on time, `intervalMs` after the one before: it shows what the poll started after the previous line found
 * (the poll must finish within the interval; waitingFor's kubectl call is bounded to 9 s). */
export function startWaitTicker(o: TickerOptions): () => void {
  const now = o.now ?? Date.now;
  const every = o.intervalMs ?? 10_000;
  const t0 = now();
  let stopped = false;
  let latest = "(reading the namespace)";
  const poll = () => {
    o.poll().then(
      (w) => {
        latest = w;
      },
      (e: unknown) => {
        latest = `(cannot tell: ${(e as Error).message})`;
      },
    );
  };
  // The first poll shortly before the first line, not at once: a quick install never calls kubectl.
  const early = setTimeout(poll, Math.max(0, every - 9_000));
  const timer = setInterval(() => {
    if (stopped) return;
    o.print(`${o.what}: waiting for ${latest}; ${formatLeft(o.timeoutMs - (now() - t0))} left`);
    poll();
  }, every);
  early.unref?.();
  timer.unref?.();
  return () => {
    stopped = true;
    clearTimeout(early);
    clearInterval(timer);
  };
}
