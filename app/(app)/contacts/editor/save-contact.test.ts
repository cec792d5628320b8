import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { emptyContact } from '@/lib/contacts/model';
import { draftOf, readEditorRequest } from './save-contact';

const form = (entries: [string, string | Blob][]) => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};

describe('readEditorRequest', () => {
  it('answers "Add phone" with one row more and every value as typed, saving nothing', async () => {
    const request = await readEditorRequest(
      form([
        ['intent', 'add:phones'],
        ['name.given', 'Ada'],
        ['phones.0.value', 'not checked yet'],
      ]),
      { uid: '', version: '3' },
    );
    expect(request.kind).toBe('rows');
    if (request.kind !== 'rows') return;
    expect(request.state.errors).toEqual({});
    expect(request.state.version).toBe('3');
    expect(request.state.draft.model.name.given).toBe('Ada');
    expect(request.state.draft.model.phones.map((p) => p.value)).toEqual(['not checked yet', '']);
  });

  it('refuses a short code beside its field, and saves it flagged once kept as typed', async () => {
    const entries: [string, string][] = [
      ['name.given', 'Ada'],
      ['phones.0.value', '+44 20 7946 0958'],
      ['phones.1.value', '121'],
      ['phones.2.value', ''],
    ];
    const refused = await readEditorRequest(form(entries), { uid: '' });
    expect(refused.kind).toBe('refused');
    if (refused.kind !== 'refused') return;
    expect(Object.keys(refused.state.errors)).toEqual(['phones.1.value']);
    expect(refused.state.draft.model.phones).toHaveLength(3);

    const saved = await readEditorRequest(form([...entries, ['keep.phones.1.value', 'on']]), {
      uid: 'urn:uuid:x',
    });
    expect(saved.kind).toBe('save');
    if (saved.kind !== 'save') return;
    expect(saved.model.uid).toBe('urn:uuid:x');
    expect(saved.model.phones.map((p) => p.value)).toEqual(['+44 20 7946 0958', '121']);
    expect(saved.flags).toMatchObject([{ field: 'phones', index: 1, value: '121' }]);
    expect(saved.photo).toBeUndefined();
  });

  it('keeps a note over its cap in full only when the person insists', async () => {
    const entries: [string, string][] = [
      ['name.given', 'Ada'],
      ['note', 'n'.repeat(10_001)],
    ];
    const refused = await readEditorRequest(form(entries), { uid: '' });
    expect(refused.kind === 'refused' && Object.keys(refused.state.errors)).toEqual(['note']);
    const saved = await readEditorRequest(form([...entries, ['keep.note', 'on']]), { uid: '' });
    expect(saved.kind === 'save' && saved.model.note.length).toBe(10_001);
  });

  it('says what a date of day, month and year needs', async () => {
    const request = await readEditorRequest(
      form([
        ['name.given', 'Ada'],
        ['birthday.day', '31'],
        ['birthday.month', '2'],
      ]),
      { uid: '' },
    );
    expect(request.kind === 'refused' && request.state.errors.birthday).toEqual([
      expect.stringMatching(/^Enter a day and a month/),
    ]);
  });

  it('names a contact with nothing to find it by as a whole-form error', async () => {
    const request = await readEditorRequest(form([]), { uid: '' });
    expect(request.kind === 'refused' && Object.keys(request.state.errors)).toEqual(['form']);
  });

  it('re-encodes an uploaded photo, refuses one that is not an image, and removes on request', async () => {
    const png = await sharp({
      create: { width: 40, height: 30, channels: 3, background: '#123456' },
    })
      .png()
      .toBuffer();
    const base: [string, string][] = [['name.given', 'Ada']];
    const saved = await readEditorRequest(
      form([...base, ['photo', new File([new Uint8Array(png)], 'a.png', { type: 'image/png' })]]),
      { uid: '' },
    );
    expect(saved.kind === 'save' && saved.photo?.mime).toBe('image/jpeg');
    const bad = await readEditorRequest(
      form([...base, ['photo', new File(['not an image'], 'a.png', { type: 'image/png' })]]),
      { uid: '' },
    );
    expect(bad.kind === 'refused' && Object.keys(bad.state.errors)).toEqual(['photo']);
    const removed = await readEditorRequest(form([...base, ['removePhoto', 'on']]), { uid: '' });
    expect(removed.kind === 'save' && removed.photo).toBeNull();
  });
});

describe('draftOf', () => {
  it('leaves a display name that only repeats the parts empty, and keeps flagged values kept', () => {
    const model = { ...emptyContact(), formattedName: 'Ada Lovelace' };
    model.name.given = 'Ada';
    model.name.family = 'Lovelace';
    const draft = draftOf(model, [
      { field: 'phones', index: 1, value: '121', reason: 'kept as typed' },
      { field: 'birthday', value: 'circa 1815', reason: 'kept as text' },
    ]);
    expect(draft.model.formattedName).toBe('');
    expect(draft.keep).toEqual(['phones.1.value', 'birthday']);
    expect(
      draftOf({ ...model, formattedName: 'Countess of Lovelace' }, []).model.formattedName,
    ).toBe('Countess of Lovelace');
  });
});
