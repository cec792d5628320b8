/**
 * The first `max` code points of `value`. Cutting by UTF-16 units can split a surrogate pair (an
 * emoji, a rare ideograph) and leave a lone half: a text column then stores U+FFFD in its place,
 * and a jsonb value is refused outright (JSON.stringify writes the half as "\udXXX", which
 * PostgreSQL's JSON parser rejects), failing the whole save.
 */
export function codePointSlice(value: string, max: number): string {
  return value.length <= max ? value : Array.from(value).slice(0, max).join('');
}
