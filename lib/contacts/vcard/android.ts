import { readDate } from './dates';
import { splitUnescaped, unescapeText } from './decode';

/** Android's relation types (ContactsContract.CommonDataKinds.Relation), as labels. */
const RELATIONS = [
  '',
  'assistant',
  'brother',
  'child',
  'domestic partner',
  'father',
  'friend',
  'manager',
  'mother',
  'parent',
  'partner',
  'referred by',
  'relative',
  'sister',
  'spouse',
];

export type AndroidValue =
  | { kind: 'nickname'; value: string }
  | { kind: 'related'; value: string; label: string }
  | { kind: 'date'; value: string; label: string };

/**
 * `X-ANDROID-CUSTOM:vnd.android.cursor.item/<kind>;data1;…;data15`, which Android's exporter uses
 * for nicknames, relations and events other than the birthday. Null for anything else (kept).
 */
export function readAndroidCustom(decoded: string): AndroidValue | null {
  const [mime = '', data1 = '', data2 = '', data3 = ''] = splitUnescaped(decoded, ';').map(
    unescapeText,
  );
  const value = data1.trim();
  if (!value) return null;
  const type = Number(data2);
  switch (mime.trim().toLowerCase()) {
    case 'vnd.android.cursor.item/nickname':
      return { kind: 'nickname', value };
    case 'vnd.android.cursor.item/relation':
      return { kind: 'related', value, label: type === 0 ? data3 : (RELATIONS[type] ?? '') };
    case 'vnd.android.cursor.item/contact_event': {
      const label =
        type === 1 ? 'anniversary' : type === 2 ? 'other' : type === 3 ? 'birthday' : data3;
      return { kind: 'date', value: readDate(value), label };
    }
    default:
      return null;
  }
}
