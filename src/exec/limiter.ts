// Bounded concurrency for external programs (helm, kubesec): about one per core.
/** `fn` for every item, at most `limit` at once (at least one), started in the items' order. */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  fn: (t: T) => Promise<void>,
): Promise<void> {
  const slot = limiter(Math.max(1, limit));
  await Promise.all(items.map((t) => slot(() => fn(t))));
}

/** At most `limit` calls of the returned function run at once; the others wait in call order. */
export function limiter(limit: number): <R>(fn: () => Promise<R>) => Promise<R> {
  let active = 0;
  const waiting: Array<() => void> = [];
  return async (fn) => {
    if (active < limit) active++;
    else await new Promise<void>((go) => waiting.push(go));
    try {
      return await fn();
    } finally {
      // The slot passes straight to the next waiter, so nobody can overtake it.
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}
