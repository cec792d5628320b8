/** Passkey constants the browser's components use too (the rest of lib/auth/passkeys* is server only). */

/** The longest passkey name (the column's width). */
export const PASSKEY_NAME_MAX = 64;
/** Enough for every device a person owns; a bound so a script cannot fill the table. */
export const PASSKEYS_PER_USER = 20;
/** Said where passkeys cannot work because the site was opened by its IP address. */
export const NO_RELYING_PARTY =
  'Passkeys need this site to be opened by its name, not by an IP address.';
