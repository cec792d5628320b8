// How the custom server (server/index.ts) and the app talk. They share no module instances: Next
// bundles lib/ into chunks of its own, so a variable set in this module by the server is not the
// one the bundle's copy reads (measured: a module-level flag set by the server reads false in a
// route). What they do share is the process, so both ends of each hand-over are here:
//  1. CONTACT_CARDS_SERVER_PID: the server sets it to its own pid before Next loads. The app trusts
//     the server's headers (x-contact-cards-client) only when it equals process.pid: under plain
//     `next start` or `next dev` no one set it, and a value inherited by a child process or typed
//     into a shell names some other process, so a client cannot bring its own address in a header.
//  2. The process event 'contact-cards:stop': once requests have drained the server emits it with a
//     callback; the app's listener closes the database and releases its lock, then calls back.
//  3. Plain handlers (CardDAV, the birthday feed): requests Next cannot take (PROPFIND, REPORT) or
//     that carry no session. The app registers them at start-up on a process-wide symbol; the
//     server gives them the paths they claim, before Next, and Next everything else.
// Loaded by Node directly (from server/) as well as by the bundler: erasable TypeScript only, no
// imports, and `.mts` so that Node reads it as an ES module without guessing.

const PLAIN_HANDLERS = Symbol.for('contact-cards.plain-handlers');
const PID_VARIABLE = 'CONTACT_CARDS_SERVER_PID';
const STOP_EVENT = 'contact-cards:stop';
/** `process` as the plain event emitter it is (its own typings list only Node's events). */
const events: NodeJS.EventEmitter = process;

/** Server side, before Next loads: requests in this process come through the custom server. */
export function announceCustomServer(): void {
  process.env[PID_VARIABLE] = String(process.pid);
}

/** App side: whether requests reach this process through the custom server. */
export function behindCustomServer(): boolean {
  return process.env[PID_VARIABLE] === String(process.pid);
}

/** App side: run `hook` when the custom server has drained its requests and is about to exit. */
export function onCustomServerStop(hook: () => Promise<void>): void {
  events.once(STOP_EVENT, (done: () => void) => void hook().finally(done));
}

/** Server side: run the app's stop hook, if it registered one, and wait until it is done. */
export function stopApp(): Promise<void> {
  return new Promise((resolve) => {
    if (!events.emit(STOP_EVENT, resolve)) resolve();
  });
}

/** A request handler that answers without Next, for the paths `claims` accepts. */
export interface PlainHandler {
  claims: (pathname: string) => boolean;
  handle: (
    req: import('node:http').IncomingMessage,
    res: import('node:http').ServerResponse,
  ) => Promise<void>;
}
type WithHandlers = typeof globalThis & { [PLAIN_HANDLERS]?: PlainHandler[] };

/** App side, at start-up: the plain handlers (replacing any registered before). */
export function registerPlainHandlers(handlers: PlainHandler[]): void {
  (globalThis as WithHandlers)[PLAIN_HANDLERS] = handlers;
}

/** Server side: the plain handler for a path, if the app registered one. */
export function plainHandlerFor(pathname: string): PlainHandler | undefined {
  return (globalThis as WithHandlers)[PLAIN_HANDLERS]?.find((h) => h.claims(pathname));
}
