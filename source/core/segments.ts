/**
 * What a row shows, as runs of styled text: the story's emphasis spans cut to the row's offsets,
 * with the row's indent, justification spaces and added hyphen put in. The styles come from the
 * offsets of the characters themselves, so wrapping, indents and stretching never shift them (the
 * bug that got a peer's indent feature reverted: its styles were applied by column).
 */
import {SCENE_BREAK} from './layout.js';
import {type Span, type Story, textPart, textSlice} from './story.js';
import {type Row, gapWidths} from './typeset.js';
import {isBreakingSpace} from './wrap.js';
import {fit} from './fit.js';
import {cellWidth} from './width.js';

/** A run of a row in one style; the view draws each as one styled text. */
export type Segment = {
	readonly text: string;
	readonly italic?: boolean;
	readonly bold?: boolean;
	/** True for the hyphen added where a word is split: it is not in the story's text. */
	readonly hyphen?: boolean;
	/** True inside a search match. */
	readonly hit?: boolean;
};

type Style = {readonly italic: boolean; readonly bold: boolean; readonly hit: boolean};

const PLAIN: Style = {italic: false, bold: false, hit: false};
const BOLD: Style = {italic: false, bold: true, hit: false};

/**
 * The segments of `row` in a column of `width` cells. Indents and centring are plain; a word space
 * takes a style only when the words on both sides have it, stretch included, so an underlined
 * phrase reads as one; an added hyphen takes the style of the word it splits.
 */
export function rowSegments(story: Story, row: Row, width: number, hits: readonly Range[] = []): Segment[] {
	switch (row.kind) {
		case 'blank':
			return [];
		case 'break':
			// A column narrower than the ornament gets a single star rather than a row that overflows.
			return [{text: centre(cellWidth(SCENE_BREAK) <= width ? SCENE_BREAK : '*', width)}];
		case 'note':
			if (row.folded) return [{text: fit(`▸ ${foldedLabel(story, row.start)} · ${FOLDED_HINT}`, width)}];
			return merge(styledPieces(story, row, false, hits));
		case 'heading': {
			const pieces = styledPieces(story, row, true, hits);
			const pad = Math.max(0, Math.floor((width - cellWidth(pieces.map((piece) => piece.text).join(''))) / 2));
			return merge(pad > 0 ? [{text: ' '.repeat(pad), style: PLAIN}, ...pieces] : pieces);
		}
		default: {
			const pieces = styledPieces(story, row, false, hits);
			return merge(row.indent ? [{text: ' '.repeat(row.indent), style: PLAIN}, ...pieces] : pieces);
		}
	}
}

type Piece = {readonly text: string; readonly style: Style; readonly hyphen?: boolean};

function styledPieces(story: Story, row: Row, bold: boolean, hits: readonly Range[]): Piece[] {
	// The row's characters, from the text that holds them (a part of a long book); the loops below
	// walk story offsets, `base` apart from offsets into `text`.
	const {text, base} = textPart(story, row.start, row.end);
	const {start, end} = row;
	const styles = stylesOf(story);
	const italic = new StyleCursor(styles.italic, start);
	const strong = new StyleCursor(styles.bold, start);
	const found = new StyleCursor(hits, start);
	const styleAt = (offset: number): Style => ({italic: italic.covers(offset), bold: bold || strong.covers(offset), hit: found.covers(offset)});
	const widths = row.stretch ? gapWidths(countGaps(text, start - base, end - base), row.stretch, row.stretchFromRight === true) : undefined;
	// Most rows have no emphasis and no search match: one piece, built without a style per character
	// (which, on the first page, before the JIT has warmed up, cost several milliseconds).
	if (!italic.touches(end) && !strong.touches(end) && !found.touches(end)) {
		const style = bold ? BOLD : PLAIN;
		let joined = '';
		let gap = 0;
		for (let i = start; i < end; ) {
			let j = i;
			if (isBreakingSpace(text.charCodeAt(i - base))) {
				while (j < end && isBreakingSpace(text.charCodeAt(j - base))) j++;
				joined += ' '.repeat(widths?.[gap] ?? 1);
				gap++;
			} else {
				while (j < end && !isBreakingSpace(text.charCodeAt(j - base))) j++;
				joined += text.slice(i - base, j - base);
			}
			i = j;
		}
		const pieces: Piece[] = joined === '' ? [] : [{text: joined, style}];
		if (row.hyphen) pieces.push({text: '-', style: joined === '' ? PLAIN : style, hyphen: true});
		return pieces;
	}
	const pieces: Piece[] = [];
	let before: Style = PLAIN;
	let gap = 0;
	for (let i = start; i < end; ) {
		let j = i;
		if (isBreakingSpace(text.charCodeAt(i - base))) {
			while (j < end && isBreakingSpace(text.charCodeAt(j - base))) j++;
			const after = styleAt(j);
			pieces.push({
				text: ' '.repeat(widths?.[gap] ?? 1),
				style: {italic: before.italic && after.italic, bold: before.bold && after.bold, hit: before.hit && after.hit},
			});
			gap++;
		} else {
			// A word is cut wherever its style changes.
			let style = styleAt(i);
			for (j = i + 1; j < end && !isBreakingSpace(text.charCodeAt(j - base)); j++) {
				const next = styleAt(j);
				if (sameStyle(next, style)) continue;
				pieces.push({text: text.slice(i - base, j - base), style});
				i = j;
				style = next;
			}
			pieces.push({text: text.slice(i - base, j - base), style});
			before = style;
		}
		i = j;
	}
	if (row.hyphen) pieces.push({text: '-', style: before, hyphen: true});
	return pieces;
}

// Invisible hints (soft hyphen, zero-width space, word joiner, BOM): zero cells in the layout, but
// some terminals give them a cell, so they are never drawn.
const INVISIBLE = /[\u00AD\u200B\u2060\uFEFF]/g;

function merge(pieces: readonly Piece[]): Segment[] {
	const segments: Segment[] = [];
	let last: Piece | undefined;
	for (const piece of pieces) {
		if (last && !last.hyphen && !piece.hyphen && sameStyle(last.style, piece.style)) {
			last = {text: last.text + piece.text, style: last.style};
			segments[segments.length - 1] = segmentOf(last);
			continue;
		}
		segments.push(segmentOf(piece));
		last = piece;
	}
	return segments;
}

function segmentOf(piece: Piece): Segment {
	return {
		text: piece.text.replace(INVISIBLE, ''),
		...(piece.style.italic ? {italic: true} : {}),
		...(piece.style.bold ? {bold: true} : {}),
		...(piece.hyphen ? {hyphen: true} : {}),
		...(piece.style.hit ? {hit: true} : {}),
	};
}

function sameStyle(a: Style, b: Style): boolean {
	return a.italic === b.italic && a.bold === b.bold && a.hit === b.hit;
}

function countGaps(text: string, start: number, end: number): number {
	let gaps = 0;
	for (let i = start; i < end; i++) {
		if (isBreakingSpace(text.charCodeAt(i)) && !isBreakingSpace(text.charCodeAt(i - 1))) gaps++;
	}
	return gaps;
}

/** What a folded run of notes says about opening it. */
const FOLDED_HINT = 'a shows notes';

// The folded row names the notes by their opening words: "Chapter Notes", "Summary", "Notes".
function foldedLabel(story: Story, start: number): string {
	const opening = textSlice(story, start, start + 60).split('\n')[0]!.trim();
	return opening.length > 0 ? opening : 'Notes';
}

function centre(text: string, width: number): string {
	const pad = Math.max(0, Math.floor((width - cellWidth(text)) / 2));
	return ' '.repeat(pad) + text;
}

/** A stretch of the text: a span, or a search match. */
type Range = {readonly start: number; readonly end: number};

// Answers "is this offset inside a span?" for offsets that only grow, in one pass over the spans.
class StyleCursor {
	private index: number;

	constructor(
		private readonly spans: readonly Range[],
		from: number,
	) {
		// The first span that ends after `from`: spans of one style are sorted and disjoint, so ends ascend too.
		let lo = 0;
		let hi = spans.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (spans[mid]!.end <= from) lo = mid + 1;
			else hi = mid;
		}
		this.index = lo;
	}

	/** True when a span starts before `end` (and ends after `from`): the row [from, end) has some of it. */
	touches(end: number): boolean {
		const span = this.spans[this.index];
		return span !== undefined && span.start < end;
	}

	covers(offset: number): boolean {
		while (this.index < this.spans.length && this.spans[this.index]!.end <= offset) this.index++;
		const span = this.spans[this.index];
		return span !== undefined && span.start <= offset;
	}
}

type Styles = {readonly italic: readonly Span[]; readonly bold: readonly Span[]};

const stylesByStory = new WeakMap<Story, Styles>();

// The story's spans split by style, each list sorted and with overlaps merged, so one forward scan finds them.
function stylesOf(story: Story): Styles {
	let styles = stylesByStory.get(story);
	if (!styles) {
		const spans = story.spans ?? [];
		styles = {italic: disjoint(spans.filter((span) => span.style === 'italic')), bold: disjoint(spans.filter((span) => span.style === 'bold'))};
		stylesByStory.set(story, styles);
	}
	return styles;
}

function disjoint(spans: readonly Span[]): Span[] {
	const sorted = [...spans].filter((span) => span.end > span.start).sort((a, b) => a.start - b.start);
	const out: Span[] = [];
	for (const span of sorted) {
		const last = out.at(-1);
		if (last && span.start <= last.end) out[out.length - 1] = {...last, end: Math.max(last.end, span.end)};
		else out.push(span);
	}
	return out;
}
