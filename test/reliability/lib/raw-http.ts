import net from 'node:net';

/**
 * One keep-alive connection spoken to by hand, for what fetch hides: the second request of a
 * connection that was busy when the server began to stop.
 */
export class RawConnection {
  private data = '';
  readonly closed: Promise<void>;
  private constructor(private readonly socket: net.Socket) {
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
