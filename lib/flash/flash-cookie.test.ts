import { describe, expect, it } from 'vitest';
import { rendersWholePage } from './flash-cookie';

const page = (headers: Record<string, string>, method = 'GET') =>
  rendersWholePage(method, new Headers(headers));

describe('rendersWholePage', () => {
  it('is true for a document load, and for a client that sends no fetch metadata', () => {
    expect(page({ 'sec-fetch-dest': 'document', 'sec-fetch-mode': 'navigate' })).toBe(true);
    expect(page({})).toBe(true);
  });

  it('is false for anything else a browser fetches', () => {
    // Next's router: prefetches and client-side navigations are fetch() calls.
    expect(page({ 'sec-fetch-dest': 'empty', 'sec-fetch-mode': 'cors' })).toBe(false);
    expect(page({ 'sec-fetch-dest': 'image' })).toBe(false);
    expect(page({ 'sec-fetch-dest': 'iframe' })).toBe(false);
    // The browser's own prefetch and prerender (speculation rules, <link rel=prefetch>).
    expect(page({ 'sec-fetch-dest': 'document', 'sec-purpose': 'prefetch' })).toBe(false);
    expect(page({ 'sec-fetch-dest': 'document', 'sec-purpose': 'prefetch;prerender' })).toBe(false);
    expect(page({ purpose: 'prefetch' })).toBe(false);
  });

  it("is false for Next's RSC and prefetch requests when their headers are visible", () => {
    expect(page({ rsc: '1' })).toBe(false);
    expect(page({ rsc: '1', 'next-router-prefetch': '1' })).toBe(false);
    expect(page({ 'next-router-segment-prefetch': '/_tree' })).toBe(false);
  });

  it('is false for anything but GET', () => {
    expect(page({ 'sec-fetch-dest': 'document' }, 'POST')).toBe(false);
    expect(page({ 'sec-fetch-dest': 'document' }, 'HEAD')).toBe(false);
  });
});
