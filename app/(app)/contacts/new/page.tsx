import { requireSession } from '@/lib/auth/session';
import { emptyContact } from '@/lib/contacts/model';
import { listLabels } from '@/lib/contacts/store';
import { createContactAction } from '../actions';
import { ContactEditor } from '../editor/contact-editor';

export const metadata = { title: 'Add a contact · Contact Cards' };

export default async function NewContactPage() {
  const { user } = await requireSession();
  const labels = await listLabels(user.id);
  return (
    <section>
      <h1>Add a contact</h1>
      <ContactEditor
        action={createContactAction}
        initial={{ errors: {}, values: {}, draft: { model: emptyContact(), keep: [] } }}
        labelOptions={labels.map((l) => l.name)}
        cancelHref="/contacts"
      />
    </section>
  );
}
