import { counter } from './ops';

/** True when s[a, b) is `word` (BEGIN:VCARD, END:VCARD) in any case, white space ignored. */
export const isMarker = (s: string, a: number, b: number, word: string) => {
  if (b - a > word.length + 8) return false;
  return s.slice(a, b).replace(/\s+/g, '').toUpperCase() === word;
};

/** True when every char of s[a, b) is a base64 character (a 2.1 photo line written unindented). */
export function allBase64(s: string, a: number, b: number): boolean {
  if (a === b) return false;
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    const ok =
      (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 47 && c <= 57) || c === 43 || c === 61;
    if (!ok) return false;
  }
  counter.ops += b - a;
  return true;
}

/** True when s[a, b) holds only spaces and tabs. */
export function blank(s: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) {
    const c = s.charCodeAt(i);
    if (c !== 32 && c !== 9) return false;
  }
  return true;
}
