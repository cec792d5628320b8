import { createUser } from '../../auth/accounts';
import { emptyContact, type ContactModel, type LabelledValue } from '../model';

/** Test helpers for the store's tests (not used by the app). */

let serial = 0;
/** A new user's id; a unique name per call. */
export async function newOwner(prefix = 'owner'): Promise<string> {
  serial += 1;
  const user = await createUser(
    `${prefix}_${serial}_${Date.now() % 1e6}`,
    'a long enough password',
  );
  if (!user) throw new Error('could not create a test user');
  return user.id;
}

const values = (list: string[] = [], label = ''): LabelledValue[] =>
  list.map((value) => ({ value, label, pref: false }));

export interface Person {
  given?: string;
  family?: string;
  nickname?: string;
  organization?: string;
  emails?: string[];
  phones?: string[];
  birthday?: string;
  labels?: string[];
  favourite?: boolean;
  note?: string;
  uid?: string;
}

/** A model from the few fields a test cares about. */
export function person(p: Person): ContactModel {
  return {
    ...emptyContact(p.uid ?? ''),
    name: { prefix: '', given: p.given ?? '', middle: '', family: p.family ?? '', suffix: '' },
    nickname: p.nickname ?? '',
    organization: p.organization ?? '',
    emails: values(p.emails),
    phones: values(p.phones, 'mobile'),
    birthday: p.birthday ?? '',
    labels: p.labels ?? [],
    favourite: p.favourite ?? false,
    note: p.note ?? '',
  };
}

export const write = (p: Person) => ({ model: person(p), flags: [] });
