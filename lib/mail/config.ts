import type { Config } from '../config';

/**
 * Whether this server can send mail, read from SMTP_URL, MAIL_FROM and APP_URL. Mail carries
 * links, and a link is built only from APP_URL, never from a request's Host header (anyone can
 * send that header, and a reset link aimed at their own host would hand them the token). So
 * SMTP_URL without APP_URL (or without MAIL_FROM) means no mail at all, said once in the log.
 */
export type MailSetup =
  | { enabled: true; smtpUrl: string; from: string; appUrl: string }
  | { enabled: false; problem: string | null };

export function mailSetup(config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'APP_URL'>): MailSetup {
  const { SMTP_URL, MAIL_FROM, APP_URL } = config;
  if (!SMTP_URL) return { enabled: false, problem: null };
  if (!APP_URL) {
    return {
      enabled: false,
      problem:
        'SMTP_URL is set but APP_URL is not: mail is turned off, because links in mail are built only from APP_URL (never from the Host header). Set APP_URL to the public address, e.g. https://contacts.example.org.',
    };
  }
  if (!MAIL_FROM) {
    return {
      enabled: false,
      problem:
        'SMTP_URL is set but MAIL_FROM is not: mail is turned off. Set MAIL_FROM, e.g. "Contact Cards <contacts@example.org>".',
    };
  }
  return { enabled: true, smtpUrl: SMTP_URL, from: MAIL_FROM, appUrl: APP_URL };
}

/** A link to `path` on this app, with `params` in its query: APP_URL's origin, nothing else. */
export function appLink(appUrl: string, path: string, params: Record<string, string> = {}): string {
  const origin = new URL(appUrl).origin;
  // "//host" and "/\\host" would name another host: only a plain path of this app.
  if (!/^\/(?![/\\])/.test(path)) throw new Error('a path of this app');
  const url = new URL(path, origin);
  if (url.origin !== origin) throw new Error('a path of this app');
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}
