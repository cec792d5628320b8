import { takeFlashMessages } from '@/lib/flash/flash';
import { FlashList } from './flash-list';

/** Pending flash messages, for the root layout. */
export async function Flash() {
  const messages = await takeFlashMessages();
  return <FlashList messages={messages} />;
}
