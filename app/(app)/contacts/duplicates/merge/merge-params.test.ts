import { describe, expect, it } from 'vitest';
import { mergeHref, parseChoices, parseIds } from './merge-params';

const A = '3f2b8c1e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';
const B = '4a2b8c1e-1d2a-4c3b-9e8f-0a1b2c3d4e5f';

describe('the merge page’s address', () => {
  it('names two to ten distinct contact ids, nothing else', () => {
    expect(parseIds(`${A},${B}`)).toEqual([A, B]);
    expect(parseIds(`${A},${A}`)).toBeUndefined();
    expect(parseIds(A)).toBeUndefined();
    expect(parseIds(`${A},../../x`)).toBeUndefined();
    expect(parseIds([`${A},${B}`])).toBeUndefined();
    const eleven = Array.from(
      { length: 11 },
      (_, i) => A.slice(0, -2) + String(i).padStart(2, '0'),
    );
    expect(parseIds(eleven.slice(0, 10).join(','))).toHaveLength(10);
    expect(parseIds(eleven.join(','))).toBeUndefined();
  });

  it('keeps only choices that name one of the contacts', () => {
    const query: Record<string, string> = { name: B, organization: 'someone-else', note: A };
    expect(parseChoices((f) => query[f], [A, B])).toEqual({ name: B, note: A });
  });

  it('round-trips through mergeHref', () => {
    const href = mergeHref([A, B], { name: B });
    expect(href).toBe(`/contacts/duplicates/merge?ids=${A},${B}&name=${B}`);
    const query = new URL(href, 'http://x').searchParams;
    expect(parseIds(query.get('ids'))).toEqual([A, B]);
  });
});
