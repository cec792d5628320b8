import { describe, expect, it } from 'vitest';
import { parseLitmus } from './litmus';

// The shape litmus 0.13 prints: a progress line redrawn with \r, warnings on their own lines.
const OUTPUT = [
  "-> running `basic':",
  ' 0. init..................  0. init.................. pass',
  ' 2. options...............  2. options............... WARNING: server does not claim Class 2 compliance',
  '    ...................... pass (with 1 warning)',
  " 3. put_get...............\r 3. put_get............... FAIL (PUT of `/a/litmus/res' failed: 415 Unsupported Media Type)",
  ' 6. mkcol_over_plain...... SKIPPED',
  "-> running `props':",
  ' 7. propget............... SKIPPED',
  ' 9. propget............... pass',
].join('\n');

describe('parseLitmus', () => {
  it('reads each suite and test, the final status after warnings, and repeated names', () => {
    const results = parseLitmus(OUTPUT);
    expect([...results.keys()]).toEqual([
      'basic/init',
      'basic/options',
      'basic/put_get',
      'basic/mkcol_over_plain',
      'props/propget',
      'props/propget#2',
    ]);
    expect(results.get('basic/options')).toEqual({
      status: 'pass',
      detail: '(with 1 warning)',
      warnings: ['server does not claim Class 2 compliance'],
    });
    expect(results.get('basic/put_get')?.status).toBe('FAIL');
    expect(results.get('basic/put_get')?.detail).toMatch(/415/);
    expect(results.get('props/propget#2')?.status).toBe('pass');
  });

  it('a warning with no result after it is not a pass', () => {
    const results = parseLitmus(' 1. delete................ WARNING: odd\n');
    expect(results.get('?/delete')?.status).toBe('FAIL');
  });
});
