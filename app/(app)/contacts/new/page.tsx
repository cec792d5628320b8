import { requireSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { inCountry } from '@/lib/contacts/checks/country-name';
import { emptyRow } from '@/lib/contacts/form-model';
import { emptyContact, type LabelledValue } from '@/lib/contacts/model';
import { listLabels } from '@/lib/contacts/store';
import { createContactAction } from '../actions';
import { getRequestLocale } from '@/lib/format/request-locale';
import { ContactEditor } from '../editor/contact-editor';

export const metadata = { title: 'Add a contact · Contact Cards' };

/** A new contact starts with one email and one phone row, the fields most people fill. */
function startingDraft() {
  const model = emptyContact();
  model.emails = [emptyRow('emails') as LabelledValue];
  model.phones = [emptyRow('phones') as LabelledValue];
  return { model, keep: [] };
}

export default async function NewContactPage() {
  const { user } = await requireSession();
  const labels = await listLabels(user.id);
  return (
    <section>
      <h1>Add a contact</h1>
      <ContactEditor
        action={createContactAction}
        initial={{ errors: {}, values: {}, draft: startingDraft() }}
        labelOptions={labels.map((l) => l.name)}
        locale={await getRequestLocale()}
        phoneCountry={inCountry(getConfig().DEFAULT_PHONE_REGION)}
        cancelHref="/contacts"
      />
    </section>
  );
}
