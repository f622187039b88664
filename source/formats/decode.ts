/**
 * Bytes to a string: UTF-8 (with or without BOM), UTF-16 with a BOM or recognised by its NUL
 * bytes, an encoding the file declares, and windows-1252 as the last resort for old text files.
 *
 * windows-1252 is decoded with a table because Node's TextDecoder returns U+0093 for byte 0x93
 * on Node 20.18.3+ and 22.13+ (nodejs/node #60888), which would put C1 controls in the text.
 */
import {LecternError} from '../io/errors.js';

/** A decoded file and anything the reader should know about how it was decoded. */
export type Decoded = {readonly text: string; readonly warnings: readonly string[]};

// Bytes 0x80-0x9F of windows-1252; the five holes stay C1 controls, which sanitize neutralises.
const CP1252_HIGH = [
	0x20ac, 0x81, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8d, 0x017d, 0x8f, 0x90, 0x2018, 0x2019,
	0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x9d, 0x017e, 0x0178,
];

/** Decodes windows-1252 bytes (a superset of Latin-1 for printable text). */
export function decodeWindows1252(bytes: Uint8Array): string {
	const chunks: string[] = [];
	const units = new Uint16Array(Math.min(bytes.length, 8192));
	for (let start = 0; start < bytes.length; start += units.length) {
		const end = Math.min(bytes.length, start + units.length);
		for (let i = start; i < end; i++) {
			const byte = bytes[i]!;
			units[i - start] = byte >= 0x80 && byte < 0xa0 ? CP1252_HIGH[byte - 0x80]! : byte;
		}
		chunks.push(String.fromCharCode(...units.subarray(0, end - start)));
	}
	return chunks.join('');
}

/** Decodes a text file's bytes; refuses a file that looks binary. `name` is used in messages. */
export function decodeText(bytes: Uint8Array, name: string): Decoded {
	if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return {text: utf8(bytes.subarray(3)), warnings: []};
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return {text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), warnings: []};
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return {text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), warnings: []};
	const utf16 = guessUtf16(bytes);
	if (utf16) return {text: new TextDecoder(utf16).decode(bytes), warnings: [`decoded as ${utf16.toUpperCase()} (no byte-order mark)`]};
	if (bytes.subarray(0, 8192).includes(0)) {
		throw new LecternError(`${name}: looks like a binary file, not text. Lectern reads .txt, .md, .html and .epub files.`);
	}
	try {
		return {text: new TextDecoder('utf-8', {fatal: true}).decode(bytes), warnings: []};
	} catch {
		const declared = declaredEncoding(bytes);
		if (declared) return {text: declared.decoder.decode(bytes), warnings: [`decoded as ${declared.label}, as the file declares`]};
		return {text: decodeWindows1252(bytes), warnings: ['decoded as windows-1252 (the file is not valid UTF-8)']};
	}
}

function utf8(bytes: Uint8Array): string {
	return new TextDecoder('utf-8').decode(bytes);
}

// UTF-16 without a BOM shows itself by NUL bytes in every other position (for mostly Latin text).
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	const sample = Math.min(bytes.length, 4096) & ~1;
	if (sample < 4) return undefined;
	let evenZeros = 0;
	let oddZeros = 0;
	for (let i = 0; i < sample; i += 2) {
		if (bytes[i] === 0) evenZeros++;
		if (bytes[i + 1] === 0) oddZeros++;
	}
	const pairs = sample / 2;
	if (oddZeros > pairs * 0.4 && evenZeros < pairs * 0.05) return 'utf-16le';
	if (evenZeros > pairs * 0.4 && oddZeros < pairs * 0.05) return 'utf-16be';
	return undefined;
}

// Legacy labels that all mean windows-1252 to a browser; Node's decoder for them is the buggy one.
const WINDOWS_1252 = new Set(['windows-1252', 'cp1252', 'iso-8859-1', 'latin1', 'latin-1', 'us-ascii', 'ascii', 'iso8859-1', 'l1']);

// An HTML meta charset or an XML declaration naming an encoding TextDecoder knows (Shift_JIS, GBK...).
function declaredEncoding(bytes: Uint8Array): {label: string; decoder: InstanceType<typeof TextDecoder>} | undefined {
	const head = decodeWindows1252(bytes.subarray(0, 2048));
	const match = /<meta[^>]+charset\s*=\s*["']?([\w.:-]+)|<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
	const label = (match?.[1] ?? match?.[2])?.toLowerCase();
	if (!label || label === 'utf-8' || label === 'utf8' || WINDOWS_1252.has(label)) return undefined;
	try {
		return {label, decoder: new TextDecoder(label)};
	} catch {
		return undefined;
	}
}
