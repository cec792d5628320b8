import { pageText, TEST_PASSWORD, type WebClient, type WebResponse } from '../../support';

// Accounts through the real forms (no JavaScript), as the no-js Playwright project uses them.

let counter = 0;
/** A username no other run uses (3 to 32 characters). */
export function uniqueName(prefix = 'r'): string {
  counter += 1;
  return `${prefix}_${Date.now().toString(36)}${process.pid.toString(36)}${counter.toString(36)}`.slice(
    0,
    32,
  );
}

export class UnexpectedResponse extends Error {
  override name = 'UnexpectedResponse';
  constructor(what: string, response: WebResponse) {
    super(
      `${what}: status ${response.status}${response.location ? ` → ${response.location}` : ''}: ${pageText(response).slice(0, 300)}`,
    );
  }
}

export async function register(
  client: WebClient,
  username: string,
  password = TEST_PASSWORD,
): Promise<WebResponse> {
  const r = await client.submit(
    '/register',
    { button: 'Create account' },
    { values: { username, password, confirm: password }, op: 'register' },
  );
  if (r.status !== 303) throw new UnexpectedResponse(`register ${username}`, r);
  return r;
}

/** Posts the login form; the response is 303 on success, 200 with a message otherwise. */
export function postLogin(
  client: WebClient,
  username: string,
  password = TEST_PASSWORD,
  op = 'sign in',
): Promise<WebResponse> {
  return client.submit('/login', { button: 'Log in' }, { values: { username, password }, op });
}

export async function login(
  client: WebClient,
  username: string,
  password = TEST_PASSWORD,
): Promise<WebResponse> {
  const r = await postLogin(client, username, password);
  if (r.status !== 303) throw new UnexpectedResponse(`sign in ${username}`, r);
  return r;
}

export async function logout(client: WebClient): Promise<WebResponse> {
  const r = await client.submit('/logout', { button: 'Log out' }, { op: 'sign out' });
  if (r.status !== 303) throw new UnexpectedResponse('sign out', r);
  return r;
}

/** Whether the client's cookie is a live session of `username` (the home page greets them). */
export async function signedInAs(
  client: WebClient,
  username: string,
  op = 'GET / (home)',
): Promise<boolean> {
  const r = await client.get('/', op);
  if (r.status === 307 || r.status === 303) return false;
  if (r.status !== 200) throw new UnexpectedResponse('home page', r);
  return pageText(r).includes(`Welcome, ${username}`);
}
