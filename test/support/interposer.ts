import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A pass-through HTTP proxy in front of a server, for one device's traffic. A test can arm a hook
 * that runs just before one matching request is forwarded: how a real client is made to lose a
 * race (another device writes between its listing and its PUT), which it otherwise almost never
 * does on loopback. Every forwarded request's method, path and status are recorded.
 */
interface Exchange {
  method: string;
  path: string;
  status: number;
  /** From receiving the request to the end of the server's answer. */
  ms: number;
}

type Hook = (method: string, path: string) => Promise<void>;

export class Interposer {
  readonly log: Exchange[] = [];
  private hook?: { match: (method: string, path: string) => boolean; run: Hook };

  private constructor(
    private readonly server: http.Server,
    readonly url: string,
  ) {}

  /** A proxy on a free loopback port to `target` (an origin such as http://127.0.0.1:3000). */
  static async start(target: string): Promise<Interposer> {
    const upstream = new URL(target);
    const agent = new http.Agent({ keepAlive: true });
    // The handler needs the instance, which needs the listening server: filled in below.
    const ref: { self?: Interposer } = {};
    const server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const started = performance.now();
      const method = req.method ?? 'GET';
      const path = req.url ?? '/';
      const self = ref.self!;
      const hook = self.hook;
      if (hook?.match(method, path)) {
        self.hook = undefined; // once
        await hook.run(method, path);
      }
      const headers = { ...req.headers, host: upstream.host };
      const forward = http.request(
        { host: upstream.hostname, port: upstream.port, method, path, headers, agent },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
          answer.on('end', () =>
            self.log.push({
              method,
              path,
              status: answer.statusCode ?? 0,
              ms: Math.round(performance.now() - started),
            }),
          );
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
    ref.self = new Interposer(server, `http://127.0.0.1:${port}`);
    return ref.self;
  }

  /** Runs `run` once, before forwarding the first request that matches. */
  armBefore(match: (method: string, path: string) => boolean, run: Hook): void {
    this.hook = { match, run };
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
