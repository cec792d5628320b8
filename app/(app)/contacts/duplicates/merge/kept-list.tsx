import type { ContactModel } from '@/lib/contacts/model';
import { showAddress } from '../show';

/** Everything of every contact the merged one keeps, once each: the lists a merge never drops. */
export function KeptList({ model }: { model: ContactModel }) {
  const kinds: [string, string[]][] = [
    ['Emails', model.emails.map((e) => e.value)],
    ['Phones', model.phones.map((p) => p.value)],
    ['Addresses', model.addresses.map(showAddress)],
    ['Websites', model.urls.map((u) => u.value)],
    ['Labels', model.labels],
  ];
  return (
    <>
      <h3>Kept from all of them</h3>
      <ul>
        {kinds.map(([kind, values]) => (
          <li key={kind}>
            {kind}:{' '}
            {values.length === 0 ? 'none' : `${values.length}, all kept (${values.join('; ')})`}
          </li>
        ))}
      </ul>
    </>
  );
}
