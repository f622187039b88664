/**
 * The screen as data: how the terminal's rows and columns are shared between the page and the
 * chrome, and what each row of the page shows. Pure, so it is tested without a terminal.
 */
import {type Layout, type Row, countAtMost} from './layout.js';
import {type Segment, rowSegments} from './segments.js';
import {chapterAt, storyLength} from './story.js';
import {fit} from './fit.js';
import {cellWidth} from './width.js';

export {fit} from './fit.js';

/** The smallest terminal that still shows a page. */
export const MIN_COLUMNS = 20;
/** The smallest terminal height that still shows a page. */
export const MIN_ROWS = 6;
/** The default column width, in cells: a comfortable line of 60-75 characters. */
export const DEFAULT_COLUMN = 68;

/** How the terminal is shared: rows above the page, the page, the gap, the status line. */
export type Frame = {
	readonly cols: number;
	readonly rows: number;
	readonly top: number;
	readonly body: number;
	readonly gap: number;
	readonly status: number;
	/** Width of the text column and its left margin. */
	readonly column: number;
	readonly margin: number;
};

/** Shares a terminal of `cols` x `rows` between chrome and page, or undefined when it is too small. */
export function frameFor(cols: number, rows: number, preferredColumn: number = DEFAULT_COLUMN): Frame | undefined {
	if (cols < MIN_COLUMNS || rows < MIN_ROWS) return undefined;
	const roomy = rows >= 12;
	const top = roomy ? 1 : 0;
	const gap = roomy ? 1 : 0;
	const status = 1;
	const column = Math.max(1, Math.min(preferredColumn, cols));
	return {cols, rows, top, gap, status, body: rows - top - gap - status, column, margin: Math.floor((cols - column) / 2)};
}

/** One row of the page as it is drawn: its role, its styled runs, and their text joined (already inside the column). */
export type PageLine = {readonly kind: Row['kind']; readonly text: string; readonly segments: readonly Segment[]};

/**
 * True when two pages' lines show the same rows with the same styles: a frame that changes only the
 * status line (the page count arriving, a notice) need not draw the page again.
 */
export function samePageLines(a: readonly PageLine[], b: readonly PageLine[]): boolean {
	if (a === b) return true;
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		const x = a[i]!;
		const y = b[i]!;
		if (x.kind !== y.kind || x.text !== y.text || x.segments.length !== y.segments.length) return false;
		for (let j = 0; j < x.segments.length; j++) {
			const s = x.segments[j]!;
			const t = y.segments[j]!;
			if (s.text !== t.text || !s.italic !== !t.italic || !s.bold !== !t.bold || !s.hit !== !t.hit || !s.hyphen !== !t.hyphen) return false;
		}
	}
	return true;
}

/** What each row of a page shows, styled; headings and scene breaks are centred in the column. */
export function pageLines(layout: Layout, rows: readonly Row[], hits: ReadonlyArray<{start: number; end: number}> = []): PageLine[] {
	return rows.map((row) => {
		const segments = rowSegments(layout.story, row, layout.width, hits);
		return {kind: row.kind, text: segments.map((segment) => segment.text).join(''), segments};
	});
}

/** Where the reader is: for the status line and the library. */
export type Progress = {
	readonly chapter?: string;
	/** 1-based page number and page count, once the whole-book index is ready. */
	readonly page?: number;
	readonly pages?: number;
	readonly percent: number;
};

/** The page number, page count and percent read for the page at `offset`. */
export function progressAt(layout: Layout, offset: number, height: number): Progress {
	const page = layout.page(offset, height);
	const percent = percentRead(page.start, storyLength(layout.story), page.atEnd);
	const chapter = chapterAt(layout.story.chapters, page.start)?.title;
	const row = layout.rowNumber(page.top);
	const starts = layout.pageStarts(height);
	const base = chapter === undefined ? {percent} : {percent, chapter};
	if (row === undefined || !starts) return base;
	const pages = starts.length;
	return {...base, page: page.atEnd ? pages : Math.min(pages, Math.max(1, countAtMost(starts, row))), pages};
}

/** Percent read for a page starting at `start` of `length` characters: 100 only on the last page. */
export function percentRead(start: number, length: number, atEnd: boolean): number {
	return atEnd || length === 0 ? 100 : Math.min(99, Math.floor((100 * start) / length));
}

/** The theme role a page row is drawn in: scene breaks and folded notes dim, headings as headings. */
export function lineRole(line: Pick<PageLine, 'kind'>): 'dim' | 'heading' | 'text' {
	return line.kind === 'break' || line.kind === 'note' ? 'dim' : line.kind === 'heading' ? 'heading' : 'text';
}

/** The status line: title and chapter on the left, page and percent on the right, in `width` cells. */
export function statusLine(title: string, progress: Progress, width: number, notice?: string, timeLeft: readonly string[] = []): string {
	const where = progress.page === undefined ? `${progress.percent}%` : `${progress.page} of ${progress.pages} · ${progress.percent}%`;
	// The most detailed time left that still leaves the title a readable 16 cells.
	const time = notice ? undefined : timeLeft.find((text) => width - cellWidth(where) - cellWidth(text) - 5 >= 16);
	const right = time ? `${time} · ${where}` : where;
	const left = notice ?? (progress.chapter ? `${title} · ${progress.chapter}` : title);
	const room = width - cellWidth(right) - 2;
	if (room < 4) return fit(right, width);
	return `${fit(left, room)}${' '.repeat(Math.max(2, width - cellWidth(fit(left, room)) - cellWidth(right)))}${right}`;
}

