import { requireSession } from '@/lib/auth/session';
import { createContactAction } from '../actions';
import { ContactForm } from '../contact-form';

export const metadata = { title: 'Add a contact · Contact Cards' };

export default async function NewContactPage() {
  await requireSession();
  return (
    <section>
      <h1>Add a contact</h1>
      <ContactForm action={createContactAction} initial={{}} cancelHref="/contacts" />
    </section>
  );
}
