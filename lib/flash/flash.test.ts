import { sealData } from 'iron-session';
import { describe, expect, it } from 'vitest';
import { sealPasswords } from '../config';
import { appendMessage, FLASH_MAX_MESSAGES, FLASH_MAX_TEXT, sealFlash, unsealFlash } from './flash';

describe('flash sealing', () => {
  it('round-trips queued messages', async () => {
    const queue = appendMessage(appendMessage([], 'success', 'Saved.'), 'error', 'Oops.');
    const messages = await unsealFlash(await sealFlash(queue));
    expect(messages.map((m) => [m.kind, m.text])).toEqual([
      ['success', 'Saved.'],
      ['error', 'Oops.'],
    ]);
    expect(new Set(messages.map((m) => m.id)).size).toBe(2);
  });

  it('carries a button that posts to a path of this site', async () => {
    const action = { label: 'Undo', path: '/contacts/trash/restore', fields: { id: 'abc' } };
    const [message] = await unsealFlash(
      await sealFlash(appendMessage([], 'success', 'Contact deleted.', action)),
    );
    expect(message?.action).toEqual(action);
    // An absolute or protocol-relative target is not ours: the whole cookie reads as nothing.
    for (const path of ['https://evil.example/x', '//evil.example/x', '/\\evil.example']) {
      const sealed = await sealFlash(appendMessage([], 'success', 'x', { ...action, path }));
      expect(await unsealFlash(sealed)).toEqual([]);
    }
  });

  it('caps the count and the length of messages', async () => {
    let queue = appendMessage([], 'info', 'x'.repeat(FLASH_MAX_TEXT + 50));
    expect(queue[0]!.text).toHaveLength(FLASH_MAX_TEXT);
    for (let i = 0; i < 10; i++) queue = appendMessage(queue, 'info', `m${i}`);
    expect(queue).toHaveLength(FLASH_MAX_MESSAGES);
    expect(queue.at(-1)!.text).toBe('m9');
  });

  it('ignores tampered, forged, foreign and oversized values', async () => {
    const sealed = await sealFlash(appendMessage([], 'success', 'Saved.'));
    const tampered = sealed.slice(0, 40) + (sealed[40] === 'a' ? 'b' : 'a') + sealed.slice(41);
    expect(await unsealFlash(tampered)).toEqual([]);
    expect(await unsealFlash('not a seal')).toEqual([]);
    expect(await unsealFlash(sealed.slice(0, sealed.length - 10))).toEqual([]);
    const otherKey = await sealData(
      { messages: [{ id: 'a', kind: 'success', text: 'hi' }] },
      { password: 'another-secret-that-is-long-enough-0123456789' },
    );
    expect(await unsealFlash(otherKey)).toEqual([]);
    expect(await unsealFlash('x'.repeat(5000))).toEqual([]);
    // Sealed with our key but not of our shape: ignored too.
    const wrongShape = await sealData(
      { messages: [{ id: 'a', kind: 'html', text: '<b>' }] },
      { password: sealPasswords() },
    );
    expect(await unsealFlash(wrongShape)).toEqual([]);
    expect(await unsealFlash(undefined)).toEqual([]);
  });
});
