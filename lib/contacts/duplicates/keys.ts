import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { displayName, type ContactModel } from '../model';
import { foldText } from '../normalize';

/** What the finder compares of one contact, worked out once. */
export interface MatchKeys {
  /** Emails, trimmed and lower-cased. */
  emails: string[];
  /** Phones in E.164; a number that does not parse is not compared (too easy to mismatch). */
  phones: string[];
  /** The folded display name and, with both parts, "given family" and "family given". */
  names: string[];
  /**
   * The first two letters of the first and of the last word of the folded name, sorted: the
   * bucket names are compared in ("Jon Smith", "John Smith" and "Smith John" share "jo sm").
   */
  block: string;
}

export const emailKey = (value: string) => value.trim().toLowerCase();

/** A phone in E.164, national numbers read in `region`; '' when it is not a possible number. */
export function phoneKey(value: string, region: string): string {
  const parsed = parsePhoneNumberFromString(value, region as CountryCode);
  return parsed?.isPossible() ? parsed.number : '';
}

// Shorter names ("Al", "Jo") are too common to suggest anything on their own.
const MIN_NAME = 3;

function personName(model: ContactModel): string {
  const parts = [model.name.given, model.name.middle, model.name.family].filter((p) => p.trim());
  // Only a person's name: displayName() would fall back to the organisation, email or phone.
  return model.formattedName.trim() || parts.join(' ') || model.nickname;
}

export function matchKeys(model: ContactModel, region: string): MatchKeys {
  const names = new Set<string>();
  const shown = foldText(personName(model));
  if (shown.length >= MIN_NAME) names.add(shown);
  const given = foldText(model.name.given);
  const family = foldText(model.name.family);
  if (given && family) {
    names.add(`${given} ${family}`);
    names.add(`${family} ${given}`);
  }
  const words = (shown || [...names][0] || '').split(' ').filter(Boolean);
  const initials = [words[0]?.slice(0, 2) ?? '', words.at(-1)?.slice(0, 2) ?? ''].sort().join(' ');
  return {
    emails: [...new Set(model.emails.map((e) => emailKey(e.value)).filter(Boolean))],
    phones: [...new Set(model.phones.map((p) => phoneKey(p.value, region)).filter(Boolean))],
    names: [...names],
    block: names.size > 0 ? initials : '',
  };
}

/** The name a group shows for a contact (never empty). */
export const shownName = (model: ContactModel) => displayName(model) || 'No name';
