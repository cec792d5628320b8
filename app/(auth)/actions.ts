'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createUser, getUserByUsername } from '@/lib/auth/accounts';
import { clientAddress } from '@/lib/auth/client-address';
import { PASSWORD_MAX, passwordProblem, verifyPassword } from '@/lib/auth/passwords';
import { safeNextPath } from '@/lib/auth/safe-redirect';
import { createSession, endCurrentSession } from '@/lib/auth/session';
import {
  accountLock,
  allowClientAttempt,
  clearSignInFailures,
  lockMessage,
  recordSignInFailure,
} from '@/lib/auth/throttle';
import { usernameKey, usernameProblem } from '@/lib/auth/username';
import { flash } from '@/lib/flash';
import { fieldErrors, typedValues, type FormState } from '@/lib/forms';
import { getLogger } from '@/lib/log';

const INVALID = 'Invalid username or password.';
const TOO_FAST = 'Too many attempts from your network. Try again in a minute.';

// Lengths are checked before anything is hashed: a 100 KB password costs nothing.
const loginSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, 'Enter your username.')
    .max(64, INVALID)
    // PostgreSQL text cannot hold U+0000: the throttle's queries would fail with a 500.
    .refine((v) => !v.includes('\u0000'), INVALID),
  password: z
    .string()
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX * 4, INVALID),
  remember: z.literal('on').optional(),
  next: z.string().max(2048).optional(),
});

export async function login(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData, ['username', 'next']);
  const parsed = loginSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { errors: fieldErrors(parsed.error), values };
  const { username, password, remember, next } = parsed.data;
  const log = getLogger();
  const address = clientAddress(await headers());
  if (!(await allowClientAttempt(address))) {
    log.warn({ event: 'sign_in_throttled', clientAddress: address });
    return { errors: {}, values, message: TOO_FAST };
  }
  const key = usernameKey(username);
  const lock = await accountLock(key);
  if (lock.locked) {
    log.warn({ event: 'sign_in_locked', username });
    return { errors: {}, values, message: lockMessage(lock.retryAt!) };
  }
  const user = await getUserByUsername(username);
  // An unknown user costs the same as a wrong password: the same hash work, message and status.
  if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
    await recordSignInFailure(key);
    const after = await accountLock(key);
    log.info({ event: 'sign_in_failure', username });
    if (after.locked) log.warn({ event: 'account_locked', username, until: after.retryAt });
    return { errors: {}, values, message: INVALID };
  }
  await clearSignInFailures(key);
  await createSession(user.id, remember === 'on');
  log.info({
    event: 'sign_in',
    userId: user.id,
    username: user.username,
    remember: remember === 'on',
  });
  await flash('success', `Welcome back, ${user.username}.`);
  redirect(safeNextPath(next));
}

const registerSchema = z
  .object({
    username: z.string().trim().max(64, 'Use 3 to 32 characters.'),
    password: z.string().max(PASSWORD_MAX * 4, `Use at most ${PASSWORD_MAX} characters.`),
    confirm: z.string().max(PASSWORD_MAX * 4),
    // The honeypot: hidden from people, filled in by naive bots.
    company: z.string().max(0).optional(),
  })
  .superRefine((data, ctx) => {
    const nameProblem = usernameProblem(data.username);
    if (nameProblem) ctx.addIssue({ code: 'custom', path: ['username'], message: nameProblem });
    const problem = passwordProblem(data.password, usernameKey(data.username));
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    else if (data.password !== data.confirm) {
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The passwords do not match.' });
    }
  });

export async function register(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = typedValues(formData, ['username']);
  const parsed = registerSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error);
    if (errors.company)
      return { errors: {}, values, message: 'Your registration could not be accepted.' };
    return { errors, values };
  }
  const address = clientAddress(await headers());
  if (!(await allowClientAttempt(address))) return { errors: {}, values, message: TOO_FAST };
  const user = await createUser(parsed.data.username, parsed.data.password);
  if (!user) return { errors: { username: ['That username is taken. Choose another.'] }, values };
  await createSession(user.id, false);
  getLogger().info({ event: 'register', userId: user.id, username: user.username });
  await flash('success', `Welcome, ${user.username}.`);
  redirect('/');
}

export async function logout(): Promise<void> {
  const user = await endCurrentSession();
  if (user) getLogger().info({ event: 'sign_out', userId: user.id, username: user.username });
  await flash('success', 'You have been logged out.');
  redirect('/login');
}
