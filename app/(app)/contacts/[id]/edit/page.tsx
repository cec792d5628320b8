import type { Metadata } from 'next';
import { contactFormValues } from '@/lib/contacts/form-values';
import { contactName, formatBirthday } from '@/lib/contacts/format';
import { updateContactAction } from '../../actions';
import { ContactForm } from '../../contact-form';
import { contactOr404, contactTitle } from '../load-contact';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return contactTitle((await params).id, (name) => `Edit ${name} · Contact Cards`);
}

export default async function EditContactPage({ params }: Props) {
  const contact = await contactOr404((await params).id);
  return (
    <section>
      <h1>Edit {contactName(contact)}</h1>
      <ContactForm
        action={updateContactAction}
        initial={contactFormValues(contact)}
        contactId={contact.id}
        cancelHref={`/contacts/${contact.id}`}
        noYearLabel={
          contact.birthday ? undefined : formatBirthday(null, contact.birthdayMonthDay) || undefined
        }
      />
    </section>
  );
}
