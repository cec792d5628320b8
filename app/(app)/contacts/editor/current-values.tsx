import { displayName, type ContactModel } from '@/lib/contacts/model';
import { ContactDetails } from '../contact-details';

/** The saved values of a contact someone else changed while this form was open. */
export function CurrentValues({ current, locale }: { current: ContactModel; locale: string }) {
  return (
    <section className="conflict" aria-labelledby="current-values-heading">
      <h2 id="current-values-heading">Current saved values</h2>
      <p>{displayName(current) || 'No name'}</p>
      <ContactDetails model={current} flags={[]} locale={locale} />
    </section>
  );
}
