/**
 * The app's mail: a plain-text body (what every client shows) and a simple HTML twin. Each
 * message is built from values the server chose: the link comes from appLink (APP_URL only),
 * the username from the database; nothing from the request that asked for it.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!,
  );

function htmlOf(paragraphs: string[], link: { href: string; label: string }): string {
  const body = paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`);
  body.splice(
    1,
    0,
    `<p><a href="${escapeHtml(link.href)}">${escapeHtml(link.label)}</a></p>`,
    `<p>${escapeHtml(link.href)}</p>`,
  );
  return `<!doctype html><html><body>${body.join('\n')}</body></html>`;
}

/** "Reset your password": the link, how long it lives, and what to do if it was not you. */
export function resetPasswordMessage(input: {
  to: string;
  username: string;
  link: string;
  minutes: number;
}): MailMessage {
  const intro = `Someone (we hope you) asked to reset the password of the Contact Cards account “${input.username}”. Follow this link to choose a new password:`;
  const notes = [
    `The link works once, for ${input.minutes} minutes. Resetting the password signs out every device and revokes the account's app passwords.`,
    'If you did not ask for this, ignore this message: your password stays as it is.',
  ];
  return {
    to: input.to,
    subject: 'Reset your Contact Cards password',
    text: [intro, '', input.link, '', ...notes].join('\n'),
    html: htmlOf([intro, ...notes], { href: input.link, label: 'Choose a new password' }),
  };
}

/** "Confirm your email address": the link, valid a day, signed in as the account that asked. */
export function verifyEmailMessage(input: {
  to: string;
  username: string;
  link: string;
}): MailMessage {
  const intro = `To use this address for password resets on the Contact Cards account “${input.username}”, confirm it here:`;
  const notes = [
    'The link works once, for 24 hours, while you are signed in to that account.',
    'If you did not ask for this, ignore this message: the address will not be added.',
  ];
  return {
    to: input.to,
    subject: 'Confirm your email address for Contact Cards',
    text: [intro, '', input.link, '', ...notes].join('\n'),
    html: htmlOf([intro, ...notes], { href: input.link, label: 'Confirm this address' }),
  };
}
