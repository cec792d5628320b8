import { signIn } from './lib/forms.mjs';
import { load } from './lib/load.mjs';
const origin = process.argv[2];
const cookie = await signIn(origin, 'k1', 'bench password 0123');
for (let i = 0; i < 20; i++) await fetch(origin + '/contacts', { headers: { cookie } });
console.log(JSON.stringify(await load(origin + '/contacts', { duration: 10, connections: 10, headers: { cookie } })));
