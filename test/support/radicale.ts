import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort, tempDir } from './env.mjs';
import { waitForAnswer } from './server';

/**
 * Debian's Radicale as a reference CardDAV server: for the benchmark's comparison rows and for
 * checking the vdirsyncer harness against a server known to work. Anyone may sign in (auth none);
 * each user owns `/<user>/`.
 */
export class Radicale {
  private constructor(
    readonly child: ChildProcess,
    readonly url: string,
    readonly dir: string,
  ) {}

  /** Whether the `radicale` command is installed. */
  static installed(): boolean {
    try {
      execFileSync('radicale', ['--version'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  }

  static async start(): Promise<Radicale> {
    const dir = tempDir('radicale');
    const port = await freePort();
    const config = path.join(dir, 'config');
    fs.writeFileSync(
      config,
      [
        '[server]',
        `hosts = 127.0.0.1:${port}`,
        '[auth]',
        'type = none',
        '[storage]',
        `filesystem_folder = ${path.join(dir, 'collections')}`,
        '[rights]',
        'type = owner_only',
        '[logging]',
        'level = warning',
        '',
      ].join('\n'),
    );
    const child = spawn('radicale', ['-C', config], { stdio: ['ignore', 'ignore', 'inherit'] });
    const url = `http://127.0.0.1:${port}`;
    const server = new Radicale(child, url, dir);
    await waitForAnswer(`${url}/.web/`, 30_000, { anyAnswer: true });
    return server;
  }

  /** Creates `/<user>/contacts/` as an address book (extended MKCOL, RFC 5689) and returns its URL. */
  async addressBook(user: string, password = 'x'): Promise<string> {
    const url = `${this.url}/${encodeURIComponent(user)}/contacts/`;
    const auth = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    // Radicale creates the principal collection on the user's first authenticated request.
    await fetch(`${this.url}/${encodeURIComponent(user)}/`, {
      method: 'PROPFIND',
      headers: { authorization: auth, depth: '0' },
    });
    const response = await fetch(url, {
      method: 'MKCOL',
      headers: { authorization: auth, 'content-type': 'application/xml; charset=utf-8' },
      body:
        '<?xml version="1.0" encoding="utf-8"?><D:mkcol xmlns:D="DAV:" ' +
        'xmlns:CR="urn:ietf:params:xml:ns:carddav"><D:set><D:prop><D:resourcetype><D:collection/>' +
        '<CR:addressbook/></D:resourcetype><D:displayname>Contacts</D:displayname></D:prop>' +
        '</D:set></D:mkcol>',
    });
    if (response.status !== 201) throw new Error(`Radicale MKCOL ${url}: ${response.status}`);
    return url;
  }

  /** Resident memory now, in MB (Linux). */
  rssMb(): number | null {
    try {
      const status = fs.readFileSync(`/proc/${this.child.pid}/status`, 'utf8');
      const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
      return kb ? Math.round(kb / 1024) : null;
    } catch {
      return null;
    }
  }

  async stop(): Promise<void> {
    if (this.child.exitCode === null) {
      const exited = new Promise((resolve) => this.child.once('exit', resolve));
      this.child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
