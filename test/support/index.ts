/**
 * The one test support module every suite imports (e2e, reliability, bench, the test scripts):
 * free ports and folders, the production server as a child process, a raw-HTTP client and a
 * browser-without-JavaScript client over one form parser, and the suites' shared password.
 */
export {
  ROOT,
  SERVER_ENTRY,
  SERVER_NODE_FLAGS,
  TEST_PASSWORD,
  TEST_SESSION_SECRET,
  freePort,
  sleep,
  tempDir,
} from './env.mjs';
export { AppServer, NEXT_START, npmRun, stopAll, waitForAnswer } from './server';
export {
  RawConnection,
  actionFields,
  cookieHeader,
  forgedAddressHeaders,
  multipart,
  randomLoopback,
  raw,
  setCookies,
  signInCookie,
  submitForm,
  type RawRequest,
  type RawResponse,
} from './raw-http';
export {
  Recorder,
  RequestFailed,
  WebClient,
  formOf,
  pageText,
  type Sample,
  type WebResponse,
} from './web-client';
export { parseForms, pickForm, type FormPick } from './html-forms';
export { OFF_SITE_TARGETS } from './redirect-targets';
