/**
 * The line breaker: splits one run of the reading text into lines of at most `width` cells and
 * reports each line as offsets into the text.
 *
 * Written by hand rather than with wrap-ansi because the reader needs every line's offsets (a
 * position is a character offset, not a line), and because wrap-ansi measures every word through
 * the grapheme segmenter: about 1.5 MB/s on real prose against well over 100 MB/s for this scan,
 * which is what lets the whole-book page count be built in the background.
 */
import type {WordBreak} from './hyphenate.js';
import {cellWidth, graphemes, graphemeWidth, isNarrowCode} from './width.js';

/**
 * One laid-out line: `text.slice(start, end)` with each run of whitespace shown as one space,
 * followed by a hyphen when `hyphen` is set.
 */
export type Line = {
	readonly start: number;
	readonly end: number;
	/** Cells the line takes, added hyphen included, indent excluded. */
	readonly width: number;
	/** Word spaces inside the line: the places justification may widen. */
	readonly gaps: number;
	/** True when the line ends inside a word, which goes on in the next line after an added hyphen. */
	readonly hyphen?: boolean;
};

/** How to break: indents that narrow the first and the other lines, and where words may split. */
export type WrapOptions = {
	/** Cells taken before the first line (a paragraph indent). */
	readonly firstIndent?: number;
	/** Cells taken before every other line (a hanging indent). */
	readonly indent?: number;
	/** Where a word that does not fit may be split; words are kept whole without it. */
	readonly breaks?: (word: string) => readonly WordBreak[];
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

// Hyphens on more than two lines in a row make a ladder down the margin, which readers notice.
const MAX_HYPHEN_RUN = 2;
// Splitting a word of four characters or fewer saves too little to be worth the break in reading.
const SHORTEST_SPLIT = 5;

/** Breaks `text[start, end)` into lines no wider than `width` cells, less the indents (every line keeps at least one cell). */
export function wrapBlock(text: string, start: number, end: number, width: number, options: WrapOptions = {}): Line[] {
	const lines: Line[] = [];
	new LineBreaker(text, width, options, lines).run(start, end);
	return lines;
}

/** How many lines `wrapBlock` would make, without making them: what the whole-book index needs. */
export function countLines(text: string, start: number, end: number, width: number, options: WrapOptions = {}): number {
	return new LineBreaker(text, width, options, undefined).run(start, end);
}

// The line breaker itself. Its state lives in fields and its steps are methods, so that a run
// allocates one object, plus the lines when they are wanted: counting the rows of a whole book
// (tens of thousands of blocks) then leaves almost nothing for the garbage collector.
class LineBreaker {
	private limit: number;
	private readonly restLimit: number;
	private readonly breaks: WrapOptions['breaks'];
	private lineStart = -1;
	private lineEnd = -1;
	private lineWidth = 0;
	private lineGaps = 0;
	private hyphenRun = 0;
	private count = 0;

	constructor(
		private readonly text: string,
		width: number,
		options: WrapOptions,
		// The lines, when they are wanted; without them the lines are only counted.
		private readonly lines: Line[] | undefined,
	) {
		this.breaks = options.breaks;
		this.limit = Math.max(1, width - (options.firstIndent ?? 0));
		this.restLimit = Math.max(1, width - (options.indent ?? 0));
	}

	// Breaks `text[start, end)`; returns the number of lines.
	run(start: number, end: number): number {
		const {text} = this;
		let i = start;
		while (i < end && isBreakingSpace(text.charCodeAt(i))) i++;
		while (i < end) {
			// One pass over the word finds its end and whether every character in it is one cell wide.
			let j = i;
			let narrow = true;
			for (; j < end; j++) {
				const code = text.charCodeAt(j);
				if (code > 0x20 && code < 0x7f) continue; // printable ASCII: most of any prose
				if (isBreakingSpace(code)) break;
				if (narrow && !isNarrowCode(code)) narrow = false;
			}
			// A word is one token, unless it holds wide characters (CJK), which may break anywhere.
			if (!narrow) this.placeMixed(i, j);
			else if (this.breaks) this.placeWord(i, j, this.breaks);
			else this.place(i, j, j - i, true);
			i = j;
			while (i < end && isBreakingSpace(text.charCodeAt(i))) i++;
		}
		this.flush(false);
		return this.count;
	}

	// Closes the line being filled, if any; its width includes an added hyphen.
	private flush(hyphen: boolean): void {
		if (this.lineStart < 0) return;
		const width = hyphen ? this.lineWidth + 1 : this.lineWidth;
		const {lineStart: start, lineEnd: end, lineGaps: gaps} = this;
		this.lines?.push(hyphen ? {start, end, width, gaps, hyphen} : {start, end, width, gaps});
		this.count++;
		this.hyphenRun = hyphen ? this.hyphenRun + 1 : 0;
		this.lineStart = -1;
		this.lineWidth = 0;
		this.lineGaps = 0;
		this.limit = this.restLimit;
	}

	private append(tokenStart: number, tokenEnd: number, tokenWidth: number, gap: number): void {
		if (this.lineStart < 0) {
			this.lineStart = tokenStart;
			this.lineWidth = tokenWidth;
		} else {
			this.lineWidth += gap + tokenWidth;
			this.lineGaps += gap;
		}
		this.lineEnd = tokenEnd;
	}

	private place(tokenStart: number, tokenEnd: number, tokenWidth: number, spaced: boolean): void {
		const gap = this.lineStart >= 0 && spaced ? 1 : 0;
		if (this.lineStart >= 0 && this.lineWidth + gap + tokenWidth <= this.limit) {
			this.append(tokenStart, tokenEnd, tokenWidth, gap);
			return;
		}
		if (this.lineStart >= 0) this.flush(false);
		if (tokenWidth <= this.limit) {
			this.append(tokenStart, tokenEnd, tokenWidth, 0);
			return;
		}
		this.splitLong(tokenStart, tokenEnd);
	}

	// A narrow word that does not fit is split at the last of its break points that leaves a first
	// part (and its hyphen) fitting the line; the rest goes on the next line, split again if need be.
	private placeWord(wordStart: number, wordEnd: number, breaksOf: (word: string) => readonly WordBreak[]): void {
		let from = wordStart;
		let points: readonly WordBreak[] | undefined;
		for (;;) {
			const gap = this.lineStart >= 0 && from === wordStart ? 1 : 0;
			const rest = wordEnd - from;
			if (this.lineWidth + gap + rest <= this.limit) {
				this.append(from, wordEnd, rest, gap);
				return;
			}
			const room = this.lineStart >= 0 ? this.limit - this.lineWidth - gap : this.limit;
			// Past a ladder of hyphens the word moves down whole, unless it is too long for any line.
			const allowed = this.hyphenRun < MAX_HYPHEN_RUN || (this.lineStart < 0 && rest > this.limit);
			// Every break point leaves at least two cells on the line (a letter and a dash, or two letters
			// and a hyphen), and short words stay whole: most line ends need no look-up at all.
			if (allowed && room >= 2 && wordEnd - wordStart >= SHORTEST_SPLIT) {
				points ??= breaksOf(this.text.slice(wordStart, wordEnd));
				const point = lastFitting(points, from - wordStart, room);
				if (point) {
					const at = wordStart + point.at;
					this.append(from, at, at - from, gap);
					this.flush(point.hyphen);
					from = at;
					continue;
				}
			}
			if (this.lineStart >= 0) {
				this.flush(false);
				continue;
			}
			this.splitLong(from, wordEnd);
			return;
		}
	}

	// A token wider than the whole line is cut between graphemes, never inside one.
	private splitLong(tokenStart: number, tokenEnd: number): void {
		let at = tokenStart;
		for (const grapheme of graphemes(this.text.slice(tokenStart, tokenEnd))) {
			const w = graphemeWidth(grapheme);
			if (this.lineStart >= 0 && this.lineWidth + w > this.limit) this.flush(false);
			if (this.lineStart < 0) {
				this.lineStart = at;
				this.lineWidth = 0;
			}
			at += grapheme.length;
			this.lineEnd = at;
			this.lineWidth += w;
		}
	}

	// Runs of narrow graphemes stay together; each wide grapheme is a break opportunity of its own.
	private placeMixed(wordStart: number, wordEnd: number): void {
		let runStart = wordStart;
		let runWidth = 0;
		let at = wordStart;
		let first = true;
		for (const grapheme of graphemes(this.text.slice(wordStart, wordEnd))) {
			const w = graphemeWidth(grapheme);
			if (w === 2) {
				if (at > runStart) {
					this.place(runStart, at, runWidth, first);
					first = false;
				}
				this.place(at, at + grapheme.length, 2, first);
				first = false;
				runStart = at + grapheme.length;
				runWidth = 0;
			} else {
				runWidth += w;
			}
			at += grapheme.length;
		}
		if (at > runStart) this.place(runStart, at, runWidth, first);
	}
}

// The last break point after `from` whose first part, with its added hyphen, fits in `room` cells.
function lastFitting(points: readonly WordBreak[], from: number, room: number): WordBreak | undefined {
	let found: WordBreak | undefined;
	for (const point of points) {
		if (point.at <= from) continue;
		if (point.at - from + (point.hyphen ? 1 : 0) > room) break;
		found = point;
	}
	return found;
}

/** The text a line shows: its slice of the story with each whitespace run collapsed to one space. */
export function lineText(text: string, line: Pick<Line, 'start' | 'end'>): string {
	const slice = text.slice(line.start, line.end);
	return /[\s\u3000]/.test(slice) ? slice.replace(/[ \n\t\r\f\u2000-\u2006\u2008-\u200a\u3000\u1680\u205f]+/g, ' ') : slice;
}

/** Width in cells of the text a line shows. */
export function lineWidth(text: string, line: Pick<Line, 'start' | 'end'>): number {
	return cellWidth(lineText(text, line));
}
