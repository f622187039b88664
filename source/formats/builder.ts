/**
 * Assembles the reading text of a story block by block, for every format.
 *
 * Formats push text, styles and block boundaries; the builder owns the rules that keep the model
 * sane: blocks are separated by exactly "\n\n", whitespace inside a block collapses to one space
 * (verse and preformatted blocks keep their line breaks instead), a block only exists once it has
 * visible text, and every character is sanitised on the way in, after the format decoded entities.
 * Offsets that formats need (chapter starts, EPUB anchors) are taken lazily, at the next character
 * written, so that they never point at a separator or at trailing whitespace.
 */
import {sanitize} from '../core/sanitize.js';
import type {Block, Chapter, Span} from '../core/story.js';
import {isBreakMarker} from './headings.js';

/** How whitespace inside a block is treated: collapsed, newlines kept (verse), or all kept (pre). */
export type Whitespace = 'collapse' | 'lines' | 'pre';

/** The parts of a story the builder produces. */
export type BuiltText = {
	readonly text: string;
	readonly blocks: Block[];
	readonly chapters: Chapter[];
	readonly spans: Span[];
};

/** A block that was just closed; `blockText` gives its text (a heading's text becomes a chapter title). */
export type ClosedBlock = {readonly block: Block; readonly parts: readonly string[]; readonly from: number; readonly to: number};

/** The text of a block that was just closed (read it before the builder goes on). */
export function blockText(closed: ClosedBlock): string {
	return closed.parts.slice(closed.from, closed.to).join('');
}

type Style = Span['style'];

const COLLAPSIBLE = /[ \t\n\r\f\v\u2028\u2029]+/g;
// V8 replaces single characters an order of magnitude faster than runs (`[...]+`): on War and
// Peace 4 ms against 180 ms. So each whitespace character becomes a space first, and only the
// rare runs of spaces are collapsed afterwards.
const WHITESPACE_CHAR = /[\t\n\r\f\v\u2028\u2029]/g;
const LINE_SPACE_CHAR = /[\t\r\f\v\u2028\u2029]/g;
// Spaces of any kind (no-break, ideographic, zero-width, a stray BOM) alone do not make a block:
// `<p>&nbsp;</p>` is a spacer, not a paragraph.
const VISIBLE = /[^\s\u200b-\u200d\u2060]/;

// Exactly the code points `sanitize` replaces (a test checks every BMP code point): a native regex
// scan finds the rare text that needs sanitising, where sanitize's own loop is JavaScript run over
// every character, which costs tens of milliseconds on a long book before the JIT warms up.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]/;

// What `isPlain` looks for: a character that collapsing or sanitising would change (but a CR that
// ends a line), or a run of spaces.
const NOT_PLAIN = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f\u2028-\u202e\u2066-\u2069]|\r(?!\n)| {2}/;

/** True when the lines of `text` (split at LF or CRLF) hold nothing to collapse or sanitise: no whitespace but single spaces. */
export function isPlain(text: string): boolean {
	return !NOT_PLAIN.test(text);
}

/** `sanitize`, skipped when a native scan finds nothing to replace. */
export function safeText(text: string): string {
	return UNSAFE.test(text) ? sanitize(text) : text;
}

function collapseSpaces(text: string, others: RegExp): string {
	const spaced = text.replace(others, ' ');
	return spaced.includes('  ') ? spaced.replace(/ {2,}/g, ' ') : spaced;
}

/** Collapses whitespace, trims and sanitises a one-line string (a title, an author, a tag). */
export function cleanLine(text: string): string {
	return safeText(text.replace(COLLAPSIBLE, ' ').trim());
}

/** Sanitises multi-line text for the story card (a summary, a licence): lines kept, blank runs cut to one. */
export function cleanNote(text: string): string {
	const lines = text.replace(/\r\n?/g, '\n').split('\n').map((line) => collapseSpaces(line, LINE_SPACE_CHAR).trim());
	return safeText(lines.join('\n').replace(/\n{3,}/g, '\n\n').trim());
}

/** Collects blocks, spans and chapters into one reading text. */
export class StoryBuilder {
	private readonly parts: string[] = [];
	private length = 0;
	private readonly blocks: Block[] = [];
	private readonly chapters: Chapter[] = [];
	private readonly spans: Span[] = [];
	private kind: 'paragraph' | 'heading' = 'paragraph';
	private mode: Whitespace = 'collapse';
	// Offset of the current block's first character; -1 while the block has no text yet.
	private blockStart = -1;
	private blockPart = 0;
	private separatorPart = 0;
	private separatorLength = 0;
	private lineBreaks = false;
	private spaces = 0;
	private newlines = 0;
	private breakOwed = false;
	private notes = 0;
	private readonly depth: Record<Style, number> = {italic: 0, bold: 0};
	private readonly styleStart: Record<Style, number> = {italic: -1, bold: -1};
	private marks: Array<(offset: number) => void> = [];

	/** Ends the current block and starts a new one of this kind; it exists once text arrives. */
	open(kind: 'paragraph' | 'heading' = 'paragraph', mode: Whitespace = 'collapse'): void {
		this.close();
		this.kind = kind;
		this.mode = mode;
	}

	/** Ends the current block; returns it, or undefined when it never got any text. */
	close(): ClosedBlock | undefined {
		const start = this.blockStart;
		const kind = this.notes > 0 ? 'note' : this.kind;
		const lineBreaks = this.lineBreaks;
		const firstPart = this.blockPart;
		this.kind = 'paragraph';
		this.mode = 'collapse';
		this.blockStart = -1;
		this.lineBreaks = false;
		this.spaces = 0;
		this.newlines = 0;
		if (start < 0) return undefined;
		if (kind === 'paragraph' && this.length - start <= 24 && isBreakMarker(this.parts.slice(firstPart).join('').trim())) {
			this.unwrite(start);
			return undefined;
		}
		// A style still open continues in the next block, as a new span there.
		if (this.styleStart.italic >= 0) this.pushSpan('italic', this.styleStart.italic);
		if (this.styleStart.bold >= 0) this.pushSpan('bold', this.styleStart.bold);
		this.styleStart.italic = -1;
		this.styleStart.bold = -1;
		const block: Block = lineBreaks ? {kind, start, end: this.length, lineBreaks} : {kind, start, end: this.length};
		this.blocks.push(block);
		// The text is joined only when asked for (a heading's title): joining every paragraph again
		// would copy the whole book once more.
		return {block, parts: this.parts, from: firstPart, to: this.parts.length};
	}

	/** Adds text to the current block (opening a paragraph when none is open). */
	text(raw: string): void {
		if (raw.length === 0) return;
		if (this.mode === 'collapse') {
			this.words(collapseSpaces(raw, WHITESPACE_CHAR));
			return;
		}
		const lines = (raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw).split('\n');
		for (let i = 0; i < lines.length; i++) {
			if (i > 0) this.lineBreak();
			const line = this.mode === 'lines' ? collapseSpaces(lines[i]!, LINE_SPACE_CHAR) : lines[i]!.replace(/\t/g, '    ').replace(/[\f\v\r\u2028\u2029]/g, ' ');
			this.words(line);
		}
	}

	/**
	 * Adds the lines of a collapsed paragraph, as `text(lines.join('\n'))` would, without first
	 * copying them into one string: the final join is then the only copy of the book's text.
	 * `plain` promises that the lines hold no whitespace but single spaces and nothing `sanitize`
	 * replaces (`isPlain` tests a whole paragraph in one scan): then each line is only trimmed.
	 */
	lines(lines: readonly string[], plain = false): void {
		const fast = plain && this.mode === 'collapse';
		for (let i = 0; i < lines.length; i++) {
			if (i > 0 && this.spaces === 0) this.spaces = 1;
			if (fast) this.words(lines[i]!, true);
			else this.text(lines[i]!);
		}
	}

	/** A hard line break inside the block; a second one in a row starts a new block instead. */
	lineBreak(): void {
		if (this.blockStart < 0) return;
		if (this.kind === 'heading') {
			this.spaces = 1;
			return;
		}
		if (this.newlines > 0) {
			const {kind, mode} = this;
			this.close();
			this.kind = kind;
			this.mode = mode;
			return;
		}
		this.newlines = 1;
		this.spaces = 0;
	}

	/** Makes the next text start on a new line of the same block (a verse line), without ever doubling. */
	newLine(): void {
		if (this.blockStart < 0 || this.kind === 'heading') return;
		this.newlines = 1;
		this.spaces = 0;
	}

	/** Ends the current block and puts a scene break before the next one (never first or last). */
	sceneBreak(): void {
		this.close();
		if (this.blocks.length > 0) this.breakOwed = true;
	}

	/** Turns italic or bold on or off; nested runs of one style make one span. */
	style(style: Style, on: boolean): void {
		if (on) {
			this.depth[style]++;
			return;
		}
		if (this.depth[style] === 0) return;
		this.depth[style]--;
		if (this.depth[style] === 0 && this.styleStart[style] >= 0) {
			this.pushSpan(style, this.styleStart[style]);
			this.styleStart[style] = -1;
		}
	}

	/** From here until `leaveNote`, paragraphs and headings become author's notes. */
	enterNote(): void {
		this.close();
		this.notes++;
	}

	/** Ends a stretch started by `enterNote`. */
	leaveNote(): void {
		this.close();
		this.notes = Math.max(0, this.notes - 1);
	}

	/** Calls `onOffset` with the offset of the next character written (or the end of the text). */
	mark(onOffset: (offset: number) => void): void {
		this.marks.push(onOffset);
	}

	/** Records a chapter whose start is already known (a heading that was just closed). */
	addChapter(title: string, start: number): void {
		this.chapters.push({title: cleanLine(title), start});
	}

	/** The number of blocks so far. */
	get blockCount(): number {
		return this.blocks.length;
	}

	/** Ends the last block and returns the text, blocks, chapters (sorted) and spans (sorted). */
	build(): BuiltText {
		this.close();
		for (const onOffset of this.marks) onOffset(this.length);
		this.marks = [];
		const byStart = (a: {start: number}, b: {start: number}) => a.start - b.start;
		return {text: this.parts.join(''), blocks: this.blocks, chapters: this.chapters.sort(byStart), spans: this.spans.sort(byStart)};
	}

	private words(collapsed: string, safe = false): void {
		let text = collapsed;
		if (text.charCodeAt(0) === 0x20) {
			let lead = 1;
			while (text.charCodeAt(lead) === 0x20) lead++;
			this.spaces = this.mode === 'pre' ? this.spaces + lead : 1;
			text = text.slice(lead);
		}
		if (text.length === 0) return;
		let trail = 0;
		while (text.charCodeAt(text.length - 1 - trail) === 0x20) trail++;
		if (trail > 0) text = text.slice(0, -trail);
		if (text.length > 0) this.emit(text, safe);
		if (trail > 0) this.spaces = this.mode === 'pre' ? trail : 1;
	}

	private emit(text: string, safe: boolean): void {
		if (this.blockStart < 0) {
			if (!VISIBLE.test(text)) return;
			this.separatorPart = this.parts.length;
			this.separatorLength = this.length;
			if (this.length > 0) this.write('\n\n');
			if (this.breakOwed) {
				this.blocks.push({kind: 'break', start: this.length, end: this.length});
				this.breakOwed = false;
			}
			this.blockStart = this.length;
			this.blockPart = this.parts.length;
			if (this.mode !== 'pre') this.spaces = 0;
		} else if (this.newlines > 0) {
			this.write('\n');
			this.lineBreaks = true;
			// Verse loses its indentation with the newline; preformatted text keeps it.
			if (this.mode !== 'pre') this.spaces = 0;
		} else if (this.spaces > 0 && this.mode !== 'pre') {
			this.spaces = 1;
		}
		if (this.spaces > 0) this.write(' '.repeat(this.spaces));
		this.spaces = 0;
		this.newlines = 0;
		if (this.mode === 'pre') this.lineBreaks = true;
		if (this.marks.length > 0) {
			const marks = this.marks;
			this.marks = [];
			for (const onOffset of marks) onOffset(this.length);
		}
		if (this.depth.italic > 0 && this.styleStart.italic < 0) this.styleStart.italic = this.length;
		if (this.depth.bold > 0 && this.styleStart.bold < 0) this.styleStart.bold = this.length;
		this.write(safe ? text : safeText(text));
	}

	private write(text: string): void {
		this.parts.push(text);
		this.length += text.length;
	}

	// A paragraph that only says "* * *" becomes a scene break: take its text back out.
	private unwrite(start: number): void {
		const hadBreak = this.blocks.at(-1)?.kind === 'break' && this.blocks.at(-1)!.start === start;
		if (hadBreak) this.blocks.pop();
		this.parts.length = this.separatorPart;
		this.length = this.separatorLength;
		while (this.spans.length > 0 && this.spans.at(-1)!.start >= start) this.spans.pop();
		for (const style of ['italic', 'bold'] as const) this.styleStart[style] = -1;
		if (this.blocks.length > 0) this.breakOwed = true;
	}

	private pushSpan(style: Style, start: number): void {
		if (this.length > start) this.spans.push({start, end: this.length, style});
	}
}
