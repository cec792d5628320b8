/** The password of every user the e2e suite creates (long and uncommon enough to be accepted). */
export const PASSWORD = 'correct horse battery staple';
