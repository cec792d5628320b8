/**
 * Whether a (lower-cased) password is one of the ~49,000 most common (zxcvbn-ts's list).
 *
 * Loaded on the first check rather than with the module: the sign-in action shares a module with
 * registration, and the list (3.3 MB of heap as strings, array and Set) was in every server from
 * its first sign-in on, though only a new password is ever checked against it
 * (docs/decisions/008-performance.md).
 */
let common: Promise<Set<string>> | undefined;

export async function isCommonPassword(lowerCased: string): Promise<boolean> {
  common ??= import('@zxcvbn-ts/language-common/src/passwords.json').then(
    (list) => new Set((list.default as string[]).map((p) => p.toLowerCase())),
  );
  return (await common).has(lowerCased);
}
