// Issue 16's yardstick: a bare node:http server answering every request with the same static
// 2 KB HTML page. Each page's requests per second are printed as a share of this one's, measured
// in the same run, so machines and runs compare.
import http from 'node:http';

const port = Number(process.argv[2] ?? 0);
const body = Buffer.from(
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Static</title></head><body>${'<p>Contact Cards, a static page of two kilobytes.</p>'.repeat(36)}</body></html>`,
);
const server = http.createServer((req, res) => {
  res.writeHead(200, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': body.length,
    'cache-control': 'no-store',
  });
  res.end(body);
});
server.listen(port, '127.0.0.1', () =>
  console.log(`static page server on ${server.address().port} (${body.length} bytes)`),
);
process.on('SIGTERM', () => server.close(() => process.exit(0)));
