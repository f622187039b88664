/**
 * The line breaker: splits one block of the reading text into lines of at most `width` cells and
 * reports each line as offsets into the text.
 *
 * Written by hand rather than with wrap-ansi because the reader needs every line's offsets (a
 * position is a character offset, not a line), and because wrap-ansi measures every word through
 * the grapheme segmenter: about 1.5 MB/s on real prose against well over 100 MB/s for this scan,
 * which is what lets the whole-book page count be built in the background.
 */
import {cellWidth, graphemes, graphemeWidth, isNarrowRun} from './width.js';

/** One laid-out line: `text.slice(start, end)` with each run of whitespace shown as one space. */
export type Line = {
	readonly start: number;
	readonly end: number;
};

/** True for the characters a line may break at; no-break spaces are not among them. */
export function isBreakingSpace(code: number): boolean {
	return (
		code === 0x20 ||
		code === 0x0a ||
		code === 0x09 ||
		code === 0x0d ||
		code === 0x0c ||
		(code >= 0x2000 && code <= 0x2006) ||
		(code >= 0x2008 && code <= 0x200a) ||
		code === 0x3000 ||
		code === 0x1680 ||
		code === 0x205f
	);
}

/** Breaks `text[start, end)` into lines no wider than `width` cells (width is at least 1). */
export function wrapBlock(text: string, start: number, end: number, width: number): Line[] {
	const lines: Line[] = [];
	const limit = Math.max(1, width);
	let i = start;
	while (i < end && isBreakingSpace(text.charCodeAt(i))) i++;
	let lineStart = -1;
	let lineEnd = -1;
	let lineWidth = 0;
	const flush = () => {
		if (lineStart >= 0) lines.push({start: lineStart, end: lineEnd});
		lineStart = -1;
		lineWidth = 0;
	};

	while (i < end) {
		let j = i;
		while (j < end && !isBreakingSpace(text.charCodeAt(j))) j++;
		// A word is one token, unless it holds wide characters (CJK), which may break anywhere.
		if (isNarrowRun(text, i, j)) {
			place(i, j, j - i, true);
		} else {
			placeMixed(i, j);
		}
		i = j;
		while (i < end && isBreakingSpace(text.charCodeAt(i))) i++;
	}
	flush();
	return lines;

	function place(tokenStart: number, tokenEnd: number, tokenWidth: number, spaced: boolean): void {
		const gap = lineStart >= 0 && spaced ? 1 : 0;
		if (lineStart >= 0 && lineWidth + gap + tokenWidth <= limit) {
			lineEnd = tokenEnd;
			lineWidth += gap + tokenWidth;
			return;
		}
		if (lineStart >= 0) flush();
		if (tokenWidth <= limit) {
			lineStart = tokenStart;
			lineEnd = tokenEnd;
			lineWidth = tokenWidth;
			return;
		}
		splitLong(tokenStart, tokenEnd);
	}

	// A token wider than the whole line is cut between graphemes, never inside one.
	function splitLong(tokenStart: number, tokenEnd: number): void {
		let at = tokenStart;
		for (const grapheme of graphemes(text.slice(tokenStart, tokenEnd))) {
			const w = graphemeWidth(grapheme);
			if (lineStart >= 0 && lineWidth + w > limit) flush();
			if (lineStart < 0) {
				lineStart = at;
				lineWidth = 0;
			}
			at += grapheme.length;
			lineEnd = at;
			lineWidth += w;
		}
	}

	// Runs of narrow graphemes stay together; each wide grapheme is a break opportunity of its own.
	function placeMixed(wordStart: number, wordEnd: number): void {
		let runStart = wordStart;
		let runWidth = 0;
		let at = wordStart;
		let first = true;
		for (const grapheme of graphemes(text.slice(wordStart, wordEnd))) {
			const w = graphemeWidth(grapheme);
			if (w === 2) {
				if (at > runStart) {
					place(runStart, at, runWidth, first);
					first = false;
				}
				place(at, at + grapheme.length, 2, first);
				first = false;
				runStart = at + grapheme.length;
				runWidth = 0;
			} else {
				runWidth += w;
			}
			at += grapheme.length;
		}
		if (at > runStart) place(runStart, at, runWidth, first);
	}
}

/** The text a line shows: its slice of the story with each whitespace run collapsed to one space. */
export function lineText(text: string, line: Line): string {
	const slice = text.slice(line.start, line.end);
	return /[\s\u3000]/.test(slice) ? slice.replace(/[ \n\t\r\f\u2000-\u2006\u2008-\u200a\u3000\u1680\u205f]+/g, ' ') : slice;
}

/** Width in cells of the text a line shows. */
export function lineWidth(text: string, line: Line): number {
	return cellWidth(lineText(text, line));
}
