/** The form-wide message (e.g. "Invalid username or password."), announced when it appears. */
export function FormMessage({ message }: { message?: string }) {
  return <div role="alert">{message ? <p className="form-error">{message}</p> : null}</div>;
}
