import Link from 'next/link';
import { emptyTrashAction } from '../actions';

export const metadata = { title: 'Empty the Trash? · Contact Cards' };

/** The confirmation step for emptying the Trash (a page, so it works without JavaScript). */
export default function EmptyTrashPage() {
  return (
    <section className="narrow">
      <h1>Empty the Trash?</h1>
      <p>Every contact in the Trash is deleted forever. This cannot be undone.</p>
      <form action={emptyTrashAction} className="actions">
        <button type="submit" className="danger">
          Yes, empty the Trash
        </button>
        <Link href="/contacts/trash">Cancel</Link>
      </form>
    </section>
  );
}
