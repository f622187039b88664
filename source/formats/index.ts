/**
 * The one entry point from a file's bytes to a story. The format is recognised by content first
 * (a zip is an EPUB, markup that opens with `<html` is HTML, whatever the file is called) and by
 * extension only where content cannot tell (Markdown is plain text to a sniffer).
 */
import path from 'node:path';
import type {Story} from '../core/story.js';
import {LecternError} from '../io/errors.js';
import {isAo3, parseAo3} from './ao3.js';
import {decodeText} from './decode.js';
import {type Format, detectFormat, fallbackTitle, fileKey, forgetLastMatch, parseTextFile, refuseKnownBinaries} from './detect.js';
import {InvalidEpubError, type EpubLimits, parseEpub} from './epub.js';
import {parseHtmlTree} from './html.js';
import {parseMarkdown} from './markdown.js';
import {parseTree} from './tree.js';

export {type Format, detectFormat, fileKey} from './detect.js';

/** Knobs for tests: EPUB limits smaller than the defaults. */
export type ParseOptions = {readonly limits?: Partial<EpubLimits>};

/** Reads a file's bytes as a story; expected failures are LecternErrors that name `fileName`. */
export function parseFile(bytes: Uint8Array, fileName: string, options: ParseOptions = {}): Story {
	const story = parseBytes(bytes, fileName, options);
	forgetLastMatch();
	return story;
}

function parseBytes(bytes: Uint8Array, fileName: string, options: ParseOptions): Story {
	refuseKnownBinaries(bytes, fileName);
	const key = fileKey(bytes);
	const format: Format = detectFormat(bytes, fileName);
	if (format === 'text') return parseTextFile(bytes, fileName, key);
	const title = fallbackTitle(fileName);
	if (format === 'epub') {
		try {
			return parseEpub(bytes, fileName, key, title, options.limits);
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
		return isAo3(root) ? parseAo3(root, key, title, warnings) : parseHtmlTree(root, key, title, warnings);
	}
	return parseMarkdown(text, key, title, warnings);
}
