/**
 * Why a session ended, remembered for a while so that the browser whose cookie it was can be told
 * on the login page ("ended from another device", "your password was changed"). Only the deleted
 * session's id (a SHA-256 of its token) is kept, in memory: the app runs as one process (one PGlite
 * data folder per process), and after a restart the login page just says the session has ended.
 */

/** The reasons the login page knows how to explain; anything else in its URL is ignored. */
const SESSION_END_REASONS = ['revoked', 'password', 'ended'] as const;
export type SessionEndReason = (typeof SESSION_END_REASONS)[number];

/** As long as the longest session lives ("remember me", 30 days): no cookie outlasts it. */
const KEEP_MS = 30 * 24 * 60 * 60 * 1000;
/** A bound on memory: the oldest endings are forgotten first. */
const MAX_ENTRIES = 10_000;

interface Ending {
  reason: SessionEndReason;
  at: number;
}

// On globalThis: Next may load this module once per bundle (pages, actions), which must share it.
const store = globalThis as typeof globalThis & { __sessionEndings?: Map<string, Ending> };
const endings = (store.__sessionEndings ??= new Map<string, Ending>());

/** Remembers why these sessions (by id, as stored) were ended. */
export function recordSessionEndings(
  sessionIds: readonly string[],
  reason: SessionEndReason,
  now = Date.now(),
): void {
  for (const id of sessionIds) {
    endings.delete(id); // re-inserted at the end: the Map's order is the order of forgetting
    endings.set(id, { reason, at: now });
  }
  for (const oldest of endings.keys()) {
    if (endings.size <= MAX_ENTRIES) break;
    endings.delete(oldest);
  }
}

/** Why the session with this id ended: a recorded reason, else 'ended' (it expired, or is unknown). */
export function sessionEndReason(sessionId: string, now = Date.now()): SessionEndReason {
  const ending = endings.get(sessionId);
  return ending && now - ending.at < KEEP_MS ? ending.reason : 'ended';
}

/** The reason in a login page's URL, or null for a missing or unknown value. */
export function readSessionEndReason(raw: string | string[] | undefined): SessionEndReason | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  return (SESSION_END_REASONS as readonly string[]).includes(value ?? '')
    ? (value as SessionEndReason)
    : null;
}

/** What the login page says for each reason. */
export const SESSION_END_MESSAGES: Record<SessionEndReason, string> = {
  revoked: 'You were logged out: this session was ended from another device.',
  password: 'You were logged out because your password was changed. Log in with the new one.',
  ended: 'Your session has ended. Please log in again.',
};
