import type { ComponentProps } from 'react';
import { Field } from './field';

// More than PASSWORD_MAX UTF-16 units: the server counts code points, and a browser that
// silently cut a long pasted password would leave an account nobody can sign in to.
const INPUT_MAX = 512;

type PasswordFieldProps = Omit<
  ComponentProps<typeof Field>,
  'type' | 'required' | 'autoComplete'
> & {
  /** The account's present password; otherwise a new one, which password managers offer to save. */
  current?: boolean;
};

/** A required password input, marked for password managers as the current or a new password. */
export function PasswordField({ current, ...props }: PasswordFieldProps) {
  return (
    <Field
      type="password"
      autoComplete={current ? 'current-password' : 'new-password'}
      required
      maxLength={INPUT_MAX}
      {...props}
    />
  );
}
