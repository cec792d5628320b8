import { describe, expect, it } from 'vitest';
import { ARENA_CAP, arenaCappedEnv } from './malloc-arenas';

describe('arenaCappedEnv', () => {
  it('starts again with two arenas on glibc', () => {
    expect(arenaCappedEnv({ PORT: '3000' }, '2.36', true)).toEqual({
      PORT: '3000',
      MALLOC_ARENA_MAX: ARENA_CAP,
    });
  });

  it("keeps an operator's own setting, even an empty one", () => {
    expect(arenaCappedEnv({ MALLOC_ARENA_MAX: '8' }, '2.36', true)).toBeNull();
    expect(arenaCappedEnv({ MALLOC_ARENA_MAX: '' }, '2.36', true)).toBeNull();
  });

  it('does nothing off glibc (musl, macOS, Windows) or without execve', () => {
    expect(arenaCappedEnv({}, undefined, true)).toBeNull();
    expect(arenaCappedEnv({}, '2.36', false)).toBeNull();
  });
});
