import { parseHeader, typesOf, type Param } from './header';
import { writeParams } from './line-text';
import type { RestProperty } from './rest';

const BINARY = new Set(['KEY', 'LOGO', 'SOUND', 'PHOTO']);

/** 3.0 TYPE words for binaries and their media types (the first of each wins going back). */
const MIME_BY_TYPE: Record<string, string> = {
  jpeg: 'image/jpeg',
  jpg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  pgp: 'application/pgp-keys',
  x509: 'application/pkix-cert',
  wave: 'audio/wav',
  wav: 'audio/wav',
  mp3: 'audio/mpeg',
};

function params(raw: string): Param[] {
  const h = parseHeader(`X${raw}`);
  return typeof h === 'string' ? [] : h.params;
}

/** 3.0 `ENCODING=b;TYPE=JPEG` binaries and `GEO:lat;lon` as 4.0 writes them. */
function to40(p: RestProperty): RestProperty {
  const name = p.name.toUpperCase();
  if (name === 'GEO' && !/^geo:/i.test(p.value)) {
    const [lat = '', lon = ''] = p.value.split(/\\?;/);
    return { ...p, value: `geo:${lat.trim()},${lon.trim()}` };
  }
  if (!BINARY.has(name) || !/ENCODING=b/i.test(p.params)) return p;
  const list = params(p.params);
  const type = typesOf({ group: '', name, rawName: name, params: list, paramsRaw: p.params })[0];
  const mime = type ? (type.includes('/') ? type : (MIME_BY_TYPE[type.toLowerCase()] ?? '')) : '';
  const kept = list.filter((q) => q.name !== 'ENCODING' && q.name !== 'TYPE' && q.name !== '');
  return { ...p, params: writeParams(kept), value: `data:${mime};base64,${p.value}` };
}

/** 4.0 `data:` binaries and `geo:` URIs as 3.0 writes them. */
function to30(p: RestProperty): RestProperty {
  const name = p.name.toUpperCase();
  const geo = name === 'GEO' ? /^geo:([^,]*),([^,;]*)/i.exec(p.value) : null;
  if (geo) return { ...p, value: `${geo[1]};${geo[2]}` };
  const data = BINARY.has(name) ? /^data:([^;,]*);base64,/i.exec(p.value) : null;
  if (!data) return p;
  const mime = (data[1] ?? '').toLowerCase();
  const known = Object.entries(MIME_BY_TYPE).find(([, m]) => m === mime)?.[0];
  const subtype = (known ?? mime.split('/')[1])?.toUpperCase();
  const type = subtype ? `;TYPE=${subtype}` : '';
  return { ...p, params: `${p.params};ENCODING=b${type}`, value: p.value.slice(data[0].length) };
}

/** Rest properties read from one version, for a card written in another. */
export function convertRest(
  props: readonly RestProperty[],
  from: '3.0' | '4.0',
  to: '3.0' | '4.0',
): RestProperty[] {
  if (from === to) return [...props];
  return props.map(to === '4.0' ? to40 : to30);
}
