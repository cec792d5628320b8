import 'server-only';
import { createTransport, type Transporter } from 'nodemailer';
import { getConfig } from '../config';
import { getLogger } from '../server/log';
import { mailSetup, type MailSetup } from './config';
import type { MailMessage } from './messages';

/**
 * Sending through SMTP_URL with nodemailer. Every wait is bounded, so a mail server that hangs
 * holds nothing for long: mail is sent after the response (next/server's after()) anyway.
 */
const TIMEOUTS = {
  connectionTimeout: 10_000,
  greetingTimeout: 10_000,
  socketTimeout: 20_000,
  dnsTimeout: 10_000,
};

const g = globalThis as typeof globalThis & {
  __mailTransport?: Transporter;
  __mailProblemLogged?: boolean;
};

/** This server's mail setup; a half-configured one is logged once and counts as none. */
export function currentMailSetup(): MailSetup {
  const setup = mailSetup(getConfig());
  if (!setup.enabled && setup.problem && !g.__mailProblemLogged) {
    g.__mailProblemLogged = true;
    getLogger().error({ event: 'mail_disabled' }, setup.problem);
  }
  return setup;
}

/** Whether mail (and so email verification and reset links) works on this server. */
export function mailEnabled(): boolean {
  return currentMailSetup().enabled;
}

/** Sends one message; throws when mail is off or the SMTP server refuses it. */
export async function sendMail(message: MailMessage): Promise<void> {
  const setup = currentMailSetup();
  if (!setup.enabled) throw new Error('mail is not configured');
  // The bounds are defaults: an operator may set others in the URL's query (?socketTimeout=…).
  g.__mailTransport ??= createTransport({ url: setup.smtpUrl, ...TIMEOUTS }, { from: setup.from });
  await g.__mailTransport.sendMail({
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
  });
}
