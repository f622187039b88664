/**
 * Bookmarks as data: a named offset with the text it points at, so that it can be found again
 * when the story's text changes.
 */
import type {Story} from './story.js';

/** A named place in a story. */
export type Bookmark = {
	readonly id: string;
	readonly name: string;
	/** Character offset of the bookmarked page's first character. */
	readonly offset: number;
	/** The text at the offset when it was made: shown in the list, and used to re-anchor it. */
	readonly snippet: string;
	readonly createdAt: number;
	/** True when the story changed and the snippet could not be found: the offset is a guess. */
	readonly approximate?: boolean;
};

const SNIPPET_LENGTH = 80;
/** Characters of text after a place that `snippetAt` and `defaultName` read. */
export const SNIPPET_CHARS = SNIPPET_LENGTH * 2;

/** The text a bookmark at `offset` keeps: the next words, whitespace collapsed. */
export function snippetAt(text: string, offset: number): string {
	return text
		.slice(offset, offset + SNIPPET_CHARS)
		.replace(/\s+/g, ' ')
		.trim()
		.slice(0, SNIPPET_LENGTH);
}

/** A bookmark's default name: the opening words of the page, about 40 characters. */
export function defaultName(text: string, offset: number): string {
	const words = snippetAt(text, offset).split(' ');
	let name = '';
	for (const word of words) {
		if (name && name.length + word.length + 1 > 40) break;
		name = name ? `${name} ${word}` : word;
	}
	return name.length < snippetAt(text, offset).length ? `${name}…` : name;
}

/** Bookmarks in reading order (then by creation, for two at one place). */
export function inReadingOrder(bookmarks: readonly Bookmark[]): Bookmark[] {
	return [...bookmarks].sort((a, b) => a.offset - b.offset || a.createdAt - b.createdAt);
}

/**
 * Moves each bookmark to where its snippet is in a changed text: the occurrence nearest its old
 * relative position. One whose snippet is gone keeps its relative position, marked approximate.
 */
export function reanchor(bookmarks: readonly Bookmark[], oldLength: number, story: Story): Bookmark[] {
	const {text} = story;
	const flat = text.replace(/\s/g, ' ');
	return bookmarks.map((bookmark) => {
		const guess = oldLength > 0 ? Math.round((bookmark.offset / oldLength) * text.length) : 0;
		const probe = bookmark.snippet.slice(0, 40);
		const found = probe ? nearestOccurrence(flat, collapse(flat, probe), guess) : -1;
		if (found >= 0) {
			const {approximate: _approximate, ...rest} = bookmark;
			return {...rest, offset: found};
		}
		return {...bookmark, offset: Math.min(guess, text.length), approximate: true};
	});
}

// The snippet was saved with whitespace collapsed; the text may have runs of it.
function collapse(_flat: string, probe: string): RegExp {
	const escaped = probe.split(' ').map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(escaped.join(' +'), 'g');
}

function nearestOccurrence(text: string, pattern: RegExp, near: number): number {
	let best = -1;
	for (const match of text.matchAll(pattern)) {
		if (best < 0 || Math.abs(match.index - near) < Math.abs(best - near)) best = match.index;
	}
	return best;
}
