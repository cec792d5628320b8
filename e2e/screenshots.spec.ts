import { importCards, type TestCard } from './contacts-list-helpers';
import { expect, test } from './fixtures';

/**
 * The README's screenshots (docs/screenshots/*.png), made again with
 * `SCREENSHOTS=1 npm run test:e2e -- e2e/screenshots.spec.ts --project=js`. Skipped otherwise:
 * it checks nothing, it only draws. Light scheme, a desktop's 1280×800 and a phone's 390×844.
 */
test.skip(!process.env.SCREENSHOTS, 'Set SCREENSHOTS=1 to draw the README screenshots.');
test.use({ signedIn: true });

const PEOPLE: TestCard[] = [
  {
    given: 'Ada',
    family: 'Lovelace',
    org: 'Analytical Engines Ltd',
    email: 'ada@engines.example',
    phone: '+44 20 7946 0018',
    birthday: '1815-12-10',
    labels: ['Friends'],
  },
  {
    given: 'Alan',
    family: 'Turing',
    org: 'Bletchley Park',
    email: 'alan@bletchley.example',
    phone: '+44 1908 640404',
  },
  {
    given: 'Grace',
    family: 'Hopper',
    org: 'US Navy',
    email: 'grace@navy.example',
    phone: '+1 202 555 0147',
    labels: ['Work'],
  },
  {
    given: 'Katherine',
    family: 'Johnson',
    org: 'NASA Langley',
    email: 'katherine@nasa.example',
    phone: '+1 757 555 0192',
  },
  { given: 'Hedy', family: 'Lamarr', email: 'hedy@example.org', phone: '+1 310 555 0110' },
  {
    given: 'Margaret',
    family: 'Hamilton',
    org: 'MIT Instrumentation Lab',
    email: 'margaret@mit.example',
  },
  {
    given: 'Tim',
    family: 'Berners-Lee',
    org: 'CERN',
    email: 'tim@cern.example',
    phone: '+41 22 767 6111',
  },
  { given: 'Barbara', family: 'Liskov', org: 'MIT', email: 'barbara@mit.example' },
  { given: 'Edsger', family: 'Dijkstra', org: 'Eindhoven University', phone: '+31 40 247 9111' },
  { given: 'Donald', family: 'Knuth', org: 'Stanford', email: 'knuth@stanford.example' },
  {
    given: 'Frances',
    family: 'Allen',
    org: 'IBM Research',
    email: 'fran@ibm.example',
    phone: '+1 914 555 0100',
  },
  { given: 'Claude', family: 'Shannon', org: 'Bell Labs', email: 'claude@bell.example' },
];

test('README screenshots', async ({ page }) => {
  test.skip(test.info().project.use.javaScriptEnabled === false, 'Drawn once, with JavaScript.');
  test.slow();
  await importCards(page, PEOPLE);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/contacts');
  await expect(page.getByRole('heading', { name: 'L', exact: true })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/contacts.png' });

  await page.getByRole('link', { name: 'Ada Lovelace' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeVisible();
  await page.screenshot({ path: 'docs/screenshots/contact.png' });

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: 'docs/screenshots/contact-phone.png' });
  await page.goto('/contacts');
  // From the A–Z jump down: the rows, not the toolbar, are what a phone's screenshot should show.
  await page
    .getByRole('navigation', { name: /Jump to a letter/ })
    .evaluate((el) => el.scrollIntoView());
  await page.screenshot({ path: 'docs/screenshots/contacts-phone.png' });
});
