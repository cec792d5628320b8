import { beforeAll, describe, expect, it } from 'vitest';
import {
  applyImport,
  countUpcomingBirthdays,
  createContact,
  listBirthdays,
  PAGE_SIZE,
  trashContact,
} from './index';
import { newOwner, person, write } from './test-helpers';

const names = (rows: { displayName: string }[]) => rows.map((c) => c.displayName);
const at = (iso: string) => new Date(`${iso}T12:00:00Z`);

let owner = '';
let other = '';
beforeAll(async () => {
  owner = await newOwner('bdays');
  other = await newOwner('bdays_other');
  const people = [
    { given: 'Jan', family: 'First', birthday: '1990-01-01' },
    { given: 'Leap', family: 'Day', birthday: '2000-02-29' },
    { given: 'Feb', family: 'Late', birthday: '--02-28' },
    { given: 'Mar', family: 'Early', birthday: '1980-03-01' },
    { given: 'Sep', family: 'Five', birthday: '1999-09-05' },
    { given: 'Dec', family: 'Last', birthday: '--12-31' },
    { given: 'No', family: 'Birthday' },
  ];
  await applyImport(
    owner,
    people.map((p) => ({ model: person(p), rest: null, flags: [], photo: null })),
  );
  const gone = await createContact(owner, write({ given: 'Trashed', birthday: '1970-09-05' }));
  await trashContact(owner, gone.id);
  await createContact(other, write({ given: 'Someone', family: 'Else', birthday: '1970-09-05' }));
});

describe('listBirthdays', () => {
  it('orders by next occurrence: today first, the year wrapping round; only the owner’s live ones', async () => {
    const page = await listBirthdays(owner, { today: at('2026-09-05') });
    expect(names(page.contacts)).toEqual([
      'Sep Five',
      'Dec Last',
      'Jan First',
      'Feb Late',
      'Leap Day',
      'Mar Early',
    ]);
    expect(page).toMatchObject({ page: 1, pageCount: 1, total: 6 });
  });

  it('on 28 February of a common year, 29 February birthdays are today too; on 1 March they are a year away', async () => {
    const feb28 = await listBirthdays(owner, { today: at('2027-02-28') });
    expect(names(feb28.contacts).slice(0, 3)).toEqual(['Feb Late', 'Leap Day', 'Mar Early']);
    const mar1 = await listBirthdays(owner, { today: at('2027-03-01') });
    expect(names(mar1.contacts).at(0)).toBe('Mar Early');
    expect(names(mar1.contacts).slice(-2)).toEqual(['Feb Late', 'Leap Day']);
  });

  it('pages by 25 and counts the pages', async () => {
    const many = await newOwner('bdays_many');
    await applyImport(
      many,
      Array.from({ length: PAGE_SIZE + 2 }, (_, i) => ({
        model: person({ given: `P${i}`, birthday: `--01-${String(i + 1).padStart(2, '0')}` }),
        rest: null,
        flags: [],
        photo: null,
      })),
    );
    const first = await listBirthdays(many, { today: at('2026-01-01') });
    expect(first).toMatchObject({ pageCount: 2, total: PAGE_SIZE + 2 });
    expect(first.contacts).toHaveLength(PAGE_SIZE);
    const second = await listBirthdays(many, { today: at('2026-01-01'), page: 2 });
    expect(names(second.contacts)).toEqual(['P25', 'P26']);
    expect((await listBirthdays(many, { page: 9 })).contacts).toEqual([]);
    expect(await listBirthdays(await newOwner('bdays_none'))).toMatchObject({
      contacts: [],
      pageCount: 1,
      total: 0,
    });
  });
});

describe('countUpcomingBirthdays', () => {
  it('counts the window, across the new year, for the owner only', async () => {
    expect(await countUpcomingBirthdays(owner, { today: at('2026-09-05'), days: 30 })).toBe(1);
    expect(await countUpcomingBirthdays(owner, { today: at('2026-12-20'), days: 30 })).toBe(2);
    expect(await countUpcomingBirthdays(owner, { today: at('2026-02-27'), days: 3 })).toBe(3);
    expect(await countUpcomingBirthdays(other, { today: at('2026-09-05'), days: 0 })).toBe(1);
  });
});
