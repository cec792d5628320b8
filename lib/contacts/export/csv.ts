import { googleCsvHeader, googleCsvLayout, googleCsvRow, type GoogleCsvLayout } from '../csv/write';
import type { ContactModel } from '../model';

type Models = () => AsyncIterable<{ model: ContactModel }>;

const BATCH = 500;

const widest = (a: GoogleCsvLayout, b: GoogleCsvLayout) =>
  Object.fromEntries(
    Object.entries(a).map(([k, v]) => [k, Math.max(v, b[k as keyof GoogleCsvLayout])]),
  ) as GoogleCsvLayout;

/** The columns every contact needs (Google's layout numbers them: "E-mail 3 - Value"). */
async function layoutOf(models: Models): Promise<GoogleCsvLayout> {
  let layout = googleCsvLayout([]);
  let batch: { model: ContactModel }[] = [];
  for await (const { model } of models()) {
    batch.push({ model });
    if (batch.length < BATCH) continue;
    layout = widest(layout, googleCsvLayout(batch));
    batch = [];
  }
  return widest(layout, googleCsvLayout(batch));
}

/**
 * The address book as CSV in Google Contacts' current layout, streamed: a first pass over the
 * contacts finds how many numbered columns each kind needs, a second writes the rows, so no more
 * than a batch of contacts is ever held.
 */
export async function* exportGoogleCsv(models: Models): AsyncGenerator<string> {
  const layout = await layoutOf(models);
  yield googleCsvHeader(layout);
  for await (const { model } of models()) yield googleCsvRow(model, layout);
}
