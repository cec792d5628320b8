import encodeQR from 'qr';
import { qrSvg } from '../lib/contacts/share/qr-svg';
const text = 'BEGIN:VCARD\r\nVERSION:3.0\r\n' + 'NOTE:' + 'abcdefghij'.repeat(97) + '\r\nEND:VCARD\r\n';
console.log(Buffer.byteLength(text), encodeQR(text, 'svg', { ecc: 'medium', border: 4 }).length, encodeQR(text, 'svg', { ecc: 'medium', border: 4, optimize: true }).length, qrSvg(text).length);
