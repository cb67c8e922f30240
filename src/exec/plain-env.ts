// yaml's parser reads process.env.LOG_TOKENS once per token, and process.env is a slow native lookup (a
// quarter of the time of parsing a rendered chart): YAML is parsed against a plain copy of the environment.
// Parsing is synchronous, so nothing else can observe the swap.
export function withPlainEnv<T>(fn: () => T): T {
  const env = process.env;
  process.env = { ...env };
  try {
    return fn();
  } finally {
    process.env = env;
  }
}
