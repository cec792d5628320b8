import 'server-only';
import { notFound } from 'next/navigation';
import type { z } from 'zod';
import { fieldErrors, typedValues, type FormState } from '../forms/form-state';
import { requireSession, type CurrentSession } from './session';

/**
 * The one way to write a server action: check the session, parse the FormData with zod, answer
 * a refused form with every error beside its field and what was typed (never passwords), and
 * only then run the action. `redirect()` and `notFound()` in the action pass straight through.
 */

/** 'user': requireSession() first (no session: a redirect to /login). 'anyone': no session. */
export type Who = 'user' | 'anyone';
type SessionFor<W extends Who> = W extends 'user' ? CurrentSession : null;

export interface ActionOptions<S extends z.ZodType, W extends Who> {
  session: W;
  /** The form's fields; a function when the rules depend on who is signed in. */
  schema: S | ((session: SessionFor<W>) => S);
  /** Fields typed back into the form when it is refused. Never list a password. */
  echo?: readonly string[];
}

export interface ActionInput<S extends z.ZodType, W extends Who> {
  data: z.output<S>;
  values: Record<string, string>;
  formData: FormData;
  session: SessionFor<W>;
}

export interface RefusedInput<W extends Who> {
  errors: FormState['errors'];
  values: Record<string, string>;
  formData: FormData;
  session: SessionFor<W>;
}

type Parsed<S extends z.ZodType, W extends Who> =
  { ok: true; input: ActionInput<S, W> } | { ok: false; refused: RefusedInput<W> };

async function parse<S extends z.ZodType, W extends Who>(
  options: ActionOptions<S, W>,
  argument: unknown,
): Promise<Parsed<S, W>> {
  // Anyone can call an action with any arguments (the Next-Action protocol takes a JSON array),
  // not only our forms: anything but a FormData reads as an empty form, which the schema judges.
  const formData = argument instanceof FormData ? argument : new FormData();
  const session = (options.session === 'user' ? await requireSession() : null) as SessionFor<W>;
  const schema = 'safeParseAsync' in options.schema ? options.schema : options.schema(session);
  const values = typedValues(formData, options.echo ?? []);
  // Async: a schema may check something in the database (e.g. the current password).
  const parsed = await schema.safeParseAsync(Object.fromEntries(formData));
  if (!parsed.success) {
    return { ok: false, refused: { errors: fieldErrors(parsed.error), values, formData, session } };
  }
  return { ok: true, input: { data: parsed.data, values, formData, session } };
}

/**
 * An action for a form with `useActionState`: `(previous state, FormData) => state`. A refused
 * form returns `{ errors, values }`, or what `refused` makes of it.
 */
export function formAction<S extends z.ZodType, W extends Who, State extends FormState = FormState>(
  options: ActionOptions<S, W> & {
    refused?: (input: RefusedInput<W>) => NoInfer<State> | Promise<NoInfer<State>>;
  },
  run: (input: ActionInput<S, W>) => Promise<NoInfer<State>>,
): (previous: State, formData: FormData) => Promise<State> {
  return async (_previous, formData) => {
    const parsed = await parse(options, formData);
    if (parsed.ok) return run(parsed.input);
    const { errors, values } = parsed.refused;
    return options.refused ? options.refused(parsed.refused) : ({ errors, values } as State);
  };
}

/**
 * An action for a form that shows no state (a button: log out, delete, revoke): `(FormData) =>
 * void`. It ends in a redirect; refused input calls `refused`, which should redirect (nothing
 * else is done when it returns), or by default answers with the 404 page.
 */
export function buttonAction<S extends z.ZodType, W extends Who>(
  options: ActionOptions<S, W> & { refused?: (input: RefusedInput<W>) => Promise<void> },
  run: (input: ActionInput<S, W>) => Promise<void>,
): (formData: FormData) => Promise<void> {
  return async (formData) => {
    const parsed = await parse(options, formData);
    if (parsed.ok) return run(parsed.input);
    if (!options.refused) notFound();
    return options.refused(parsed.refused);
  };
}
