import http from 'node:http';
import net from 'node:net';
import { parseForms } from './html-forms';

/**
 * Raw HTTP: the exact path, method and headers given (Host included), no redirect following, no
 * cookie jar. Browsers and fetch() normalize what an attacker would not. (For a browser without
 * JavaScript, with a cookie jar, see WebClient.)
 */
export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
  /** Milliseconds from sending the request to the end of the body. */
  ms: number;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string | string[]>;
  body?: Buffer | string;
  timeoutMs?: number;
  /** The local address to send from (any 127.x.y.z works on Linux): a client of its own. */
  localAddress?: string;
}

const randomByte = () => 1 + Math.floor(Math.random() * 254);

/** A random loopback address, so the per-address limits a test uses up are its own. */
export function randomLoopback(): string {
  return `127.${randomByte()}.${randomByte()}.${randomByte()}`;
}

/** The headers a client sends to claim another address; none may change the one a server counts. */
export function forgedAddressHeaders(address: string): Record<string, string> {
  return { 'x-forwarded-for': address, 'x-real-ip': address, forwarded: `for=${address}` };
}

/** Node sends a body without Content-Length chunked; browsers never do. */
function withLength(init: RawRequest): RawRequest['headers'] {
  const headers = { ...init.headers };
  const names = Object.keys(headers).map((n) => n.toLowerCase());
  if (
    init.body !== undefined &&
    !names.includes('content-length') &&
    !names.includes('transfer-encoding')
  ) {
    headers['content-length'] = String(Buffer.byteLength(init.body));
  }
  return headers;
}

export function raw(base: string, path: string, init: RawRequest = {}): Promise<RawResponse> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(
      {
        host: url.hostname,
        port: url.port,
        method: init.method ?? 'GET',
        path,
        headers: withLength(init),
        localAddress: init.localAddress,
        agent: false,
        timeout: init.timeoutMs ?? 15_000,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.on('timeout', () =>
      req.destroy(new Error(`no answer within ${init.timeoutMs ?? 15_000} ms`)),
    );
    req.on('error', reject);
    if (init.body !== undefined) req.write(init.body);
    req.end();
  });
}

/** The Set-Cookie headers of a response as name → whole header line. */
export function setCookies(res: RawResponse): Map<string, string> {
  const lines = res.headers['set-cookie'] ?? [];
  return new Map(lines.map((line) => [line.slice(0, line.indexOf('=')), line]));
}

/** name=value pairs of the cookies a response sets (not deleted ones), for a Cookie header. */
export function cookieHeader(res: RawResponse, only?: (name: string) => boolean): string {
  return [...setCookies(res).entries()]
    .filter(
      ([name, line]) =>
        (only ? only(name) : true) && !/max-age=0|expires=thu, 01 jan 1970/i.test(line),
    )
    .map(([, line]) => line.split(';')[0])
    .join('; ');
}

/**
 * The hidden fields React writes into a server-action form (what makes a no-JS POST an action),
 * of the page's `index`-th such form (the site header's "Log out" form comes first when signed in).
 */
export function actionFields(html: string, index = 0): [string, string][] {
  const isAction = ([name]: [string, string]) => name.startsWith('$ACTION');
  const form = parseForms(html).filter((f) => f.fields.some(isAction))[index];
  if (!form) throw new Error(`no server-action form number ${index} on the page`);
  return form.fields.filter(isAction);
}

/** A multipart body as a browser would send it. */
export async function multipart(fields: [string, string][]) {
  const form = new FormData();
  for (const [name, value] of fields) form.append(name, value);
  const encoded = new Response(form);
  return {
    body: Buffer.from(await encoded.arrayBuffer()),
    contentType: encoded.headers.get('content-type')!,
  };
}

/**
 * Submits the server-action form on `path` the way a browser without JavaScript does: the page's
 * hidden action fields, then `fields`; same-origin unless `headers` say otherwise.
 */
export async function submitForm(
  base: string,
  path: string,
  fields: [string, string][],
  headers: Record<string, string> = {},
  formIndex = 0,
): Promise<RawResponse> {
  const page = await raw(base, path, { headers: headers.cookie ? { cookie: headers.cookie } : {} });
  const { body, contentType } = await multipart([...actionFields(page.body, formIndex), ...fields]);
  return raw(base, path, {
    method: 'POST',
    headers: {
      origin: base,
      'sec-fetch-site': 'same-origin',
      'content-type': contentType,
      ...headers,
    },
    body,
  });
}

/** Signs in through the login form; the Cookie header of the session, or an error. */
export async function signInCookie(base: string, username: string, password: string) {
  const res = await submitForm(base, '/login', [
    ['username', username],
    ['password', password],
  ]);
  if (res.status !== 303) throw new Error(`sign-in as ${username} answered ${res.status}`);
  return cookieHeader(res, (name) => name.endsWith('cc_session'));
}

/**
 * One keep-alive connection spoken to by hand, for what fetch hides: the second request of a
 * connection that was busy when the server began to stop.
 */
export class RawConnection {
  private data = '';
  readonly closed: Promise<void>;
  private readonly socket: net.Socket;
  private constructor(socket: net.Socket) {
    this.socket = socket;
    socket.on('data', (d: Buffer) => (this.data += d.toString('latin1')));
    socket.on('error', () => {});
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  static async open(port: number): Promise<RawConnection> {
    const socket = net.connect(port, '127.0.0.1');
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('error', reject);
    });
    return new RawConnection(socket);
  }

  send(path: string, headers: Record<string, string> = {}): void {
    const lines = [
      `GET ${path} HTTP/1.1`,
      'Host: 127.0.0.1',
      ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    ];
    this.socket.write(`${lines.join('\r\n')}\r\n\r\n`);
  }

  /** Statuses of the responses received so far. */
  statuses(): number[] {
    return [...this.data.matchAll(/^HTTP\/1\.1 (\d{3})/gm)].map((m) => Number(m[1]));
  }

  /** Waits until `count` complete responses arrived (or the timeout); answers their statuses. */
  async waitForResponses(
    count: number,
    timeoutMs: number,
    isComplete: (data: string) => boolean,
  ): Promise<number[]> {
    const started = Date.now();
    while (Date.now() - started < timeoutMs) {
      if (this.statuses().length >= count && isComplete(this.data)) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    return this.statuses();
  }

  get received(): string {
    return this.data;
  }

  destroy(): void {
    this.socket.destroy();
  }
}
