import { describe, expect, it } from 'vitest';
import {
  applyIntent,
  composeDate,
  contactFormEntries,
  parseIntent,
  readContactForm,
  splitDate,
  type ContactDraft,
} from './form-model';
import { emptyAddress, emptyContact, type ContactModel } from './model';

const toFormData = (entries: [string, string][]) => {
  const fd = new FormData();
  for (const [k, v] of entries) fd.append(k, v);
  return fd;
};
const roundTrip = (draft: ContactDraft) => readContactForm(toFormData(contactFormEntries(draft)));

function fullContact(): ContactModel {
  return {
    ...emptyContact(),
    formattedName: 'Dr. Ana María Núñez',
    name: { prefix: 'Dr.', given: 'Ana', middle: 'María', family: 'Núñez', suffix: 'PhD' },
    nickname: 'Ani',
    organization: 'Acme, Inc.',
    department: 'R&D',
    jobTitle: 'Chemist',
    emails: [
      { value: 'ana@example.com', label: 'work', pref: false },
      { value: 'ana@home.example', label: 'home', pref: true },
    ],
    phones: [
      { value: '+44 20 7946 0958', label: 'main', pref: false },
      { value: '121', label: 'Voicemail', pref: false },
      { value: '', label: '', pref: false },
    ],
    addresses: [
      {
        ...emptyAddress(),
        label: 'Cottage',
        pref: true,
        street: '1 Lane\nFlat 2',
        locality: 'Town',
        postalCode: 'AB1 2CD',
        country: 'UK',
        poBox: '12',
      },
    ],
    urls: [{ value: 'https://example.com/a,b;c', label: 'other', pref: false }],
    impps: [{ value: 'xmpp:ana@example.com', label: '', pref: false }],
    birthday: '--04-12',
    anniversary: '2001-06-30',
    dates: [{ value: '2010-01-02', label: 'First met' }],
    related: [{ value: 'Bo Núñez', label: 'spouse' }],
    labels: ['Family', 'Book club'],
    favourite: true,
    note: 'Line one\nLine two',
  };
}

describe('contact form model', () => {
  it('reads back every field it writes, rows and own labels included', () => {
    const draft = { model: fullContact(), keep: ['birthday', 'note', 'phones.1.value'] };
    expect(roundTrip(draft)).toEqual(draft);
  });

  it('reads an empty form as an empty contact', () => {
    expect(readContactForm(new FormData())).toEqual({ model: emptyContact(), keep: [] });
  });

  it('prefers a typed own label over the chosen one', () => {
    const fd = toFormData([
      ['emails.0.value', 'a@b.example'],
      ['emails.0.label', 'home'],
      ['emails.0.labelOther', ' Club '],
      ['emails.1.value', 'c@d.example'],
      ['emails.1.label', 'own'],
    ]);
    expect(readContactForm(fd).model.emails.map((e) => e.label)).toEqual(['Club', '']);
  });

  it('closes gaps in row numbers, and the keep ticks and pref follow their rows', () => {
    const fd = toFormData([
      ['phones.0.value', '1'],
      ['phones.3.value', '121'],
      ['keep.phones.3.value', 'on'],
      ['phones.pref', '3'],
    ]);
    const { model, keep } = readContactForm(fd);
    expect(model.phones.map((p) => [p.value, p.pref])).toEqual([
      ['1', false],
      ['121', true],
    ]);
    expect(keep).toEqual(['phones.1.value']);
  });

  it('ignores row numbers past the cap and caps what a field holds', () => {
    const fd = toFormData([
      ['phones.100.value', 'x'],
      ['note', 'n'.repeat(200_000)],
    ]);
    const { model } = readContactForm(fd);
    expect(model.phones).toEqual([]);
    expect(model.note.length).toBe(100_000);
  });

  it('adds the new label and keeps ticked ones once each', () => {
    const fd = toFormData([
      ['labels', 'Family'],
      ['labels', 'Work'],
      ['newLabel', ' Family '],
    ]);
    expect(readContactForm(fd).model.labels).toEqual(['Family', 'Work']);
  });
});

describe('dates as day, month and year', () => {
  it('composes with and without a year', () => {
    expect(composeDate('5', '4', '1985')).toBe('1985-04-05');
    expect(composeDate('12', '11', '')).toBe('--11-12');
    expect(composeDate('', '', '', 'sometime in 1980')).toBe('sometime in 1980');
  });
  it('keeps an incomplete date as typed for the checks to refuse', () => {
    expect(composeDate('5', '', '1985')).toBe('1985--05');
  });
  it('splits what it composes, and keeps text it cannot split', () => {
    expect(splitDate('1985-04-05')).toEqual({ day: '5', month: '4', year: '1985', kept: '' });
    expect(splitDate('--11-12')).toEqual({ day: '12', month: '11', year: '', kept: '' });
    expect(splitDate('circa 1980').kept).toBe('circa 1980');
  });
});

describe('row intents', () => {
  it('parses add and remove, and nothing else', () => {
    expect(parseIntent('add:phones')).toEqual({ op: 'add', kind: 'phones' });
    expect(parseIntent('remove:addresses:2')).toEqual({
      op: 'remove',
      kind: 'addresses',
      index: 2,
    });
    for (const bad of ['save', 'add:labels', 'remove:phones', 'add:phones:1', 'remove:x:1', 7]) {
      expect(parseIntent(bad)).toBeNull();
    }
  });

  it('adds an empty row and keeps every value', () => {
    const draft = { model: fullContact(), keep: ['phones.1.value'] };
    const next = applyIntent(draft, { op: 'add', kind: 'emails' });
    expect(next.model.emails).toHaveLength(3);
    expect(next.model.emails[2]).toEqual({ value: '', label: '', pref: false });
    expect({ ...next.model, emails: draft.model.emails }).toEqual(draft.model);
    expect(next.keep).toEqual(draft.keep);
  });

  it('removes a row; keep ticks of later rows move up, the removed one goes', () => {
    const draft = {
      model: fullContact(),
      keep: ['phones.0.value', 'phones.1.value', 'phones.2.value', 'birthday'],
    };
    const next = applyIntent(draft, { op: 'remove', kind: 'phones', index: 1 });
    expect(next.model.phones.map((p) => p.value)).toEqual(['+44 20 7946 0958', '']);
    expect(next.keep).toEqual(['phones.0.value', 'phones.1.value', 'birthday']);
    expect(draft.model.phones).toHaveLength(3);
  });

  it('survives the form: an added row is still there after a re-render', () => {
    const once = applyIntent({ model: emptyContact(), keep: [] }, { op: 'add', kind: 'addresses' });
    expect(roundTrip(once).model.addresses).toEqual([emptyAddress()]);
  });

  it('ignores a remove past the end', () => {
    const draft = { model: fullContact(), keep: [] };
    expect(applyIntent(draft, { op: 'remove', kind: 'urls', index: 5 })).toEqual(draft);
  });
});
