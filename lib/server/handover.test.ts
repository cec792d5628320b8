import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  announceCustomServer,
  behindCustomServer,
  onCustomServerStop,
  stopApp,
} from './handover.mts';

afterEach(() => {
  delete process.env.CONTACT_CARDS_SERVER_PID;
  process.removeAllListeners('contact-cards:stop');
});

describe('the hand-over between server/index.ts and the app', () => {
  it('trusts the custom server only in the process that announced it', () => {
    expect(behindCustomServer()).toBe(false);
    announceCustomServer();
    expect(process.env.CONTACT_CARDS_SERVER_PID).toBe(String(process.pid));
    expect(behindCustomServer()).toBe(true);
    // Inherited by a child process, or typed into a shell before `next start`: another pid.
    process.env.CONTACT_CARDS_SERVER_PID = String(process.pid + 1);
    expect(behindCustomServer()).toBe(false);
  });

  it('runs the app stop hook once and waits for it', async () => {
    const order: string[] = [];
    const hook = vi.fn(async () => {
      await new Promise((r) => setTimeout(r, 20));
      order.push('database closed');
    });
    onCustomServerStop(hook);
    await stopApp();
    order.push('server exits');
    expect(order).toEqual(['database closed', 'server exits']);
    await stopApp();
    expect(hook).toHaveBeenCalledTimes(1);
  });

  it('does not wait when the app registered no hook (it failed before start-up ended)', async () => {
    await expect(stopApp()).resolves.toBeUndefined();
  });
});
