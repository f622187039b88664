import {describe, expect, it} from 'vitest';
import {LecternError} from '../io/errors.js';
import {decodeText, decodeWindows1252} from './decode.js';

const bytes = (...values: number[]) => Uint8Array.from(values);
const utf16 = (text: string, bigEndian: boolean) => {
	const out = new Uint8Array(text.length * 2);
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		out[i * 2 + (bigEndian ? 1 : 0)] = code & 0xff;
		out[i * 2 + (bigEndian ? 0 : 1)] = code >> 8;
	}
	return out;
};

describe('decodeText', () => {
	it('reads UTF-8 and drops its BOM', () => {
		expect(decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode('“Hé”')]), 'f')).toEqual({text: '“Hé”', warnings: []});
		expect(decodeText(new TextEncoder().encode('plain'), 'f').text).toBe('plain');
	});

	it('reads UTF-16 with a BOM in either byte order', () => {
		expect(decodeText(Uint8Array.from([0xff, 0xfe, ...utf16('Hé “x”', false)]), 'f').text).toBe('Hé “x”');
		expect(decodeText(Uint8Array.from([0xfe, 0xff, ...utf16('Hé “x”', true)]), 'f').text).toBe('Hé “x”');
	});

	it('recognises UTF-16 without a BOM by its NUL bytes', () => {
		const text = 'It was a dark and stormy night; the rain fell in torrents.';
		expect(decodeText(utf16(text, false), 'f').text).toBe(text);
		expect(decodeText(utf16(text, true), 'f').text).toBe(text);
	});

	it('falls back to windows-1252 by table, curly quotes included, and says so', () => {
		const decoded = decodeText(bytes(0x93, 0x48, 0xe9, 0x94, 0x20, 0x80, 0x97, 0x85), 'f');
		expect(decoded.text).toBe('“Hé” €—…');
		expect(decoded.warnings.join()).toMatch(/decoded as windows-1252/);
	});

	it('keeps the five holes of windows-1252 as C1 controls for sanitize to neutralise', () => {
		expect(decodeWindows1252(bytes(0x81, 0x8d, 0x8f, 0x90, 0x9d))).toBe('\u0081\u008d\u008f\u0090\u009d');
	});

	it('uses an encoding the file declares when the bytes are not UTF-8', () => {
		const sjis = Uint8Array.from([...new TextEncoder().encode('<meta charset="shift_jis"><p>'), 0x93, 0xfa, 0x96, 0x7b]);
		expect(decodeText(sjis, 'f').text).toContain('日本');
	});

	it('refuses a binary file with a one-line error naming it', () => {
		expect(() => decodeText(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49), 'cover.png')).toThrow(LecternError);
		expect(() => decodeText(bytes(0x89, 0x50, 0x4e, 0x47, 0, 0, 0x0d, 0x49), 'cover.png')).toThrow(/^cover\.png: looks like a binary file, not text\./);
	});
});
