import pino from 'pino';
import { getConfig } from '../config';

const globalKey = Symbol.for('contact-cards.logger');
type WithLogger = typeof globalThis & { [globalKey]?: pino.Logger };

/** Structured JSON logs to stdout. Redaction is a safety net: callers never pass secrets. */
export function getLogger(): pino.Logger {
  const g = globalThis as WithLogger;
  g[globalKey] ??= pino({
    level: getConfig().LOG_LEVEL,
    base: { app: 'contact-cards' },
    redact: {
      paths: [
        'password',
        '*.password',
        'cookie',
        '*.cookie',
        'headers.cookie',
        'secret',
        '*.secret',
      ],
      censor: '[redacted]',
    },
  });
  return g[globalKey];
}
