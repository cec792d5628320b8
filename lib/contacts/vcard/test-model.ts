import { emptyContact, type ContactModel } from '../model';

/** A model with every field filled, awkward characters included (tests only). */
export function fullModel(): ContactModel {
  return {
    ...emptyContact('urn:uuid:6f1c2a9e-3b1d-4c7e-9a2b-0d5e8f7a6c41'),
    formattedName: 'Dr. Łukasz Østergaard, Jr.',
    name: {
      prefix: 'Dr.',
      given: 'Łukasz',
      middle: 'Jan;Piotr',
      family: 'Østergaard',
      suffix: 'Jr.',
    },
    nickname: 'Łuki, the \\ one',
    organization: 'Acme; Sons',
    department: 'R&D, Lab 2',
    jobTitle: 'Chief 日本 Officer',
    emails: [
      { value: 'lukasz@example.com', label: 'work', pref: true },
      { value: 'l@home.example', label: 'home', pref: false },
      { value: 'x@y.example', label: 'Parzelle', pref: false },
    ],
    phones: [
      { value: '+48 22 123 45 67', label: 'mobile', pref: false },
      { value: '+48 22 765 43 21', label: 'fax', pref: true },
      { value: '112', label: 'other', pref: false },
      { value: '+1 555 0100', label: 'main', pref: false },
      { value: '+1 555 0101', label: 'pager', pref: false },
      { value: '+1 555 0102', label: '', pref: false },
    ],
    addresses: [
      {
        label: 'home',
        pref: true,
        poBox: 'PO 1',
        extended: 'Flat 2',
        street: 'ul. Warszówka 3\nBuilding B',
        locality: 'Kraków',
        region: 'Małopolska',
        postalCode: '30-001',
        country: 'Poland',
      },
      {
        label: 'summer house',
        pref: false,
        poBox: '',
        extended: '',
        street: 'Strand 1',
        locality: 'Skagen',
        region: '',
        postalCode: '',
        country: 'DK',
      },
    ],
    urls: [
      { value: 'https://example.com/a,b;c\\d', label: 'homepage', pref: false },
      { value: 'https://work.example', label: 'work', pref: false },
    ],
    impps: [{ value: 'xmpp:l@jabber.example', label: 'home', pref: false }],
    birthday: '--04-12',
    anniversary: '2001-06-30',
    dates: [
      { value: '1990-01-02', label: 'first met' },
      { value: '--12-24', label: '' },
      { value: 'spring 1999', label: 'anniversary' },
    ],
    related: [
      { value: 'Anna Østergaard', label: 'spouse' },
      { value: 'Piotr', label: 'child' },
      { value: 'Ms. Money-penny', label: 'assistant' },
      { value: 'Someone, Else', label: '' },
    ],
    labels: ['Friends', 'Work, old', 'Klub; Szachowy'],
    favourite: true,
    note: 'Line one\nLine two, with; punctuation \\ and a backslash\n\nLast',
  };
}
