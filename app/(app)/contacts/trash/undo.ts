import type { FlashAction } from '@/lib/flash/flash';

/** The Undo button carried by "Contact deleted.": posts the id to trash/restore/route.ts. */
export function undoDelete(id: string): FlashAction {
  return { label: 'Undo', path: '/contacts/trash/restore', fields: { id } };
}
