import type { Metadata } from 'next';
import { requireSession } from '@/lib/auth/session';
import { getConfig } from '@/lib/config';
import { inCountry } from '@/lib/contacts/checks/country-name';
import { displayName } from '@/lib/contacts/model';
import { photoUrl } from '@/lib/contacts/photo-http';
import { listLabels } from '@/lib/contacts/store';
import { updateContactAction } from '../../actions';
import { getRequestLocale } from '@/lib/format/request-locale';
import { ContactEditor } from '../../editor/contact-editor';
import { draftOf } from '../../editor/save-contact';
import { contactTitle, storedContactOr404 } from '../load-contact';

type Props = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return contactTitle((await params).id, (name) => `Edit ${name} · Contact Cards`);
}

export default async function EditContactPage({ params }: Props) {
  const contact = await storedContactOr404((await params).id);
  const { user } = await requireSession();
  const labels = await listLabels(user.id);
  return (
    <section>
      <h1>Edit {displayName(contact.model) || 'contact'}</h1>
      <ContactEditor
        action={updateContactAction}
        initial={{
          errors: {},
          values: {},
          draft: draftOf(contact.model, contact.flags),
          version: String(contact.version),
        }}
        labelOptions={labels.map((l) => l.name)}
        locale={await getRequestLocale()}
        phoneCountry={inCountry(getConfig().DEFAULT_PHONE_REGION)}
        photoUrl={contact.photoEtag ? photoUrl(contact.id, contact.photoEtag) : undefined}
        contactId={contact.id}
        cancelHref={`/contacts/${contact.id}`}
      />
    </section>
  );
}
