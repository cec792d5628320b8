import encodeQR from 'qr';
import { decodeQR } from 'qr/decode.js';
const text='BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lövelace\r\nEND:VCARD\r\n';
const s = encodeQR(text, 'svg', { ecc: 'medium', border: 4, optimize: true });
console.log(s.slice(0, 300), s.length);
const raw = encodeQR(text, 'raw', { ecc: 'medium', border: 4 });
const scale = 4, n = raw.length, w = n*scale;
const data = new Uint8Array(w*w*4);
for (let y=0;y<w;y++) for (let x=0;x<w;x++){ const on = raw[Math.floor(y/scale)][Math.floor(x/scale)]; const v = on?0:255; const i=(y*w+x)*4; data[i]=data[i+1]=data[i+2]=v; data[i+3]=255; }
console.log(JSON.stringify(decodeQR({ width: w, height: w, data })));
