// The production server's V8 heap cap. Without one, V8 lets the heap grow to 200 MB under load
// (garbage it has no reason to collect yet on a machine with free memory): the server peaked at
// 480 MB against 340 MB with the cap, at the same throughput (npm run bench, docs/decisions/008).
// `npm start` passes it (package.json, checked by scripts/server-heap.test.ts); so do the tests
// and the benchmark, so that they run the server as production does.
export const SERVER_HEAP_FLAG = '--max-old-space-size=256';
