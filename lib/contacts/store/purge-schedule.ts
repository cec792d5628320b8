import 'server-only';
import { onShutdown } from '../../server/shutdown';
import { purgeExpiredTrash } from './trash';

const DAY_MS = 86_400_000;

/**
 * Deletes contacts trashed more than 30 days ago now and then once a day. The timer is unref'd:
 * it never keeps the process alive, and a failure is logged and retried the next day.
 */
export function startTrashPurge(log: (event: object, message?: string) => void): void {
  const run = () =>
    purgeExpiredTrash()
      .then((purged) => {
        if (purged > 0) log({ event: 'trash_purged', purged });
      })
      .catch((error: unknown) =>
        log(
          {
            event: 'trash_purge_failed',
            message: error instanceof Error ? error.message : String(error),
          },
          'trash purge failed',
        ),
      );
  void run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  onShutdown(() => clearInterval(timer));
}
