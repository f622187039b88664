/**
 * Project Gutenberg's wrapper around a book: the header that ends with a `*** START OF ...` line,
 * and the licence that starts with `*** END OF ...`. Readers want neither in the reading text,
 * but the header names the book and the licence must stay reachable, so both go to the story card.
 */
import type {StoryMeta} from '../core/story.js';
import {cleanLine, cleanNote} from './builder.js';

/** The line that ends the header: `*** START OF THIS PROJECT GUTENBERG EBOOK ... ***`. */
export const START_MARKER = /^\s*\*{3}\s*START OF (?:THE|THIS) PROJECT GUTENBERG/i;

/** The line that starts the licence footer. */
export const END_MARKER = /^\s*\*{3}\s*END OF (?:THE|THIS) PROJECT GUTENBERG/i;

/** The "End of the Project Gutenberg EBook of ..." line that comes just before the end marker. */
export const END_LINE = /^\s*End of (?:the )?Project Gutenberg'?s? /i;

/** Where a Gutenberg wrapper sits in a list of lines: the body is `lines[bodyStart, bodyEnd)`. */
export type GutenbergSplit = {readonly bodyStart: number; readonly bodyEnd: number};

/** Line-by-line access, as much of it as finding the wrapper needs. */
export type LineSource = {readonly count: number; line(index: number): string; firstCode(index: number): number};

/** Finds the header and footer lines of a Gutenberg text, or undefined when there is no header. */
export function findGutenbergLines(lines: LineSource): GutenbergSplit | undefined {
	let start = -1;
	for (let i = 0; i < lines.count && start < 0; i++) if (lines.firstCode(i) === 0x2a && START_MARKER.test(lines.line(i))) start = i;
	if (start < 0) return undefined;
	let end = lines.count;
	for (let i = lines.count - 1; i > start; i--) {
		if (lines.firstCode(i) === 0x2a && END_MARKER.test(lines.line(i))) {
			end = i;
			break;
		}
	}
	// The closing "End of the Project Gutenberg EBook" line belongs with the licence.
	let bodyEnd = end;
	for (let i = end - 1; i > start && i >= end - 6; i--) {
		if (END_LINE.test(lines.line(i))) bodyEnd = i;
	}
	return {bodyStart: start + 1, bodyEnd};
}

/** What a Gutenberg header says: title, author, language, ebook number, and the header itself as a note. */
export function gutenbergMeta(header: string, footer: string): {title?: string; meta: StoryMeta} {
	const field = (name: string): string | undefined => {
		const match = new RegExp(String.raw`^${name}:[ \t]*(.+(?:\n[ \t]+\S.*)*)`, 'mi').exec(header);
		return match ? cleanLine(match[1]!) || undefined : undefined;
	};
	const number = /\[E(?:Book|book|BOOK) #(\d+)\]/.exec(header)?.[1];
	const title = field('Title');
	const author = field('Author');
	const language = field('Language');
	const notes = [cleanNote(header), cleanNote(footer)].filter(Boolean);
	const meta: StoryMeta = {
		...(author ? {author} : {}),
		...(language ? {language} : {}),
		...(number ? {source: `Project Gutenberg #${number}`} : {}),
		...(notes.length > 0 ? {notes} : {}),
	};
	return title ? {title, meta} : {meta};
}
