'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { createUser } from '@/lib/auth/accounts';
import { buttonAction, formAction } from '@/lib/auth/action';
import { clientAddress } from '@/lib/auth/client-address';
import { rememberDevice } from '@/lib/auth/known-device';
import { PASSWORD_MAX, passwordProblem } from '@/lib/auth/passwords';
import { safeNextPath } from '@/lib/auth/safe-redirect';
import { createSession, endCurrentSession } from '@/lib/auth/session';
import { INVALID_SIGN_IN, signIn, TOO_MANY_FROM_ADDRESS } from '@/lib/auth/sign-in';
import { allowClientAttempt, rememberAddress } from '@/lib/auth/throttle';
import { usernameKey, usernameProblem } from '@/lib/auth/username';
import { flash } from '@/lib/flash/flash';
import { flashWelcome } from './login/code/welcome';
import { getLogger } from '@/lib/server/log';

// Lengths are checked before anything is hashed: a 100 KB password costs nothing.
const loginSchema = z.object({
  username: z
    .string()
    .trim()
    .min(1, 'Enter your username.')
    .max(64, INVALID_SIGN_IN)
    // PostgreSQL text cannot hold U+0000: the throttle's queries would fail with a 500.
    .refine((v) => !v.includes('\u0000'), INVALID_SIGN_IN),
  password: z
    .string()
    .min(1, 'Enter your password.')
    .max(PASSWORD_MAX * 4, INVALID_SIGN_IN),
  remember: z.literal('on').optional(),
  next: z.string().max(2048).optional(),
});

export const loginAction = formAction(
  { session: 'anyone', schema: loginSchema, echo: ['username', 'next'] },
  async ({ data, values }) => {
    const { username, password, remember, next } = data;
    const address = clientAddress(await headers());
    const result = await signIn({
      username,
      password,
      remember: remember === 'on',
      address,
      next: next ?? '',
    });
    if (!result.ok) return { errors: {}, values, message: result.message };
    // The right password for an account with one-time codes: the second step, no session yet.
    if (result.ok === 'code-needed') redirect('/login/code');
    await flashWelcome(result.user.username, result.failedSince);
    redirect(safeNextPath(next));
  },
);

const registerSchema = z
  .object({
    username: z.string().trim().max(64, 'Use 3 to 32 characters.'),
    password: z.string().max(PASSWORD_MAX * 4, `Use at most ${PASSWORD_MAX} characters.`),
    confirm: z.string().max(PASSWORD_MAX * 4),
    // The honeypot: hidden from people, filled in by naive bots.
    company: z.string().max(0).optional(),
  })
  .superRefine(async (data, ctx) => {
    const nameProblem = usernameProblem(data.username);
    if (nameProblem) ctx.addIssue({ code: 'custom', path: ['username'], message: nameProblem });
    const problem = await passwordProblem(data.password, usernameKey(data.username));
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    else if (data.password !== data.confirm) {
      ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'The passwords do not match.' });
    }
  });

export const registerAction = formAction(
  {
    session: 'anyone',
    schema: registerSchema,
    echo: ['username'],
    refused: ({ errors, values }) =>
      errors.company
        ? { errors: {}, values, message: 'Your registration could not be accepted.' }
        : { errors, values },
  },
  async ({ data, values }) => {
    const address = clientAddress(await headers());
    if (!(await allowClientAttempt(address))) {
      return { errors: {}, values, message: TOO_MANY_FROM_ADDRESS };
    }
    const user = await createUser(data.username, data.password);
    if (!user) return { errors: { username: ['That username is taken. Choose another.'] }, values };
    await createSession(user.id, false);
    // The address and browser an account was made from are its owner's: spared the account-wide
    // delay (docs/decisions/014-sign-in-throttling.md).
    await rememberAddress(user.id, address);
    await rememberDevice(user.id, null);
    getLogger().info({ event: 'register', userId: user.id, username: user.username });
    await flash('success', `Welcome, ${user.username}.`);
    redirect('/');
  },
);

// Anyone may log out: without a session it only clears the cookie and says so.
export const logoutAction = buttonAction({ session: 'anyone', schema: z.object({}) }, async () => {
  const user = await endCurrentSession();
  if (user) getLogger().info({ event: 'sign_out', userId: user.id, username: user.username });
  await flash('success', 'You have been logged out.');
  redirect('/login');
});
