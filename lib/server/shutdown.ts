/**
 * Work to do before the process exits (close the database, release its lock). The registry lives
 * on globalThis because Next bundles server code into several chunks, each with its own modules.
 * It is run by lib/server/startup.ts: on a signal, or when the custom server asks (lib/server/handover.mts).
 */
type Hook = () => Promise<void> | void;

const key = Symbol.for('contact-cards.shutdown');
type WithHooks = typeof globalThis & { [key]?: { hooks: Hook[]; run: () => Promise<void> } };

function registry() {
  const g = globalThis as WithHooks;
  g[key] ??= {
    hooks: [],
    async run() {
      const hooks = g[key]!.hooks.splice(0).reverse();
      for (const hook of hooks) {
        try {
          await hook();
        } catch (error) {
          console.error('shutdown hook failed', error);
        }
      }
    },
  };
  return g[key];
}

export function onShutdown(hook: Hook): void {
  registry().hooks.push(hook);
}

export function runShutdown(): Promise<void> {
  return registry().run();
}
