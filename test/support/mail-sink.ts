import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * An SMTP server in the test's own process that keeps every message it is sent, for specs that
 * read the app's mail (password reset, email verification). Plain SMTP on 127.0.0.1, any
 * sender, any recipient, no authentication: it is a sink, not a mail server.
 */
export class MailSink {
  readonly messages: ParsedMail[] = [];
  private readonly waiters = new Set<() => void>();

  private readonly server: SMTPServer;
  port = 0;

  private constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      // No certificate to offer: nodemailer then sends in plain text, as to a local relay.
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            this.receive(mail);
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
  }

  /** Listens on 127.0.0.1:`port` (0: a free one). */
  static async start(port = 0): Promise<MailSink> {
    const sink = new MailSink();
    await new Promise<void>((resolve, reject) => {
      sink.server.once('error', reject);
      sink.server.listen(port, '127.0.0.1', () => resolve());
    });
    const address = sink.server.server.address();
    sink.port = typeof address === 'object' && address ? address.port : port;
    return sink;
  }

  private receive(mail: ParsedMail) {
    this.messages.push(mail);
    for (const wake of this.waiters) wake();
  }

  /** The messages sent to `address` so far (case-insensitive). */
  to(address: string): ParsedMail[] {
    const wanted = address.toLowerCase();
    return this.messages.filter((m) =>
      [m.to]
        .flat()
        .flatMap((t) => t?.value ?? [])
        .some((v) => v.address?.toLowerCase() === wanted),
    );
  }

  /** Waits for message number `count` (1-based) to `address`, and returns it. */
  async waitFor(address: string, count = 1, timeoutMs = 20_000): Promise<ParsedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.to(address)[count - 1];
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no message ${count} to ${address} within ${timeoutMs} ms`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(wake, left);
        this.waiters.add(wake);
      });
    }
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/** The one link in a message's plain-text body. */
export function linkIn(mail: ParsedMail): string {
  const links = (mail.text ?? '').match(/https?:\/\/\S+/g) ?? [];
  if (links.length !== 1) throw new Error(`expected one link, found ${links.length}`);
  return links[0]!;
}
