import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';

// Stand-ins: the session check and Next's control-flow throws (redirect, notFound).
const state = vi.hoisted(() => ({
  session: null as null | { user: { id: string; username: string }; sessionId: string },
  calls: [] as string[],
}));
vi.mock('./session', () => ({
  requireSession: async () => {
    state.calls.push('requireSession');
    if (!state.session) throw new Error('NEXT_REDIRECT /login');
    return state.session;
  },
}));
vi.mock('next/navigation', () => ({
  notFound: () => {
    throw new Error('NEXT_NOT_FOUND');
  },
}));

const { buttonAction, formAction } = await import('./action');

const ALICE = {
  user: { id: 'u1', username: 'alice' },
  sessionId: 's1',
  authenticatedAt: new Date(),
};
const schema = z.object({
  name: z.string().trim().min(1, 'Enter a name.').max(5, 'Too long.'),
  password: z.string().min(8, 'Too short.').regex(/\d/, 'Needs a digit.'),
});

function form(entries: Record<string, string | File>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
}

beforeEach(() => {
  state.session = ALICE;
  state.calls = [];
});

describe('formAction', () => {
  it('checks the session before it reads the form', async () => {
    state.session = null;
    const run = vi.fn();
    const action = formAction({ session: 'user', schema }, run);
    await expect(action({ errors: {}, values: {} }, form({ name: 'x' }))).rejects.toThrow(
      'NEXT_REDIRECT /login',
    );
    expect(run).not.toHaveBeenCalled();
  });

  it('returns every error beside its field and what was typed, passwords excepted', async () => {
    const run = vi.fn();
    const action = formAction({ session: 'user', schema, echo: ['name'] }, run);
    const result = await action(
      { errors: {}, values: {} },
      form({ name: 'far too long', password: 'short' }),
    );
    expect(result).toEqual({
      errors: { name: ['Too long.'], password: ['Too short.', 'Needs a digit.'] },
      values: { name: 'far too long' },
    });
    expect(run).not.toHaveBeenCalled();
  });

  it('runs the action with the parsed data, the values, the form and the session', async () => {
    const run = vi.fn(async () => ({ errors: {}, values: {}, message: 'done' }));
    const action = formAction({ session: 'user', schema, echo: ['name'] }, run);
    const data = form({ name: ' Bo ', password: 'secret123', $ACTION_ID_abc: '' });
    expect(await action({ errors: {}, values: {} }, data)).toEqual({
      errors: {},
      values: {},
      message: 'done',
    });
    expect(run).toHaveBeenCalledWith({
      data: { name: 'Bo', password: 'secret123' },
      values: { name: ' Bo ' },
      formData: data,
      session: ALICE,
    });
  });

  it('builds the schema for the signed-in user, and awaits async checks', async () => {
    const action = formAction(
      {
        session: 'user',
        schema: ({ user }) =>
          z.object({ name: z.string() }).superRefine(async (d, ctx) => {
            if (d.name === user.username)
              ctx.addIssue({ code: 'custom', path: ['name'], message: 'Yours.' });
          }),
      },
      async () => ({ errors: {}, values: {} }),
    );
    expect((await action({ errors: {}, values: {} }, form({ name: 'alice' }))).errors).toEqual({
      name: ['Yours.'],
    });
  });

  it('lets the action decide how a refused form is answered', async () => {
    const action = formAction(
      {
        session: 'anyone',
        schema: z.object({ company: z.string().max(0) }),
        refused: ({ values }) => ({ errors: {}, values, message: 'Not accepted.' }),
      },
      async () => ({ errors: {}, values: {} }),
    );
    expect(await action({ errors: {}, values: {} }, form({ company: 'bot' }))).toEqual({
      errors: {},
      values: {},
      message: 'Not accepted.',
    });
  });

  it("asks for no session when it is for 'anyone'", async () => {
    state.session = null;
    const run = vi.fn(async () => ({ errors: {}, values: {} }));
    await formAction({ session: 'anyone', schema: z.object({}) }, run)(
      { errors: {}, values: {} },
      form({}),
    );
    expect(state.calls).toEqual([]);
    expect(run).toHaveBeenCalledWith(expect.objectContaining({ session: null }));
  });

  it('lets redirect() and notFound() in the action through', async () => {
    const action = formAction({ session: 'user', schema: z.object({}) }, async () => {
      throw new Error('NEXT_REDIRECT /contacts');
    });
    await expect(action({ errors: {}, values: {} }, form({}))).rejects.toThrow(
      'NEXT_REDIRECT /contacts',
    );
  });
});

describe('buttonAction', () => {
  const idSchema = z.object({ id: z.string().regex(/^\d+$/) });

  it('answers refused input with the 404 page unless told otherwise', async () => {
    const run = vi.fn();
    await expect(
      buttonAction({ session: 'user', schema: idSchema }, run)(form({ id: 'x' })),
    ).rejects.toThrow('NEXT_NOT_FOUND');
    const refused = vi.fn(async () => {});
    await buttonAction({ session: 'user', schema: idSchema, refused }, run)(form({}));
    expect(refused).toHaveBeenCalledWith(expect.objectContaining({ session: ALICE }));
    expect(run).not.toHaveBeenCalled();
  });

  it('runs the action for the signed-in user', async () => {
    const run = vi.fn(async () => {});
    await buttonAction({ session: 'user', schema: idSchema }, run)(form({ id: '42' }));
    expect(run).toHaveBeenCalledWith(
      expect.objectContaining({ data: { id: '42' }, session: ALICE }),
    );
    expect(state.calls).toEqual(['requireSession']);
  });
});

describe('arguments that are not a form', () => {
  // A client can call an action with any JSON arguments, not only the FormData our forms send.
  const idSchema = z.object({ id: z.string().regex(/^\d+$/) });

  it('reads them as an empty form: refused by a schema with fields, accepted by one without', async () => {
    const run = vi.fn(async () => {});
    const button = buttonAction({ session: 'user', schema: idSchema }, run) as (
      argument: unknown,
    ) => Promise<void>;
    for (const argument of [undefined, null, 'id=42', { id: '42' }, [['id', '42']]]) {
      await expect(button(argument)).rejects.toThrow('NEXT_NOT_FOUND');
    }
    expect(run).not.toHaveBeenCalled();
    const noFields = buttonAction({ session: 'anyone', schema: z.object({}) }, run) as (
      argument: unknown,
    ) => Promise<void>;
    await noFields(undefined);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it('gives a form action field errors, not a crash', async () => {
    const run = vi.fn();
    const action = formAction({ session: 'user', schema }, run) as (
      previous: unknown,
      argument: unknown,
    ) => Promise<unknown>;
    const state = (await action(undefined, { name: 'x', password: 'long enough 1' })) as {
      errors: Record<string, string[]>;
    };
    expect(Object.keys(state.errors).sort()).toEqual(['name', 'password']);
    expect(run).not.toHaveBeenCalled();
  });
});
