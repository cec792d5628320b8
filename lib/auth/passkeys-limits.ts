/** The longest passkey name (the column's width). Here apart so the browser's form can use it. */
export const PASSKEY_NAME_MAX = 64;
/** Enough for every device a person owns; a bound so a script cannot fill the table. */
export const PASSKEYS_PER_USER = 20;
