import type { NameOrder } from '@/lib/contacts/store';
import { setNameOrderAction } from './list-actions';

/** "Sort names by first / last name": a small form (a POST, so it works without JavaScript). */
export function NameOrderForm({ order, back }: { order: NameOrder; back: string }) {
  return (
    <form action={setNameOrderAction} className="name-order-form">
      <fieldset className="inline-fieldset">
        <legend>Sort names by</legend>
        <label>
          <input type="radio" name="order" value="first" defaultChecked={order === 'first'} /> First
          name
        </label>{' '}
        <label>
          <input type="radio" name="order" value="last" defaultChecked={order === 'last'} /> Last
          name
        </label>
      </fieldset>
      <input type="hidden" name="back" value={back} />
      <button type="submit" className="secondary">
        Apply
      </button>
    </form>
  );
}
