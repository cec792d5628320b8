import type { CDPSession, Page } from '@playwright/test';
import { logOut, openSecurityLog, postForm, submitLogin } from './auth-helpers';
import {
  expect,
  expectAccessible,
  jsEnabled,
  registerUser,
  signIn,
  test,
  type TestUser,
} from './fixtures';

/*
 * Passkeys through Chromium's virtual authenticator (DevTools WebAuthn domain): ctap2, resident
 * keys, user verification. WebAuthn refuses an IP address as the relying party ("This is an
 * invalid domain"), and the e2e servers are reached at 127.0.0.1: this spec uses the same main
 * server by the name localhost, a secure context too. Cookies are per host, so its users are
 * registered at localhost as well.
 */
test.use({ baseURL: `http://localhost:${process.env.E2E_PORT ?? 3210}` });
// Several sign-ins, argon2 hashes and axe runs per test: give a busy machine room.
test.describe.configure({ timeout: 90_000 });

async function addAuthenticator(cdp: CDPSession): Promise<string> {
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
    },
  });
  return authenticatorId;
}

/**
 * The virtual authenticator answers an autofill (conditional) request at once, as if the person
 * had picked the passkey from the username field's list: `autofill: false` switches autofill off
 * in this page, so the button is what signs in.
 */
async function virtualAuthenticator(page: Page, { autofill = false } = {}) {
  if (!autofill) {
    await page.addInitScript(() => {
      Object.defineProperty(PublicKeyCredential, 'isConditionalMediationAvailable', {
        value: async () => false,
      });
    });
  }
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('WebAuthn.enable');
  return { cdp, authenticatorId: await addAuthenticator(cdp) };
}

/** A fresh user signed in on `page`, with one passkey added from /account. */
async function userWithPasskey(page: Page, baseURL: string, name: string): Promise<TestUser> {
  const user = await registerUser(page.context().browser()!, baseURL);
  await signIn(page.context(), user);
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Passkeys' });
  await expect(section).toContainText('No passkeys yet.');
  await section.getByLabel('Passkey name').fill(name);
  await section.getByRole('button', { name: 'Add a passkey' }).click();
  await expect(page.getByRole('status')).toContainText(`Passkey “${name}” added.`);
  return user;
}

async function signInWithPasskey(page: Page) {
  await page.getByRole('button', { name: 'Sign in with a passkey' }).click();
}

test.describe('passkeys', () => {
  test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'Passkeys need JavaScript.');

  test('add a passkey, sign in with it without a username, confirm with it, remove it', async ({
    page,
    baseURL,
  }) => {
    const { cdp, authenticatorId } = await virtualAuthenticator(page);
    const user = await userWithPasskey(page, baseURL!, 'Test laptop');
    const section = page.getByRole('region', { name: 'Passkeys' });
    const row = section.getByRole('row', { name: /Test laptop/ });
    await expect(row.getByRole('cell').nth(2)).toHaveText('Never used');
    await expectAccessible(page);
    // A discoverable credential, made with user verification, for this site.
    const { credentials } = await cdp.send('WebAuthn.getCredentials', { authenticatorId });
    expect(credentials).toHaveLength(1);
    expect(credentials[0]).toMatchObject({ isResidentCredential: true, rpId: 'localhost' });

    await logOut(page);
    // A stranger's wrong passwords lock the password form at this address (posted quickly, as
    // the main server's lock lasts 6 seconds, from the form as the server sent it)…
    await page.goto('/login');
    for (let i = 0; i < 5; i++) {
      const response = await postForm(page, page.locator('main form'), {
        username: user.username,
        password: `wrong password ${i}`,
        next: '',
      });
      expect(await response.text()).toContain('Invalid username or password.');
    }
    await submitLogin(page, user.username, user.password);
    await expect(page.getByRole('alert').filter({ hasText: 'Too many attempts' })).toBeVisible();
    // …but never the owner's passkey, which needs no username. The notice counts them.
    await page.goto('/login');
    await expect(page.getByLabel('Username')).toHaveAttribute('autocomplete', 'username webauthn');
    await expectAccessible(page);
    await signInWithPasskey(page);
    await expect(page).toHaveURL(/\/$/);
    // A warning, so an alert rather than a status.
    await expect(page.getByRole('alert').filter({ hasText: 'Welcome back' })).toContainText(
      `Welcome back, ${user.username}. 5 failed sign-in attempts since your last visit.`,
    );
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);

    await page.goto('/account');
    await expect(row.getByRole('cell').nth(2)).toContainText(String(new Date().getUTCFullYear()));
    const log = await openSecurityLog(page);
    await expect(log).toContainText('Signed in with a passkey: Test laptop');
    await expect(log).toContainText('Passkey added: Test laptop');

    // Re-authentication with the same passkey (only the user's own are asked for).
    await page.goto('/account/confirm?next=%2Faccount');
    await expect(page.getByRole('heading', { name: 'Or use a passkey' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: 'Confirm with a passkey' }).click();
    await expect(page).toHaveURL(/\/account$/);
    await expect(await openSecurityLog(page)).toContainText('Identity confirmed: with a passkey');
    await page.goto('/account');

    await row.getByRole('button', { name: 'Remove the passkey Test laptop' }).click();
    await expect(page.getByRole('status')).toContainText('Passkey “Test laptop” removed.');
    await expect(section).toContainText('No passkeys yet.');
    await expect(await openSecurityLog(page)).toContainText('Passkey removed: Test laptop');
  });

  test('a copied passkey with a stale signature counter is refused, and the owner sees why', async ({
    page,
    baseURL,
  }) => {
    const { cdp, authenticatorId } = await virtualAuthenticator(page);
    const user = await userWithPasskey(page, baseURL!, 'Security key');
    await logOut(page);
    await signInWithPasskey(page);
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
    // The copy: the credential as it is now (counter N), private key and all.
    const [copy] = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
    expect(copy!.signCount).toBeGreaterThan(0);
    // The real key is used again: the site now holds counter N + 1.
    await logOut(page);
    await signInWithPasskey(page);
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
    await logOut(page);

    // Another device with the copy: its next use says N + 1 again, not more.
    await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
    const cloneId = await addAuthenticator(cdp);
    await cdp.send('WebAuthn.addCredential', { authenticatorId: cloneId, credential: copy! });
    await signInWithPasskey(page);
    await expect(
      page.getByRole('alert').filter({ hasText: 'its signature counter went backwards' }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/login$/);
    await expect(page.getByRole('banner')).not.toContainText('Signed in as');

    // The owner signs in with the password and finds it in the security log.
    await submitLogin(page, user.username, user.password);
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
    await expect(await openSecurityLog(page)).toContainText(
      'Failed sign-in attempts: Passkey “Security key” refused: its counter went backwards',
    );
  });

  test('the username field offers passkeys (autofill): picking one signs in', async ({
    page,
    baseURL,
  }) => {
    await virtualAuthenticator(page, { autofill: true });
    const user = await userWithPasskey(page, baseURL!, 'Phone');
    await page.getByRole('banner').getByRole('button', { name: 'Log out' }).click();
    await page.waitForURL(/\/login$/);
    // The login page starts an autofill request, which the virtual authenticator answers.
    await expect(page).toHaveURL(/\/$/);
    await expect(page.getByRole('status')).toContainText(`Welcome back, ${user.username}.`);
    await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
    await expect(await openSecurityLog(page)).toContainText('Signed in with a passkey: Phone');
  });

  test('the Permissions-Policy lets this site, and only it, use passkeys', async ({ request }) => {
    const policy = (await request.get('/login')).headers()['permissions-policy'] ?? '';
    expect(policy).toContain('publickey-credentials-get=(self)');
    expect(policy).toContain('publickey-credentials-create=(self)');
    for (const feature of ['camera', 'microphone', 'geolocation', 'payment', 'usb']) {
      expect(policy).toContain(`${feature}=()`);
    }
  });
});

test('without JavaScript the login page says passkeys need it, and the password works', async ({
  page,
  browser,
  baseURL,
}, testInfo) => {
  test.skip(jsEnabled(testInfo), 'The no-JavaScript page.');
  await page.goto('/login');
  await expect(page.getByText('Signing in with a passkey needs JavaScript.')).toBeVisible();
  await expect(page.getByRole('button', { name: /passkey/i })).toHaveCount(0);
  await expectAccessible(page);
  const user = await registerUser(browser, baseURL!);
  await submitLogin(page, user.username, user.password);
  await expect(page.getByRole('banner')).toContainText(`Signed in as ${user.username}`);
  await page.goto('/account');
  const section = page.getByRole('region', { name: 'Passkeys' });
  await expect(section).toContainText('Adding a passkey needs JavaScript.');
  await expect(section.getByRole('button', { name: 'Add a passkey' })).toHaveCount(0);
});
