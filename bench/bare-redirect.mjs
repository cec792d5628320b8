// The floor for row 3: a bare node:http server answering every request with the same 307 the
// middleware sends an anonymous visitor.
import http from 'node:http';

const port = Number(process.argv[2] ?? 0);
const server = http.createServer((req, res) => {
  res.writeHead(307, {
    location: `/login?next=${encodeURIComponent(req.url ?? '/')}`,
    'cache-control': 'no-store',
  });
  res.end();
});
server.listen(port, '127.0.0.1', () =>
  console.log(`bare redirect server on ${server.address().port}`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
