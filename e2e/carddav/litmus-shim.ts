import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * litmus starts every suite by creating a scratch collection `<url>litmus/` (MKCOL) and ends by
 * deleting it; without it no test runs. An address book holds vCards only, so it refuses MKCOL
 * (403), as Radicale does. This proxy gives litmus its scratch collection without touching the
 * server's rules: it answers that one MKCOL and that one DELETE itself, and maps every other
 * `<book>/litmus/x` to `<book>/x` (hrefs in 207 answers mapped back), so each real test reaches
 * the address book unchanged. Everything it answered itself is listed in `faked`.
 */
export class LitmusShim {
  readonly faked: string[] = [];

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  /** `book` is the address book's URL (ending in `/`); litmus is given `shim.url`. */
  static async start(book: string): Promise<LitmusShim> {
    const upstream = new URL(book);
    const scratch = `${upstream.pathname}litmus/`;
    const ref: { self?: LitmusShim } = {};
    const server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const bare = path.replace(/\/$/, '');
      if (bare === scratch.replace(/\/$/, '') && (method === 'MKCOL' || method === 'DELETE')) {
        ref.self!.faked.push(`${method} ${path}`);
        res.writeHead(method === 'MKCOL' ? 201 : 204, { 'content-length': '0' });
        return res.end();
      }
      const mapped = path.startsWith(scratch)
        ? upstream.pathname + path.slice(scratch.length)
        : path;
      const headers: http.OutgoingHttpHeaders = { ...req.headers, host: upstream.host };
      if (typeof headers.destination === 'string')
        headers.destination = headers.destination.replace(scratch, upstream.pathname);
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, method, path: mapped, headers },
        async (answer) => {
          const body: Buffer[] = [];
          for await (const chunk of answer) body.push(chunk as Buffer);
          let out = Buffer.concat(body);
          const outHeaders = { ...answer.headers };
          if (answer.statusCode === 207) {
            // Hrefs back into litmus's view: the book's own path and its members sit under litmus/.
            const escaped = upstream.pathname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
            const text = out
              .toString('utf8')
              .replace(new RegExp(`(>\\s*(?:https?://[^<]*?)?)${escaped}`, 'g'), `$1${scratch}`);
            out = Buffer.from(text, 'utf8');
            outHeaders['content-length'] = String(out.length);
            delete outHeaders['transfer-encoding'];
          }
          res.writeHead(answer.statusCode ?? 502, outHeaders);
          res.end(out);
        },
      );
      forward.on('error', () => {
        if (!res.headersSent) res.writeHead(502);
        res.end();
      });
      forward.end(Buffer.concat(chunks));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    ref.self = new LitmusShim(server, `http://127.0.0.1:${port}${upstream.pathname}`);
    return ref.self;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
