import { describe, expect, it } from 'vitest';
import { concurrencyGate } from './concurrency-gate';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('concurrencyGate', () => {
  it('never runs more than the limit at once, and runs every task in order', async () => {
    const gated = concurrencyGate(2);
    let now = 0;
    let most = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 9 }, (_, i) =>
        gated(async () => {
          started.push(i);
          now += 1;
          most = Math.max(most, now);
          await tick(5 + (i % 3));
          now -= 1;
          return i * 10;
        }),
      ),
    );
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80]);
  });

  it('keeps the limit when tasks arrive while a slot is being handed over', async () => {
    const gated = concurrencyGate(1);
    let now = 0;
    let most = 0;
    const task = async () => {
      now += 1;
      most = Math.max(most, now);
      await tick(2);
      now -= 1;
    };
    const first = gated(task);
    const second = gated(task);
    await first; // the slot passes to `second`; a newcomer must wait behind it
    await Promise.all([gated(task), second]);
    expect(most).toBe(1);
  });

  it('frees the slot when a task fails', async () => {
    const gated = concurrencyGate(1);
    await expect(gated(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(gated(async () => 'after')).resolves.toBe('after');
  });
});
