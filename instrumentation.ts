/**
 * Runs once when a server process starts (never during `next build`): validate the configuration,
 * take the data folder's lock, open and migrate the database. A wrong variable or a folder held by
 * another process stops start-up here, with a message, before the server accepts a request.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  // First, so that nothing Next reports later prints a stack, a file path or SQL (docs/security.md).
  const [{ installSafeConsole }, { getLogger }] = await Promise.all([
    import('./lib/server/safe-log'),
    import('./lib/server/log'),
  ]);
  installSafeConsole(getLogger);
  const { startServerProcess } = await import('./lib/server/startup');
  await startServerProcess();
}

/** Every error a request hits, as one structured log line: what and where, never a stack or SQL. */
export async function onRequestError(
  error: unknown,
  request: { path: string; method: string },
  context: { routePath: string; routeType: string },
) {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { getLogger } = await import('./lib/server/log');
  const digest = (error as { digest?: string }).digest;
  getLogger().error({
    event: 'request_error',
    type: error instanceof Error ? error.name : typeof error,
    digest,
    method: request.method,
    // The route's pattern, not the URL: a path can carry what the user typed.
    route: context.routePath,
    routeType: context.routeType,
  });
}
