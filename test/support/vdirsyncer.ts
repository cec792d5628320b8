import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * Debian's vdirsyncer (0.19) as a real CardDAV client: one pair between a folder of .vcf files and
 * one address book URL, with `collections = null` so both URLs are used as given. Each instance
 * has its own config and status folder, so two instances are two devices.
 */

interface VdirsyncerOptions {
  /** Working folder: the config, the status and (by default) the cards folder live here. */
  dir: string;
  /** The address book's URL (a collection, ending in `/`). */
  url: string;
  username: string;
  password: string;
  /** The local folder of .vcf files. Default `<dir>/cards`. */
  folder?: string;
  /** Unset: a conflict stops the sync with an error (the 412 path stays visible). */
  conflictResolution?: 'a wins' | 'b wins';
  /** vdirsyncer's `--max-workers` (default: its own choice). */
  maxWorkers?: number;
}

export interface VdirsyncerRun {
  /** null when it was stopped (see timedOut). */
  code: number | null;
  /** Stopped after `timeoutMs`. */
  timedOut: boolean;
  stdout: string;
  stderr: string;
  ms: number;
}

const q = (value: string) => JSON.stringify(value);

export class Vdirsyncer {
  readonly folder: string;
  readonly config: string;

  constructor(readonly options: VdirsyncerOptions) {
    this.folder = options.folder ?? path.join(options.dir, 'cards');
    this.config = path.join(options.dir, 'config');
    fs.mkdirSync(this.folder, { recursive: true });
    fs.mkdirSync(path.join(options.dir, 'status'), { recursive: true });
    const lines = [
      '[general]',
      `status_path = ${q(path.join(options.dir, 'status') + '/')}`,
      '',
      '[pair cards]',
      'a = "local"',
      'b = "remote"',
      'collections = null',
      ...(options.conflictResolution
        ? [`conflict_resolution = ${q(options.conflictResolution)}`]
        : []),
      '',
      '[storage local]',
      'type = "filesystem"',
      `path = ${q(this.folder)}`,
      'fileext = ".vcf"',
      '',
      '[storage remote]',
      'type = "carddav"',
      `url = ${q(options.url)}`,
      `username = ${q(options.username)}`,
      `password = ${q(options.password)}`,
      '',
    ];
    fs.writeFileSync(this.config, lines.join('\n'));
  }

  /** `vdirsyncer discover`, answering yes to its questions (needed once before the first sync). */
  discover(): Promise<VdirsyncerRun> {
    return this.run(['discover'], 'y\n'.repeat(8));
  }

  /** `vdirsyncer sync`: both directions, as the client decides; stopped after `timeoutMs`. */
  sync(timeoutMs?: number): Promise<VdirsyncerRun> {
    return this.run(['sync'], '', timeoutMs);
  }

  /** The folder's cards by file name. */
  files(): Map<string, Buffer> {
    const out = new Map<string, Buffer>();
    for (const name of fs.readdirSync(this.folder))
      if (name.endsWith('.vcf')) out.set(name, fs.readFileSync(path.join(this.folder, name)));
    return out;
  }

  /** The folder's cards by UID (what a comparison between two devices should key on). */
  cardsByUid(): Map<string, { file: string; bytes: Buffer }> {
    const out = new Map<string, { file: string; bytes: Buffer }>();
    for (const [file, bytes] of this.files()) {
      const uid = /^UID:(.*)$/m.exec(bytes.toString('utf8'))?.[1]?.trim();
      if (uid) out.set(uid, { file, bytes });
    }
    return out;
  }

  private run(args: string[], input = '', timeoutMs?: number): Promise<VdirsyncerRun> {
    const started = performance.now();
    const { maxWorkers } = this.options;
    const command = [
      '-c',
      this.config,
      ...args,
      ...(maxWorkers && args[0] === 'sync' ? ['--max-workers', String(maxWorkers)] : []),
    ];
    return new Promise((resolve, reject) => {
      const child = spawn('vdirsyncer', command, {
        // A clean environment: no user config or proxy changes what the client does.
        env: {
          PATH: process.env.PATH ?? '/usr/bin:/bin',
          HOME: this.options.dir,
          LANG: 'C.UTF-8',
          NODE_ENV: 'production',
        },
        stdio: ['pipe', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      let timedOut = false;
      const timer = timeoutMs
        ? setTimeout(() => {
            timedOut = true;
            child.kill('SIGTERM');
          }, timeoutMs)
        : undefined;
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, timedOut, stdout, stderr, ms: Math.round(performance.now() - started) });
      });
      child.stdin.end(input);
    });
  }
}

/** Writes cards into a folder as `<uid>.vcf`, the way a device's own files would be. */
export function writeCards(folder: string, cards: { uid: string; text: string }[]): void {
  fs.mkdirSync(folder, { recursive: true });
  for (const card of cards) fs.writeFileSync(path.join(folder, `${card.uid}.vcf`), card.text);
}
