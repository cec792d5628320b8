import { afterEach, describe, expect, it, vi } from 'vitest';
import { installSafeConsole, safeError, safeText } from './safe-log';

describe('safeText', () => {
  it('drops stack frames and file paths', () => {
    const text = `Error: boom\n    at render (/work/app/.next/server/chunks/ssr/page.js:10:5)\n    at async x (node:internal/process:1:1)`;
    expect(safeText(text)).toBe('Error: boom');
    expect(safeText("ENOENT: no such file or directory, open '/home/me/app/data/x.json'")).toBe(
      "ENOENT: no such file or directory, open '<file>'",
    );
    expect(safeText("EACCES: permission denied, mkdir '/work/app/data/pgdata'")).toBe(
      "EACCES: permission denied, mkdir '<path>'",
    );
    expect(safeText('failed in .next/server/app/page.js:3:7 during render')).toBe(
      'failed in <file> during render',
    );
  });

  it('withholds SQL and its parameters', () => {
    const text =
      'Failed query: insert into "users" ("username", "password_hash") values ($1, $2)\nparams: alice,$argon2id$v=19$secret';
    expect(safeText(text)).toBe('database query failed (statement withheld)');
    expect(safeText('select "id" from "contacts" where x')).not.toContain('contacts');
  });

  it('keeps ordinary messages and URLs readable', () => {
    expect(safeText('Invalid Server Actions request.')).toBe('Invalid Server Actions request.');
    expect(safeText('See https://nextjs.org/docs/messages/failed-to-find-server-action')).toContain(
      'nextjs.org/docs/messages',
    );
  });
});

describe('safeError', () => {
  it('keeps class, code, digest and cause, never the stack or detail', () => {
    const cause = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      detail: 'Key (username_key)=(alice) already exists.',
    });
    const error = Object.assign(
      new Error('Failed query: insert into users values ($1)\nparams: alice', { cause }),
      { digest: '123456' },
    );
    const summary = safeError(error);
    expect(summary).toEqual({
      type: 'Error',
      message: 'database query failed (statement withheld)',
      digest: '123456',
      cause: {
        type: 'Error',
        message: 'duplicate key value violates unique constraint',
        code: '23505',
      },
    });
    expect(JSON.stringify(summary)).not.toMatch(/alice|at |\.js/);
  });

  it('describes things that are not errors', () => {
    expect(safeError('plain')).toEqual({ type: 'string', message: 'plain' });
  });
});

describe('installSafeConsole', () => {
  const originalError = console.error;
  const originalWarn = console.warn;
  afterEach(() => {
    console.error = originalError;
    console.warn = originalWarn;
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('contact-cards.safe-console')];
  });

  it('sends what Next prints to the structured log, without stack or paths', () => {
    const sink = { error: vi.fn(), warn: vi.fn() };
    installSafeConsole(() => sink);
    const error = Object.assign(new TypeError('Invalid URL'), { digest: '42', input: 'secret' });
    console.error('\u001b[31m\u001b[1m⨯\u001b[22m\u001b[39m', error);
    console.warn('Failed to find Server Action "x"\n    at i (.next/server/chunks/ssr/a.js:1:2)');
    expect(sink.error).toHaveBeenCalledWith(
      {
        event: 'framework_error',
        errors: [{ type: 'TypeError', message: 'Invalid URL', digest: '42' }],
        digest: '42',
      },
      'Invalid URL',
    );
    expect(sink.warn).toHaveBeenCalledWith(
      { event: 'framework_warn', errors: [] },
      'Failed to find Server Action "x"',
    );
  });
});
