import { prepareImport } from '../lib/contacts/import/prepare';
const text = "First name,Last name,Email,Mobile phone,Birthday,Notes\n\"\",\"\",\",\",\",\",\"😀\",\u0000,\"";
const r = await prepareImport('contacts.csv', new TextEncoder().encode(text), { region: 'US' });
console.log(JSON.stringify(r, (k, v) => typeof v === 'string' ? JSON.stringify(v) : v, 1).slice(0, 3000));
