import { describe, expect, it } from 'vitest';
import { compareVersions, readAdvisories, requiredNext } from './check-versions.mjs';

const doc = `
Intro.

<!-- next-floor: 16.4.5 -->

| Advisory | Severity | What | Affected 16.x | First fixed 16.x | Source |
| --- | --- | --- | --- | --- | --- |
| GHSA-aaaa-bbbb-cccc | High | thing | < 16.2.6 | 16.2.6 | url |
| CVE-2026-1 | High | other | < 16.4.1 | 16.4.1 (15.5.28) | url |
`;

describe('check-versions', () => {
  it('compares versions numerically', () => {
    expect(compareVersions('16.10.0', '16.9.9')).toBeGreaterThan(0);
    expect(compareVersions('16.4.5', '16.4.5')).toBe(0);
    expect(compareVersions('16.4.4', '16.4.5')).toBeLessThan(0);
    expect(compareVersions('16.4.5-canary.1', '16.4.5')).toBe(0);
  });

  it('reads the table and the floor', () => {
    const parsed = readAdvisories(doc);
    expect(parsed.rows).toEqual([
      { id: 'GHSA-aaaa-bbbb-cccc', fixed: '16.2.6' },
      { id: 'CVE-2026-1', fixed: '16.4.1' },
    ]);
    expect(parsed.floor).toBe('16.4.5');
    expect(requiredNext(parsed)).toBe('16.4.5');
  });

  it('takes the newest fix when it is above the floor', () => {
    expect(requiredNext({ rows: [{ id: 'x', fixed: '16.5.0' }], floor: '16.4.5' })).toBe('16.5.0');
  });

  it('refuses a document without the table', () => {
    expect(() => readAdvisories('nothing here')).toThrow(/First fixed/);
  });
});
