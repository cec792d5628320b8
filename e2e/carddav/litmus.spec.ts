import { runLitmus } from '../../test/support/litmus';
import { expect, test } from '../fixtures';
import { LitmusShim } from './litmus-shim';
import { davTarget } from './support';

/**
 * Debian's litmus (WebDAV conformance) against one user's address book. litmus tests a general
 * file server; an address book stores vCards only and offers neither collections, COPY/MOVE, dead
 * properties nor locks. The tests below are the ones that apply, and they must pass; every other
 * test is listed with why it does not apply (the same list is in the README). litmus needs a
 * scratch collection to start, which LitmusShim provides (see there).
 */
const APPLICABLE = [
  'basic/options', // OPTIONS: a DAV header with class 1
  'basic/put_no_parent', // PUT below a missing collection is refused (404 here; litmus prefers 409)
  'basic/delete_null', // DELETE of a missing resource: 404
  'props/propfind_invalid', // PROPFIND with a malformed body: 400
  'props/propfind_invalid2', // an empty namespace prefix declaration is malformed XML: 400
  'props/propfind_d0', // PROPFIND depth 0 allprop on the collection: 207
  'props/propextended', // PROPFIND allprop with an <include> (RFC 4918)
  'props/propwformed', // PROPPATCH whose value is well-formed XML is answered, not a crash
  'locks/options', // OPTIONS, before the lock tests (skipped by litmus: no class 2)
  'http/expect100', // a PUT with Expect: 100-continue is answered, not left hanging
] as const;

// Plain HTTP and a command-line client: the JavaScript-off project would run the same again.
test.skip(({ javaScriptEnabled }) => !javaScriptEnabled, 'HTTP only: one project is enough');

test('litmus: the WebDAV tests that apply to an address book pass', async ({
  browser,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const target = await davTarget(browser, baseURL!);
  const shim = await LitmusShim.start(target.url);
  try {
    const run = await runLitmus(shim.url, target.username, target.password);
    const seen = Object.fromEntries(
      [...run.results].map(([name, r]) => [name, `${r.status} ${r.detail}`.trim()]),
    );
    test.info().attach('litmus output', { body: run.output, contentType: 'text/plain' });
    for (const name of APPLICABLE)
      expect(run.results.get(name)?.status, `${name}: ${seen[name] ?? 'not run'}`).toBe('pass');
    // Each suite reached its tests (the scratch collection worked) and cleaned up after itself.
    for (const suite of ['basic', 'copymove', 'props', 'locks', 'http'])
      for (const step of ['init', 'begin', 'finish'])
        if (suite !== 'locks' || step !== 'finish')
          expect(run.results.get(`${suite}/${step}`)?.status, `${suite}/${step}`).toBe('pass');
    // Nothing the shim answered itself is a test result: only the scratch collection.
    expect(shim.faked.every((f) => /^(MKCOL|DELETE) .*\/litmus\/$/.test(f))).toBe(true);
  } finally {
    await shim.close();
    await target.close();
  }
});
