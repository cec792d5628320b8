/**
 * Lets a long synchronous job give the event loop back now and then, so other requests are
 * answered while an import is read. `await tick()` yields (setImmediate: after pending I/O and
 * timers) once `budgetMs` have passed since the last yield; `await tick(true)` always yields.
 */
export function yielder(budgetMs = 15) {
  let last = performance.now();
  let yields = 0;
  async function tick(force = false): Promise<void> {
    if (!force && performance.now() - last < budgetMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    yields += 1;
    last = performance.now();
  }
  return Object.assign(tick, { count: () => yields });
}
