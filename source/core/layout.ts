/**
 * Layout: turns a story into rows for one column width and one typography, lazily. Only the
 * blocks around the position are typeset (and cached); the whole-book row count is built in small
 * slices on demand.
 */
import {sliceClock} from './slice-clock.js';
import {type Story, blockIndexAt, storyLength} from './story.js';
import {DEFAULT_TYPOGRAPHY, type Row, type Typography, countBlockRows, leadingBlanks, typesetBlock} from './typeset.js';

/** One row of the laid-out story (defined with the typesetting that makes it). */
export type {Row} from './typeset.js';

/** A place in the row stream: a block and a row inside it. */
export type Cursor = {readonly block: number; readonly row: number};

/** What one screen shows: its rows, and where the previous and next pages begin. */
export type Page = {
	readonly rows: readonly Row[];
	/** Offset of the first character on the page. */
	readonly start: number;
	/** Offset just past the last character on the page. */
	readonly end: number;
	readonly top: Cursor;
	/** True when the page shows the end of the story. */
	readonly atEnd: boolean;
};

/** The ornament that stands for a scene break. */
export const SCENE_BREAK = '*   *   *';

const CACHE_LIMIT = 4096;

/** Lays out one story at one width and typography; create a new one when either changes. */
export class Layout {
	readonly story: Story;
	readonly width: number;
	readonly typography: Typography;
	private readonly cache = new Map<number, Row[]>();
	// Rows before each block, filled in as blocks are counted; `prefix` is set once all of them are.
	private rowsBefore: Float64Array | undefined;
	private indexed = 0;
	private prefix: Float64Array | undefined;
	private readonly pages = new Map<number, ArrayLike<number>>();
	private foundBlock = 0;
	// The page height the reader last asked page starts for, and the page starts being found for it.
	private askedHeight: number | undefined;
	private pending: {height: number; starts: number[]; next: number | undefined; block: number} | undefined;
	/** Characters wrapped so far: lets tests prove that work per key press is local. */
	wrappedChars = 0;

	/** Settings left out of `typography` keep their defaults; other fields of a wider settings object are ignored. */
	constructor(story: Story, width: number, typography: Partial<Typography> = {}) {
		this.story = story;
		this.width = Math.max(1, Math.floor(width));
		const {justify, hyphenate, paragraphStyle, spacing, notes = 'open'} = {...DEFAULT_TYPOGRAPHY, ...typography};
		this.typography = {justify, hyphenate, paragraphStyle, spacing, notes};
	}

	/** The rows of block `index`, with the spacing that goes before it. */
	rows(index: number): Row[] {
		const cached = this.cache.get(index);
		if (cached) return cached;
		const rows = this.build(index);
		if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
		this.cache.set(index, rows);
		return rows;
	}

	/** The cursor of the row that shows `offset` (the first row for offsets before any text). */
	cursorAt(offset: number): Cursor {
		const {blocks} = this.story;
		if (blocks.length === 0) return {block: 0, row: 0};
		let block = blockIndexAt(blocks, Math.max(0, offset));
		// Walk forward past blocks without text rows (a leading scene break).
		for (let b = block; b < blocks.length; b++) {
			const rows = this.rows(b);
			let found = -1;
			for (let r = 0; r < rows.length; r++) {
				const row = rows[r]!;
				if (!isTextRow(row)) continue;
				if (found < 0 || row.start <= offset) found = r;
				if (row.start > offset) break;
			}
			if (found >= 0) return {block: b, row: found};
			block = b;
		}
		return this.lastCursor();
	}

	/** The offset a cursor stands for: the start of its row, or of the next text row. */
	offsetAt(cursor: Cursor): number {
		const text = this.nextText(cursor);
		if (text) return this.row(text).start;
		return storyLength(this.story);
	}

	/** The row a cursor points at. */
	row(cursor: Cursor): Row {
		return this.rows(cursor.block)[cursor.row] ?? {kind: 'blank', start: 0, end: 0};
	}

	/** Moves `count` rows forward (or backward when negative), stopping at either end. */
	step(cursor: Cursor, count: number): Cursor {
		let {block, row} = cursor;
		let n = count;
		const last = this.story.blocks.length - 1;
		while (n > 0) {
			const length = this.rows(block).length;
			if (row + n < length) return {block, row: row + n};
			if (block >= last) return {block, row: Math.max(0, length - 1)};
			n -= length - row;
			block++;
			row = 0;
		}
		while (n < 0) {
			if (row + n >= 0) return {block, row: row + n};
			if (block <= 0) return {block: 0, row: 0};
			n += row + 1;
			block--;
			row = this.rows(block).length - 1;
		}
		return {block, row};
	}

	/** The first row that shows text at or after `cursor`, or undefined at the end of the story. */
	nextText(cursor: Cursor): Cursor | undefined {
		let {block, row} = cursor;
		for (; block < this.story.blocks.length; block++, row = 0) {
			const rows = this.rows(block);
			for (; row < rows.length; row++) if (isTextRow(rows[row]!)) return {block, row};
		}
		return undefined;
	}

	/** The last row of the story. */
	lastCursor(): Cursor {
		const block = Math.max(0, this.story.blocks.length - 1);
		return {block, row: Math.max(0, this.rows(block).length - 1)};
	}

	/** The page of `height` rows whose first row shows `offset`. */
	page(offset: number, height: number): Page {
		const top = this.cursorAt(offset);
		const rows: Row[] = [];
		let cursor = top;
		let atEnd = false;
		for (let i = 0; i < height; i++) {
			rows.push(this.row(cursor));
			const next = this.step(cursor, 1);
			if (sameCursor(next, cursor)) {
				atEnd = true;
				break;
			}
			cursor = next;
		}
		if (!atEnd) atEnd = this.nextText(cursor) === undefined;
		const textRows = rows.filter(isTextRow);
		return {
			rows,
			top,
			atEnd,
			start: textRows[0]?.start ?? storyLength(this.story),
			end: atEnd ? storyLength(this.story) : (textRows.at(-1)?.end ?? storyLength(this.story)),
		};
	}

	/**
	 * Offset of the page `count` rows away from the one at `offset`. Tops never rest on a blank
	 * row: going forward skips blank rows, and going back picks the nearest top from which going
	 * forward again lands here. For one row that is exact; for a page two tops can lead to the same
	 * place, so the reader also remembers where its page turns came from.
	 */
	scroll(offset: number, count: number): number {
		const top = this.cursorAt(offset);
		if (count >= 0) return this.offsetAt(this.step(top, count));
		const here = this.offsetAt(top);
		const back = this.step(top, count);
		// Going forward skips the non-text rows after where it lands (blank rows, a scene break, the
		// spacing's rows), so the top that leads here may be a few rows before `back`. Where a
		// candidate lands only moves back as the candidate does, so the search stops once it undershoots.
		for (let tries = 0, candidate = back; tries < MAX_SKIPPED; tries++) {
			if (isTextRow(this.row(candidate))) {
				const landing = this.offsetAt(this.step(candidate, -count));
				if (landing === here) return this.row(candidate).start;
				if (landing < here) break;
			}
			const previous = this.step(candidate, -1);
			if (sameCursor(previous, candidate)) break;
			candidate = previous;
		}
		return this.offsetAt(back);
	}

	/** The offset of the last page's top for pages of `height` rows. */
	endOffset(height: number): number {
		return this.offsetAt(this.step(this.lastCursor(), -(height - 1)));
	}

	/** Wraps more of the story for the whole-book row count; returns true once it is complete. */
	buildIndex(deadline: number, now: () => number = Date.now): boolean {
		const total = this.story.blocks.length;
		const rowsBefore = (this.rowsBefore ??= new Float64Array(total + 1));
		const spend = sliceClock(deadline, now);
		const {blocks} = this.story;
		while (this.indexed < total) {
			// Counting rows needs no Row objects: a block already laid out is read from the cache, others only counted.
			const index = this.indexed++;
			rowsBefore[index + 1] = rowsBefore[index]! + (this.cache.get(index)?.length ?? this.count(index));
			const block = blocks[index]!;
			if (spend(block.end - block.start)) break;
		}
		if (this.indexed < total) return false;
		this.prefix = rowsBefore;
		// The page starts for the page height last asked about are part of the index too: found here,
		// a slice at a time, they are ready before the frame that shows the page count needs them.
		const height = this.askedHeight;
		return height === undefined || this.pages.has(height) || this.findPageStarts(height, deadline, now);
	}

	/**
	 * The rows before each block (and, last, in all) once the whole-book count is complete: what a
	 * layout of the same story, width and typography elsewhere (a worker thread) hands to this one.
	 */
	rowCounts(): Float64Array | undefined {
		return this.prefix;
	}

	/**
	 * Takes the whole-book count made elsewhere (`rowCounts` of a layout of the same story, width and
	 * typography), in place of counting. False, and nothing taken, when it is not one for this story
	 * (its length is not the number of blocks and one). Only its shape is checked: it comes from this
	 * build's own code, and a check of every count, in code that runs once, took milliseconds.
	 */
	adoptRowCounts(rows: Float64Array): boolean {
		const total = this.story.blocks.length;
		if (rows.length !== total + 1 || rows[0] !== 0) return false;
		this.rowsBefore = rows;
		this.indexed = total;
		this.prefix = rows;
		return true;
	}

	/** The page height page starts were last asked for: the one a count made elsewhere should find them for too. */
	get pageHeight(): number | undefined {
		return this.askedHeight;
	}

	/**
	 * Takes the page starts for pages of `height` rows found elsewhere (`pageStarts` of a layout of
	 * the same story, width and typography), once the row count is complete. False, and nothing
	 * taken, when they cannot be (none, or the last past the story's rows); as `adoptRowCounts`,
	 * only their shape is checked.
	 */
	adoptPageStarts(height: number, starts: ArrayLike<number>): boolean {
		const total = this.totalRows();
		if (total === undefined || starts.length === 0 || starts[0]! < 0 || !(starts[starts.length - 1]! < Math.max(1, total))) return false;
		this.pages.set(height, starts);
		if (this.pending?.height === height) this.pending = undefined;
		return true;
	}

	/** Row number of `cursor` in the whole story, once the index is complete. */
	rowNumber(cursor: Cursor): number | undefined {
		return this.prefix ? this.prefix[cursor.block]! + cursor.row : undefined;
	}

	/** Rows in the whole story, once the index is complete. */
	totalRows(): number | undefined {
		return this.prefix ? this.prefix[this.prefix.length - 1] : undefined;
	}

	/** Global row numbers where each page starts when paging forward from the start, once indexed. */
	pageStarts(height: number): ArrayLike<number> | undefined {
		this.askedHeight = height;
		if (!this.prefix) return undefined;
		this.findPageStarts(height, Number.POSITIVE_INFINITY, Date.now);
		return this.pages.get(height);
	}

	// Finds the page starts for `height` until `deadline`, going on from where the last call stopped;
	// true once they are all found (and cached).
	private findPageStarts(height: number, deadline: number, now: () => number): boolean {
		if (this.pages.has(height)) return true;
		const prefix = this.prefix!;
		const total = prefix[prefix.length - 1]!;
		if (this.pending?.height !== height) this.pending = {height, starts: [], next: this.textRowAtOrAfter(0), block: this.foundBlock};
		const pending = this.pending;
		// The same rule as paging with Space: a page starts `height` rows on, past any blank rows.
		// Pages only move forward, so each search starts from the block where the last one ended.
		while (pending.next !== undefined && pending.next < total) {
			pending.starts.push(pending.next);
			pending.next = this.textRowAtOrAfter(pending.next + height, pending.block);
			pending.block = this.foundBlock;
			if ((pending.starts.length & 63) === 0 && now() >= deadline) return false;
		}
		if (pending.starts.length === 0) pending.starts.push(0);
		this.pages.set(height, pending.starts);
		this.pending = undefined;
		return true;
	}

	// The first global row at or after `row` that shows text, found from row counts alone: a block's
	// rows are its leading blanks, then text rows `spacing` apart. Verse may hold an empty line, so
	// its own rows are read (verse blocks are few and short).
	// Searches from block `from` on (0 searches the whole story); the block found is left in `foundBlock`.
	private textRowAtOrAfter(row: number, from = 0): number | undefined {
		const prefix = this.prefix!;
		const blocks = this.story.blocks;
		const {spacing} = this.typography;
		let block = from;
		// Skip to the last block starting at or before `row`: a few steps from a nearby block, a binary search from the start.
		if (from === 0) block = Math.max(0, countAtMost(prefix, row) - 1);
		else while (block + 1 < blocks.length && prefix[block + 1]! <= row) block++;
		for (; block >= 0 && block < blocks.length; block++) {
			this.foundBlock = block;
			const first = prefix[block]!;
			const count = prefix[block + 1]! - first;
			const kind = blocks[block]!.kind;
			if (kind === 'break') continue;
			if (blocks[block]!.lineBreaks && kind !== 'heading') {
				const rows = this.rows(block);
				for (let r = Math.max(0, row - first); r < rows.length; r++) if (isTextRow(rows[r]!)) return first + r;
				continue;
			}
			const lead = leadingBlanks(blocks, block, this.typography);
			if (count <= lead) continue;
			const after = Math.max(0, row - first - lead);
			const at = first + lead + Math.ceil(after / spacing) * spacing;
			if (at < first + count) return at;
		}
		return undefined;
	}

	private count(index: number): number {
		const block = this.story.blocks[index];
		if (block && block.kind !== 'break') this.wrappedChars += block.end - block.start;
		return countBlockRows(this.story, index, this.width, this.typography);
	}

	private build(index: number): Row[] {
		const block = this.story.blocks[index];
		if (block && block.kind !== 'break') this.wrappedChars += block.end - block.start;
		return typesetBlock(this.story, index, this.width, this.typography);
	}
}

// The most rows a turn back looks past for the top that leads to where it started: more than any
// run of blank rows, scene break and spacing rows between two text rows.
const MAX_SKIPPED = 64;

/** How many of the ascending `values` are at most `value`. */
export function countAtMost(values: ArrayLike<number>, value: number): number {
	let lo = 0;
	let hi = values.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (values[mid]! <= value) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** True for rows that show story text (and so can hold the reading position). */
export function isTextRow(row: Row): boolean {
	return row.kind === 'text' || row.kind === 'heading' || row.kind === 'note';
}

function sameCursor(a: Cursor, b: Cursor): boolean {
	return a.block === b.block && a.row === b.row;
}
