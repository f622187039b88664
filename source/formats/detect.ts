/**
 * What a file is, from its first bytes and its name, and the key it is stored under: the part of
 * reading a file that needs none of the parsers, so the quick first page (start.ts) can use it
 * without loading the EPUB, HTML and Markdown readers.
 */
import path from 'node:path';
import {UNTITLED, type Story} from '../core/story.js';
import {LecternError} from '../io/errors.js';
import {decodeText} from './decode.js';
import {parseText} from './text.js';

/** The formats Lectern reads. */
export type Format = 'epub' | 'html' | 'markdown' | 'text';

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mkdn']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.xht']);
const HTML_START = /^(?:\s*<\?xml[^>]*>)?(?:\s*<!--[\s\S]*?-->)*\s*(?:<!doctype\s+html|<html[\s>])/i;

/** The storage key of a file: a hash of its content, so a renamed or moved copy is the same story. */
export function fileKey(bytes: Uint8Array): string {
	// node:crypto is loaded on first use (about 8 ms of Node's own modules), not at start-up: the
	// quick first page of a bundled story or a cached book never hashes anything.
	const {createHash} = process.getBuiltinModule('node:crypto');
	return `file-${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}`;
}

/** The title a file gets when it carries none: its name without the extension. */
export function fallbackTitle(fileName: string): string {
	return path.basename(fileName).replace(/\.[^.]+$/, '') || UNTITLED;
}

/** Which reader a file goes to, by its first bytes and then its name. */
export function detectFormat(bytes: Uint8Array, fileName: string): Format {
	if (bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05) && (bytes[3] === 0x04 || bytes[3] === 0x06)) return 'epub';
	const extension = path.extname(fileName).toLowerCase();
	if (extension === '.epub') return 'epub';
	let head = new TextDecoder('utf-8').decode(bytes.subarray(0, 4096));
	if (head.charCodeAt(0) === 0xfeff) head = head.slice(1);
	// UTF-16 markup shows as letters between NULs; dropping the NULs is enough to sniff it.
	if (head.includes('\0')) head = head.replaceAll('\0', '').replace(/^[\uFFFD\uFEFF]+/, '');
	if (HTML_START.test(head) || (HTML_EXTENSIONS.has(extension) && /^\s*</.test(head))) return 'html';
	if (MARKDOWN_EXTENSIONS.has(extension)) return 'markdown';
	return 'text';
}

// Formats archives hand out that Lectern does not read: say which, rather than "binary file".
export function refuseKnownBinaries(bytes: Uint8Array, fileName: string): void {
	const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
	if (ascii(0, 5) === '%PDF-') throw new LecternError(`${fileName}: is a PDF; Lectern reads .txt, .md, .html and .epub files. Download the story as EPUB or HTML.`);
	const kind = ascii(60, 68);
	if (kind === 'BOOKMOBI' || kind === 'TEXtREAd') {
		throw new LecternError(`${fileName}: is a MOBI/AZW3 e-book; Lectern reads .txt, .md, .html and .epub files. Download the story as EPUB or HTML.`);
	}
}

/** A plain text file's bytes as a story (the caller has checked that the format is text). */
export function parseTextFile(bytes: Uint8Array, fileName: string, key: string): Story {
	const {text, warnings} = decodeText(bytes, fileName);
	const story = parseText(text, {key, title: fallbackTitle(fileName), titleIsFallback: true});
	forgetLastMatch();
	return warnings.length > 0 ? {...story, meta: {...story.meta, warningsAboutFile: [...warnings]}} : story;
}

// V8 keeps the subject of the last successful regular-expression match alive (for RegExp.lastMatch).
// After a parse that subject is a slice of the whole decoded file, which would then stay in memory
// next to the story's text until some other match: one match on an empty string lets it go.
const EMPTY = /(?:)/;
/** Lets go of the last regular-expression match's subject (see above); parsers call it when done. */
export function forgetLastMatch(): void {
	EMPTY.test('');
}
