/**
 * What may reach a log line about an error: its class, a message with stack frames, file paths
 * and SQL removed, and the codes that help an operator (Postgres SQLSTATE, Next's digest, which
 * the error page shows the user). Never the stack, a query, its parameters or a row's detail.
 */
export interface SafeError {
  type: string;
  message: string;
  code?: string;
  digest?: string;
  cause?: SafeError;
}

const MAX_MESSAGE = 500;
// Drizzle's DrizzleQueryError and similar wrappers print the statement and its parameters.
const SQL_MESSAGE =
  /\b(failed query|params:|select\s.+\sfrom|insert\s+into|update\s.+\sset|delete\s+from)\b/is;
const STACK_FRAME = /^\s*at\s.+$/gm;
// Absolute and relative paths to source or build files, and anything under the app's folder.
const FILE_PATH =
  /(?:file:\/\/)?(?:[A-Za-z]:)?(?:\.{0,2}\/)?(?:[\w@.[\]()+-]+\/)+[\w@.[\]()+-]*\.(?:[cm]?[jt]sx?|json|node|wasm|map)\b(?::\d+)*/g;
// Terminal colour codes Next puts around its "⨯".
const ANSI = /\u001b\[[0-9;]*m/g;
const ROOTED_PATH = /(?:^|[\s'"`(])\/(?:home|work|root|usr|var|tmp|opt|srv|app|Users)\/[^\s'"`)]*/g;

/** A message with stack frames, paths and SQL removed, on one line, capped. */
export function safeText(text: string): string {
  if (SQL_MESSAGE.test(text)) return 'database query failed (statement withheld)';
  return text
    .replace(STACK_FRAME, '')
    .replace(FILE_PATH, '<file>')
    .replace(ROOTED_PATH, (match) => `${match.startsWith('/') ? '' : match[0]}<path>`)
    .replace(/\s*\n\s*/g, ' ')
    .trim()
    .slice(0, MAX_MESSAGE);
}

function pick(value: unknown, key: string): string | undefined {
  const found = (value as Record<string, unknown>)[key];
  return typeof found === 'string' || typeof found === 'number' ? String(found) : undefined;
}

/** The loggable summary of anything thrown. */
export function safeError(error: unknown, depth = 0): SafeError {
  if (!(error instanceof Error)) return { type: typeof error, message: safeText(String(error)) };
  const summary: SafeError = { type: error.name, message: safeText(error.message) };
  const code = pick(error, 'code');
  if (code && /^[\w.-]{1,40}$/.test(code)) summary.code = code;
  const digest = pick(error, 'digest');
  if (digest) summary.digest = digest.slice(0, 64);
  if (error.cause !== undefined && depth < 2) summary.cause = safeError(error.cause, depth + 1);
  return summary;
}

interface Sink {
  error: (obj: object, msg: string) => void;
  warn: (obj: object, msg: string) => void;
}

/**
 * Routes console.error and console.warn, where Next reports request errors (with stacks and
 * file paths), through safeError into the structured log. Installed once per server process.
 */
export function installSafeConsole(sink: () => Sink): void {
  const key = Symbol.for('contact-cards.safe-console');
  const g = globalThis as Record<symbol, unknown>;
  if (g[key]) return;
  g[key] = true;
  for (const level of ['error', 'warn'] as const) {
    const original = console[level].bind(console);
    console[level] = (...args: unknown[]) => {
      const errors = args.filter((a): a is Error => a instanceof Error).map((e) => safeError(e));
      const text = args
        .filter((a) => !(a instanceof Error) && (typeof a === 'string' || typeof a === 'number'))
        .map((a) => safeText(String(a).replace(ANSI, '')).replace(/^⨯\s*/, ''))
        .join(' ');
      const digest = args
        .map((a) => (a && typeof a === 'object' ? pick(a, 'digest') : undefined))
        .find(Boolean);
      const fields = { event: `framework_${level}`, errors, ...(digest ? { digest } : {}) };
      try {
        sink()[level](fields, text || errors[0]?.message || '');
      } catch {
        original(JSON.stringify({ ...fields, msg: text }));
      }
    };
  }
}
