import 'server-only';
import { z } from 'zod';

/**
 * Every variable an operator sets, validated once; the app reads them only through getConfig().
 * The few other reads of `process.env` are not settings: values the build or the process set
 * (NEXT_RUNTIME in instrumentation.ts, APP_ROUTE_PATTERNS in lib/auth/route-access.mts, the
 * custom server's pid in lib/server/handover.mts), and server/index.ts reading PORT, HOSTNAME
 * and TRUST_PROXY to bind its socket before Next, and so this module, is loaded.
 * Edge-safe (no Node APIs): the middleware uses it too.
 */
const seconds = (fallback: number) => z.coerce.number().int().positive().default(fallback);

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  SESSION_SECRET: z
    .string({
      error:
        'is required (at least 32 characters; `npm start` generates one for the embedded database)',
    })
    .transform((value) => value.split(',').map((s) => s.trim()))
    .pipe(z.array(z.string().min(32, 'each secret must be at least 32 characters')).min(1)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SESSION_IDLE_TIMEOUT: seconds(30 * 60),
  SESSION_ABSOLUTE_TIMEOUT: seconds(12 * 60 * 60),
  // Sign-in throttling (docs/decisions/014-sign-in-throttling.md): a hard lock per
  // (username, address), a growing delay per username, a failure budget per known device.
  THROTTLE_PAIR_FAILURES: z.coerce.number().int().positive().default(5),
  THROTTLE_PAIR_WINDOW: seconds(15 * 60),
  THROTTLE_ACCOUNT_FAILURES: z.coerce.number().int().positive().default(3),
  THROTTLE_ACCOUNT_WINDOW: seconds(24 * 60 * 60),
  THROTTLE_ACCOUNT_MAX_DELAY: seconds(15 * 60),
  THROTTLE_DEVICE_FAILURES: z.coerce.number().int().positive().default(10),
  THROTTLE_IP_PER_MINUTE: z.coerce.number().int().positive().default(20),
  // How many proxies in front of the app append to X-Forwarded-For ("true" means one).
  TRUST_PROXY: z
    .string()
    .default('0')
    .transform((v) => Number(v === 'true' ? 1 : v === 'false' ? 0 : v))
    .pipe(
      z
        .number({ error: 'must be a whole number of proxies (0 to 10), true or false' })
        .int()
        .min(0)
        .max(10),
    ),
  DEFAULT_PHONE_REGION: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code such as US or GB')
    .default('US'),
  DB_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),
  DB_STATEMENT_TIMEOUT: z.coerce.number().int().min(100).default(5000),
  // The public address of the app, for links in mail and the passkeys' relying party; links are
  // never built from a request's Host header (that would let anyone aim a reset link elsewhere).
  APP_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .transform((v) => new URL(v).origin)
    .optional(),
  // Mail for email verification and password resets (nodemailer's smtp:// or smtps:// URL).
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().max(254).optional(),
  // How long a sign-in or a re-authentication vouches for security changes ("sudo mode").
  REAUTH_WINDOW: seconds(15 * 60),
});

export type Config = z.infer<typeof schema>;

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Parses an environment object; throws a ConfigError naming each bad variable. */
export function parseConfig(env: Record<string, string | undefined>): Config {
  // Empty strings mean "unset", as in most .env tooling.
  const cleaned = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = schema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Config | undefined;

/** The validated configuration of this process, parsed on first use. */
export function getConfig(): Config {
  cached ??= parseConfig({
    NODE_ENV: process.env.NODE_ENV,
    PORT: process.env.PORT,
    DATA_DIR: process.env.DATA_DIR,
    DATABASE_URL: process.env.DATABASE_URL,
    SESSION_SECRET: process.env.SESSION_SECRET,
    LOG_LEVEL: process.env.LOG_LEVEL,
    SESSION_IDLE_TIMEOUT: process.env.SESSION_IDLE_TIMEOUT,
    SESSION_ABSOLUTE_TIMEOUT: process.env.SESSION_ABSOLUTE_TIMEOUT,
    THROTTLE_PAIR_FAILURES: process.env.THROTTLE_PAIR_FAILURES,
    THROTTLE_PAIR_WINDOW: process.env.THROTTLE_PAIR_WINDOW,
    THROTTLE_ACCOUNT_FAILURES: process.env.THROTTLE_ACCOUNT_FAILURES,
    THROTTLE_ACCOUNT_WINDOW: process.env.THROTTLE_ACCOUNT_WINDOW,
    THROTTLE_ACCOUNT_MAX_DELAY: process.env.THROTTLE_ACCOUNT_MAX_DELAY,
    THROTTLE_DEVICE_FAILURES: process.env.THROTTLE_DEVICE_FAILURES,
    THROTTLE_IP_PER_MINUTE: process.env.THROTTLE_IP_PER_MINUTE,
    TRUST_PROXY: process.env.TRUST_PROXY,
    DEFAULT_PHONE_REGION: process.env.DEFAULT_PHONE_REGION,
    DB_POOL_MAX: process.env.DB_POOL_MAX,
    DB_STATEMENT_TIMEOUT: process.env.DB_STATEMENT_TIMEOUT,
    APP_URL: process.env.APP_URL,
    SMTP_URL: process.env.SMTP_URL,
    MAIL_FROM: process.env.MAIL_FROM,
    REAUTH_WINDOW: process.env.REAUTH_WINDOW,
  });
  return cached;
}

/** iron-session's password map: the first secret seals, every secret unseals (rotation). */
export function sealPasswords(config: Config = getConfig()): Record<string, string> {
  const secrets = config.SESSION_SECRET;
  return Object.fromEntries(secrets.map((secret, i) => [String(secrets.length - i), secret]));
}
