/**
 * The one entry point from a file's bytes to a story. The format is recognised by content first
 * (a zip is an EPUB, markup that opens with `<html` is HTML, whatever the file is called) and by
 * extension only where content cannot tell (Markdown is plain text to a sniffer).
 */
import {createHash} from 'node:crypto';
import path from 'node:path';
import {UNTITLED, type Story} from '../core/story.js';
import {LecternError} from '../io/errors.js';
import {isAo3, parseAo3} from './ao3.js';
import {decodeText} from './decode.js';
import {InvalidEpubError, type EpubLimits, parseEpub} from './epub.js';
import {parseHtmlTree} from './html.js';
import {parseMarkdown} from './markdown.js';
import {parseText} from './text.js';
import {parseTree} from './tree.js';

/** The formats Lectern reads. */
export type Format = 'epub' | 'html' | 'markdown' | 'text';

/** Knobs for tests: EPUB limits smaller than the defaults. */
export type ParseOptions = {readonly limits?: Partial<EpubLimits>};

const MARKDOWN_EXTENSIONS = new Set(['.md', '.markdown', '.mdown', '.mkd', '.mkdn']);
const HTML_EXTENSIONS = new Set(['.html', '.htm', '.xhtml', '.xht']);
const HTML_START = /^(?:\s*<\?xml[^>]*>)?(?:\s*<!--[\s\S]*?-->)*\s*(?:<!doctype\s+html|<html[\s>])/i;

/** The storage key of a file: a hash of its content, so a renamed or moved copy is the same story. */
export function fileKey(bytes: Uint8Array): string {
	return `file-${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}`;
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

/** Reads a file's bytes as a story; expected failures are LecternErrors that name `fileName`. */
export function parseFile(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): Story {
	const story = parseBytes(bytes, fileName, options);
	forgetLastMatch();
	return story;
}

// V8 keeps the subject of the last successful regular-expression match alive (for RegExp.lastMatch).
// After a parse that subject is a slice of the whole decoded file, which would then stay in memory
// next to the story's text until some other match: one match on an empty string lets it go.
const EMPTY = /(?:)/;
function forgetLastMatch(): void {
	EMPTY.test('');
}

function parseBytes(bytes: Uint8Array, fileName: string, options: ParseOptions): Story {
	refuseKnownBinaries(bytes, fileName);
	const key = fileKey(bytes);
	const fallbackTitle = path.basename(fileName).replace(/\.[^.]+$/, '') || UNTITLED;
	const format = detectFormat(bytes, fileName);
	if (format === 'epub') {
		try {
			return parseEpub(bytes, fileName, key, fallbackTitle, options.limits);
		} catch (error) {
			// A zip that is not an EPUB and was not called one is, to the reader, just a binary file.
			if (error instanceof InvalidEpubError && path.extname(fileName).toLowerCase() !== '.epub') {
				throw new LecternError(`${fileName}: looks like a binary file, not text (a zip archive, but ${error.reason}).`);
			}
			throw error;
		}
	}
	const {text, warnings} = decodeText(bytes, fileName);
	if (format === 'html') {
		const root = parseTree(text, 'html');
		return isAo3(root) ? parseAo3(root, key, fallbackTitle, warnings) : parseHtmlTree(root, key, fallbackTitle, warnings);
	}
	if (format === 'markdown') return parseMarkdown(text, key, fallbackTitle, warnings);
	const story = parseText(text, {key, title: fallbackTitle, titleIsFallback: true});
	return warnings.length > 0 ? {...story, meta: {...story.meta, warningsAboutFile: [...warnings]}} : story;
}

// Formats archives hand out that Lectern does not read: say which, rather than "binary file".
function refuseKnownBinaries(bytes: Uint8Array, fileName: string): void {
	const ascii = (from: number, to: number) => String.fromCharCode(...bytes.subarray(from, to));
	if (ascii(0, 5) === '%PDF-') throw new LecternError(`${fileName}: is a PDF; Lectern reads .txt, .md, .html and .epub files. Download the story as EPUB or HTML.`);
	const kind = ascii(60, 68);
	if (kind === 'BOOKMOBI' || kind === 'TEXtREAd') {
		throw new LecternError(`${fileName}: is a MOBI/AZW3 e-book; Lectern reads .txt, .md, .html and .epub files. Download the story as EPUB or HTML.`);
	}
}
