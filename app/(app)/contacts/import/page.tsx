import { requireSession } from '@/lib/auth/session';
import { IMPORT_MESSAGES } from '@/lib/contacts/import/limits';
import { ImportForm } from './import-form';

export const metadata = { title: 'Import contacts · Contact Cards' };

export default async function ImportPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requireSession();
  // The server sends a file too large to read here (server/limits.ts), with this flag.
  const tooLarge = (await searchParams).error === 'too-large';
  return (
    <section>
      <h1>Import contacts</h1>
      <p>
        Contacts are added to your address book; a card with the UID of one you have updates it, so
        importing the same file again changes nothing. A value that does not pass a check is kept as
        typed and listed below; only records with no name, organisation, email or phone are skipped.
        If anything goes wrong while saving, nothing from the file is added.
      </p>
      <ImportForm
        key={tooLarge ? 'too-large' : 'form'}
        initialError={tooLarge ? IMPORT_MESSAGES.tooLarge : undefined}
      />
    </section>
  );
}
