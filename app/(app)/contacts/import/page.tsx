import { requireSession } from '@/lib/auth/session';
import { ImportForm } from './import-form';

export const metadata = { title: 'Import contacts · Contact Cards' };

export default async function ImportPage() {
  await requireSession();
  return (
    <section>
      <h1>Import contacts</h1>
      <p>
        Contacts are added to your address book. Records that cannot be read are skipped and listed
        with the reason; if anything goes wrong while saving, nothing from the file is added.
      </p>
      <ImportForm />
    </section>
  );
}
