import type { z } from 'zod';

/**
 * What every form action returns: errors beside each field, the values typed (passwords never),
 * and a message for the whole form.
 */
export interface FormState {
  errors: Record<string, string[] | undefined>;
  values: Record<string, string>;
  message?: string;
}

export const initialFormState: FormState = { errors: {}, values: {} };

/** Longest value echoed back into a form; anything longer was refused by validation anyway. */
const ECHO_CAP = 10_000;

/** The text fields of a form, as typed (capped), without the ones that must not be echoed. */
export function typedValues(formData: FormData, fields: readonly string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = formData.get(field);
    values[field] = typeof value === 'string' ? value.slice(0, ECHO_CAP) : '';
  }
  return values;
}

/** Every issue of a failed parse, grouped by field. */
export function fieldErrors(error: z.ZodError): FormState['errors'] {
  const errors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? 'form');
    (errors[field] ??= []).push(issue.message);
  }
  return errors;
}
