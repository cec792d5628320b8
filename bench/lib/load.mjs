import autocannon from 'autocannon';

/** Drives a URL for a bounded time and returns requests/s, p50 and p99 (ms), and error counts. */
export async function load(
  url,
  { duration = 10, connections = 10, headers = {}, method = 'GET', body } = {},
) {
  const result = await autocannon({
    url,
    duration,
    connections,
    headers,
    method,
    body,
    timeout: 10,
  });
  return {
    rps: Math.round(result.requests.average),
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
