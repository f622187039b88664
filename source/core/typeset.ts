/**
 * Typesetting one block: the reader's typography settings applied to the line breaker's lines.
 * Decides the blank rows around a block, paragraph indents, verse lines, double spacing, and
 * which lines are stretched to the full width. Pure: the same block, width and settings always
 * give the same rows, which is what lets the layout cache them and count them in slices.
 */
import {wordBreaks, hyphenatesLanguage} from './hyphenate.js';
import {type Block, type Story, textPart} from './story.js';
import {type Line, type WrapOptions, countLines, wrapBlock} from './wrap.js';

/** How the reader wants the page set. */
export type Typography = {
	/** Stretch every line of a paragraph but its last to the full column width. */
	readonly justify: boolean;
	/** Split English words at the end of a line where the hyphenation patterns allow. */
	readonly hyphenate: boolean;
	/** A blank row between paragraphs, or a printed book's first-line indent and no blank row. */
	readonly paragraphStyle: 'spaced' | 'indented';
	/** Rows per line of text: 2 puts a blank row after every text row. */
	readonly spacing: 1 | 2;
	/** Authors' notes shown in full, or folded to one row each run of them. */
	readonly notes?: 'folded' | 'open';
};

/** The typography a reader gets before choosing: ragged right, no hyphens, spaced paragraphs, single spacing. */
export const DEFAULT_TYPOGRAPHY: Typography = {justify: false, hyphenate: false, paragraphStyle: 'spaced', spacing: 1};

/** One row of the laid-out story. Text, heading and note rows carry the offsets of what they show. */
export type Row = {
	readonly kind: 'text' | 'heading' | 'note' | 'blank' | 'break';
	readonly start: number;
	readonly end: number;
	/** Blank cells before the text: a paragraph's first-line indent or a verse line's hanging indent. */
	readonly indent?: number;
	/** True when the row ends inside a word, with a hyphen that is not in the text. */
	readonly hyphen?: boolean;
	/** Spaces added between words to fill the column; set only on justified rows. */
	readonly stretch?: number;
	/** True when the stretch's uneven remainder goes to the rightmost word spaces rather than the leftmost. */
	readonly stretchFromRight?: boolean;
	/** True for the one row that stands for a run of folded authors' notes. */
	readonly folded?: boolean;
};

/** Cells of a paragraph's first-line indent in the indented style: about one em of a printed page. */
export const PARAGRAPH_INDENT = 3;
/** Cells of the hanging indent that marks a verse line continued on the next row. */
export const VERSE_INDENT = 2;
/**
 * The widest word space a justified row may have, in cells. In a monospaced column a space of four
 * cells already reads as a hole, so a row that would need more stays ragged.
 */
export const MAX_GAP = 3;

/** The rows of block `index` of `story` at `width` cells: its leading blank rows, then its lines. */
export function typesetBlock(story: Story, index: number, width: number, typography: Typography): Row[] {
	const {blocks} = story;
	const block = blocks[index];
	if (!block) return [];
	const rows: Row[] = [];
	for (let i = leadingBlanks(blocks, index, typography); i > 0; i--) rows.push({kind: 'blank', start: block.start, end: block.start});
	if (block.kind === 'break') {
		rows.push({kind: 'break', start: block.start, end: block.start});
		return rows;
	}
	if (block.kind === 'note' && typography.notes === 'folded') {
		// A run of note blocks folds into one row, on its first block; the others take no room.
		if (blocks[index - 1]?.kind === 'note') return [];
		rows.push({kind: 'note', start: block.start, end: block.start, folded: true});
		return rows;
	}
	const kind = block.kind === 'heading' ? 'heading' : block.kind === 'note' ? 'note' : 'text';
	// Lines are found in the text that holds the block (a part of a long book), at `base` in the story.
	const {text, base} = textPart(story, block.start, block.end);
	const start = block.start - base;
	const end = block.end - base;
	let texts = 0;
	// Rows of text are separated by the spacing's blank rows, plus one more where a verse has an empty line.
	const push = (row: Row, extraBlanks = 0) => {
		if (texts > 0) for (let i = typography.spacing - 1 + extraBlanks; i > 0; i--) rows.push({kind: 'blank', start: row.start, end: row.start});
		rows.push(row);
		texts++;
	};

	if (kind === 'heading') {
		for (const line of wrapBlock(text, start, end, width)) push({kind, start: line.start + base, end: line.end + base});
		return rows;
	}
	if (block.lineBreaks) {
		typesetVerse(text, start, end, base, width, kind, push);
		return rows;
	}
	const indent = runsOn(blocks[index - 1], block, typography) ? indentFor(PARAGRAPH_INDENT, width) : 0;
	const hyphenate = typography.hyphenate && hyphenatesLanguage(story.meta.language);
	const lines = wrapBlock(text, start, end, width, {firstIndent: indent, ...(hyphenate ? {breaks: wordBreaks} : {})});
	// Notes are set apart from the story, so they keep a ragged edge like verse and headings.
	const justify = typography.justify && kind === 'text';
	lines.forEach((line, i) => {
		const lineIndent = i === 0 ? indent : 0;
		const stretch = justify && i < lines.length - 1 ? stretchFor(line, width - lineIndent) : 0;
		push({
			kind,
			start: line.start + base,
			end: line.end + base,
			...(lineIndent > 0 ? {indent: lineIndent} : {}),
			...(line.hyphen ? {hyphen: true} : {}),
			// Alternating the side that gets the remainder keeps the wider spaces from stacking into rivers.
			...(stretch > 0 ? {stretch, ...(i % 2 === 1 ? {stretchFromRight: true} : {})} : {}),
		});
	});
	return rows;
}

/**
 * How many rows `typesetBlock` gives block `index`, without making them: the whole-book index
 * counts every block of a story, and for running paragraphs, headings and breaks only the number
 * of lines matters. Any other block (verse, notes) is typeset and its rows counted.
 */
export function countBlockRows(story: Story, index: number, width: number, typography: Typography): number {
	const {blocks} = story;
	const block = blocks[index];
	if (!block) return 0;
	const lead = leadingBlanks(blocks, index, typography);
	if (block.kind === 'break') return lead + 1;
	if (block.kind !== 'heading' && (block.kind !== 'paragraph' || block.lineBreaks)) return typesetBlock(story, index, width, typography).length;
	const {text, base} = textPart(story, block.start, block.end);
	if (block.kind === 'heading') return lead + textRows(countLines(text, block.start - base, block.end - base, width), typography);
	const indent = runsOn(blocks[index - 1], block, typography) ? indentFor(PARAGRAPH_INDENT, width) : 0;
	const hyphenate = typography.hyphenate && hyphenatesLanguage(story.meta.language);
	return lead + textRows(countLines(text, block.start - base, block.end - base, width, paragraphOptions(indent, hyphenate)), typography);
}

// The line breaker's options for a paragraph, made once each: the whole-book count asks for them
// for every block, and new objects there would only feed the garbage collector.
const paragraphOptionsMade = new Map<number, WrapOptions>();
function paragraphOptions(indent: number, hyphenate: boolean): WrapOptions {
	const key = indent * 2 + (hyphenate ? 1 : 0);
	let options = paragraphOptionsMade.get(key);
	if (!options) {
		options = hyphenate ? {firstIndent: indent, breaks: wordBreaks} : {firstIndent: indent};
		paragraphOptionsMade.set(key, options);
	}
	return options;
}

// Rows taken by `lines` lines of text: the spacing puts blank rows between them.
function textRows(lines: number, typography: Typography): number {
	return lines === 0 ? 0 : lines + (lines - 1) * (typography.spacing - 1);
}

/** Blank rows before block `index`: none before the first, two before a heading, none between running paragraphs in the indented style, one otherwise; plus the spacing's blank row after the previous block's last line. */
export function leadingBlanks(blocks: readonly Block[], index: number, typography: Typography): number {
	if (index <= 0) return 0;
	const block = blocks[index]!;
	const base = block.kind === 'heading' ? 2 : runsOn(blocks[index - 1], block, typography) ? 0 : 1;
	return base + typography.spacing - 1;
}

/** Spaces each word space of a row shows: one, plus its share of the stretch. */
export function gapWidths(gaps: number, stretch: number, fromRight: boolean): number[] {
	const widths: number[] = [];
	if (gaps <= 0) return widths;
	const share = Math.floor(stretch / gaps);
	const remainder = stretch - share * gaps;
	for (let k = 0; k < gaps; k++) {
		const extra = fromRight ? k >= gaps - remainder : k < remainder;
		widths.push(1 + share + (extra ? 1 : 0));
	}
	return widths;
}

// Each source line of a verse starts a row; a line too long for the column goes on under a hanging
// indent. The verse is `text[start, end)`, at `base` in the story.
function typesetVerse(text: string, start: number, end: number, base: number, width: number, kind: Row['kind'], push: (row: Row, extraBlanks?: number) => void): void {
	const hanging = indentFor(VERSE_INDENT, width);
	let stanzaBreak = false;
	for (let from = start; from < end; ) {
		const newline = text.indexOf('\n', from);
		const to = newline < 0 || newline >= end ? end : newline;
		const lines = wrapBlock(text, from, to, width, {indent: hanging});
		if (lines.length === 0) stanzaBreak = true;
		lines.forEach((line, i) => {
			push({kind, start: line.start + base, end: line.end + base, ...(i > 0 && hanging > 0 ? {indent: hanging} : {})}, stanzaBreak && i === 0 ? 1 : 0);
		});
		if (lines.length > 0) stanzaBreak = false;
		from = to + 1;
	}
}

// In the indented style, a paragraph that follows one of its own kind continues the running text:
// no blank row before it, and its first line indented. After a heading, a scene break or verse it starts flush.
function runsOn(previous: Block | undefined, block: Block, typography: Typography): boolean {
	return typography.paragraphStyle === 'indented' && previous !== undefined && isProse(previous) && isProse(block) && previous.kind === block.kind;
}

function isProse(block: Block): boolean {
	return (block.kind === 'paragraph' || block.kind === 'note') && !block.lineBreaks;
}

// An indent never takes more than a quarter of a narrow column.
function indentFor(cells: number, width: number): number {
	return Math.min(cells, Math.floor(width / 4));
}

// Extra cells that fill a row to `room`, or 0 when the row has no word space or its spaces would grow too wide.
function stretchFor(line: Line, room: number): number {
	const extra = room - line.width;
	if (extra <= 0 || line.gaps === 0) return 0;
	return 1 + Math.ceil(extra / line.gaps) <= MAX_GAP ? extra : 0;
}
