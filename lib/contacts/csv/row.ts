import { isOwnExportRow, unguardFormula } from './formula-guard';
import { emptyAddress, emptyContact, type ContactModel, type PostalAddress } from '../model';
import type { Column } from './columns';
import { IM_SERVICES, labelFromFile } from './labels';

export interface Extra {
  name: string;
  value: string;
}
export interface RowContact {
  model: ContactModel;
  /** Values of columns the app does not map, by header; the vCard writer keeps them as X- properties. */
  extras: Extra[];
}

/** Exported dates in the shapes exporters write; anything else exactly as the file says. */
function dateFromFile(v: string): string {
  const t = v.trim();
  if (/^0?0\/0?0\/(00|0000)$/.test(t)) return ''; // Outlook's "no date"
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  // Outlook (English) writes month first; a first number over 12 can only be a day.
  if (m) return Number(m[1]) > 12 ? iso(m[3]!, m[2]!, m[1]!) : iso(m[3]!, m[1]!, m[2]!);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t); // 12.4.1985, day first
  return m ? iso(m[3]!, m[2]!, m[1]!) : v;
}
const iso = (y: string, m: string, d: string) => `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;

/** "* Home" is Google's mark for the primary entry. */
function starred(label: string): { label: string; pref: boolean } {
  const m = /^\*\s*/.exec(label);
  return m
    ? { label: labelFromFile(label.slice(m[0].length)), pref: true }
    : { label: labelFromFile(label), pref: false };
}

type Parts = Map<string, { header: string; value: string }>;

/** One CSV record as a contact; `headers` and `columns` are the file's, index for index. */
export function contactFromRow(
  headers: string[],
  columns: (Column | null)[],
  fileCells: string[],
): RowContact {
  const cells = isOwnExportRow(headers, fileCells) ? fileCells.map(unguardFormula) : fileCells;
  const model = emptyContact();
  const extras: Extra[] = [];
  const addresses = new Map<string, { address: PostalAddress; lines: string[] }>();
  const groups = new Map<string, { column: Extract<Column, { kind: 'numbered' }>; parts: Parts }>();
  const birth: Record<string, string> = {};

  // A second column for a field already filled (e.g. "Company" and "Organization Name") is kept aside.
  const setText = (current: string, v: string, header: string, set: (v: string) => void) => {
    if (!current) set(v);
    else if (current !== v) extras.push({ name: header, value: v });
  };

  cells.forEach((v, i) => {
    if (!v.trim()) return;
    const header = headers[i] ?? `Column ${i + 1}`;
    const column = columns[i] ?? null;
    switch (column?.kind) {
      case undefined:
        return void extras.push({ name: header, value: v });
      case 'name':
        return setText(model.name[column.part], v, header, (x) => (model.name[column.part] = x));
      case 'text':
        return setText(model[column.field], v, header, (x) => (model[column.field] = x));
      case 'date':
        return setText(
          model[column.field],
          dateFromFile(v),
          header,
          (x) => (model[column.field] = x),
        );
      case 'birthPart':
        return void (birth[column.part] = v.trim());
      case 'labels':
        return addLabels(model, v.split(column.separator));
      case 'value':
        return void model[column.list].push({
          value: v,
          label: column.label,
          pref: column.pref === true,
        });
      case 'related':
        return void model.related.push({ value: v, label: column.label });
      case 'defaulted':
        if (!column.defaults.some((d) => d.toLowerCase() === v.trim().toLowerCase()))
          extras.push({ name: header, value: v });
        return;
      case 'address': {
        const entry = addresses.get(column.label) ?? {
          address: { ...emptyAddress(), label: column.label },
          lines: [],
        };
        addresses.set(column.label, entry);
        const part = column.part;
        if (part !== 'street') {
          setText(entry.address[part], v, header, (x) => (entry.address[part] = x));
        } else if (entry.lines[column.line ?? 1]) extras.push({ name: header, value: v });
        else entry.lines[column.line ?? 1] = v;
        return;
      }
      case 'numbered': {
        const key = `${column.group} ${column.n}`;
        const group = groups.get(key) ?? { column, parts: new Map() };
        groups.set(key, group);
        if (group.parts.has(column.part)) extras.push({ name: header, value: v });
        else group.parts.set(column.part, { header, value: v });
      }
    }
  });

  for (const { address, lines } of addresses.values()) {
    address.street = lines.filter(Boolean).join('\n');
    model.addresses.push(address);
  }
  for (const { column, parts } of groups.values()) addGroup(model, extras, column, parts);
  if (!model.birthday && (birth.year || birth.month || birth.day)) model.birthday = birthday(birth);
  return { model, extras };
}

/** Google's system labels: "* myContacts" holds every contact, "* starred" is a favourite. */
function addLabels(model: ContactModel, items: string[]) {
  for (const raw of items) {
    const item = raw.trim();
    const system = /^(\*\s*|System Group:\s*)/i.exec(item);
    const name = system ? item.slice(system[0].length) : item;
    const key = name.toLowerCase().replace(/\s+/g, '');
    if (system && key === 'mycontacts') continue;
    if (system && key === 'starred') model.favourite = true;
    else if (name) model.labels.push(name);
  }
}

function birthday({ year = '', month = '', day = '' }: Record<string, string>): string {
  const pad = (s: string) => s.padStart(2, '0');
  if (/^\d{1,2}$/.test(month) && /^\d{1,2}$/.test(day)) {
    if (/^\d{4}$/.test(year)) return `${year}-${pad(month)}-${pad(day)}`;
    if (!year) return `--${pad(month)}-${pad(day)}`;
  }
  return [year, month, day].join('-'); // kept as text; the check flags it
}

const ADDRESS_PARTS: Record<string, Exclude<keyof PostalAddress, 'label' | 'pref'>> = {
  street: 'street',
  city: 'locality',
  pobox: 'poBox',
  region: 'region',
  postalcode: 'postalCode',
  country: 'country',
  extendedaddress: 'extended',
};

function addGroup(
  model: ContactModel,
  extras: Extra[],
  column: Extract<Column, { kind: 'numbered' }>,
  parts: Parts,
) {
  const take = (part: string) => {
    const v = parts.get(part)?.value ?? '';
    parts.delete(part);
    return v;
  };
  const { label, pref } = starred(take('label'));
  switch (column.group) {
    case 'email':
    case 'phone':
    case 'website': {
      const list =
        column.group === 'email'
          ? model.emails
          : column.group === 'phone'
            ? model.phones
            : model.urls;
      // Google puts several values with one label in one cell.
      take('value')
        .split(' ::: ')
        .filter((v) => v.trim())
        .forEach((value, i) => list.push({ value, label, pref: pref && i === 0 }));
      break;
    }
    case 'relation':
      take('value')
        .split(' ::: ')
        .filter((v) => v.trim())
        .forEach((value) => model.related.push({ value, label }));
      break;
    case 'event': {
      const value = dateFromFile(take('value'));
      if (label.toLowerCase() === 'anniversary' && !model.anniversary) model.anniversary = value;
      else if (value) model.dates.push({ value, label });
      break;
    }
    case 'im': {
      const service = take('service');
      const scheme = IM_SERVICES[service.toLowerCase()];
      let value = take('value');
      let imLabel = label;
      if (value && !/^[a-z][a-z0-9+.-]*:/i.test(value) && scheme) value = `${scheme}:${value}`;
      else if (service && !scheme && !label) imLabel = service;
      else if (service && !scheme)
        parts.set('service', { header: `IM ${column.n} - Service`, value: service });
      if (value) model.impps.push({ value, label: imLabel, pref });
      break;
    }
    case 'address': {
      const address: PostalAddress = { ...emptyAddress(), label, pref };
      for (const [part, field] of Object.entries(ADDRESS_PARTS)) address[field] = take(part);
      const formatted = take('formatted');
      // Formatted is derived from the parts; alone, it is all there is.
      if (Object.values(ADDRESS_PARTS).every((f) => !address[f]) && formatted)
        address.street = formatted;
      model.addresses.push(address);
      break;
    }
    case 'custom': {
      const value = take('value');
      if (label.toLowerCase() === 'uid' && !model.uid) model.uid = value;
      else if (value) extras.push({ name: label || `Custom Field ${column.n}`, value });
      break;
    }
    case 'organization':
      if (column.n === 1) {
        for (const [part, field] of [
          ['name', 'organization'],
          ['title', 'jobTitle'],
          ['department', 'department'],
        ] as const) {
          if (!model[field]) model[field] = take(part);
        }
      }
      if (label) parts.set('label', { header: `Organization ${column.n} - Type`, value: label });
  }
  for (const { header, value } of parts.values())
    if (value.trim()) extras.push({ name: header, value });
}
