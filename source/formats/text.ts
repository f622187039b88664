/**
 * Plain text to the story model. Handles the two shapes text files come in: one paragraph per
 * line (fan-fiction archives), and lines hard-wrapped at about 70 columns with blank lines
 * between paragraphs (Project Gutenberg). Runs of blank lines and lines of asterisks are scene
 * breaks, `_word_` is italic, a Gutenberg header and licence go to the story card, and a table of
 * contents made of chapter headings stays one block instead of hundreds of empty chapters.
 * Plain text never goes through a Markdown parser.
 */
import type {Story, StoryMeta} from '../core/story.js';
import {StoryBuilder, isPlain} from './builder.js';
import {findGutenbergLines, gutenbergMeta} from './gutenberg.js';
import {isBreakMarker, isChapterHeading} from './headings.js';
import {LineIndex} from './lines.js';

export {isBreakMarker, isChapterHeading} from './headings.js';

/** What a caller knows about the text besides its content. */
export type TextSource = {
	readonly key: string;
	readonly title: string;
	readonly meta?: StoryMeta;
	/** When true, a title found in the text (a Gutenberg header) replaces `title`. */
	readonly titleIsFallback?: boolean;
};

// Paragraphs and headings are ranges of lines [first, last]; a folded table of contents has its own lines.
type Item =
	| {kind: 'paragraph'; first: number; last: number}
	| {kind: 'listing'; lines: string[]}
	| {kind: 'heading'; title: string; first: number; last: number}
	| {kind: 'break'};

/** Parses plain text (already decoded) into a story. */
export function parseText(raw: string, source: TextSource): Story {
	const unbommed = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
	// CRLF stays where it is (LineIndex reads it as one line ending): rewriting 3 MB costs more than
	// the rest of the parse. Only files with lone CRs (old Macs) are rewritten.
	const lines = new LineIndex(/\r(?!\n)/.test(unbommed) ? unbommed.replace(/\r\n?/g, '\n') : unbommed);
	let found: {title?: string; meta: StoryMeta} = {meta: {}};
	let from = 0;
	let to = lines.count;
	const gutenberg = findGutenbergLines(lines);
	if (gutenberg) {
		found = gutenbergMeta(lines.slice(0, gutenberg.bodyStart - 1), gutenberg.bodyEnd < lines.count ? lines.slice(gutenberg.bodyEnd, lines.count - 1) : '');
		from = gutenberg.bodyStart;
		to = gutenberg.bodyEnd;
	}
	const shape = survey(lines, from, to);
	const items = foldContents(readItems(lines, from, to, shape));
	const verseWidth = Math.min(52, Math.floor(shape.wrapWidth * 0.75));
	const builder = new StoryBuilder();
	for (const item of items) {
		if (item.kind === 'break') {
			builder.sceneBreak();
		} else if (item.kind === 'heading') {
			builder.open('heading');
			styledText(builder, lines.slice(item.first, item.last));
			const closed = builder.close();
			if (closed) builder.addChapter(item.title, closed.block.start);
		} else if (item.kind === 'listing') {
			builder.open('paragraph', 'lines');
			builder.text(item.lines.join('\n'));
			builder.close();
		} else {
			const verse = item.last > item.first && isVerse(lines, item.first, item.last, verseWidth);
			builder.open('paragraph', verse ? 'lines' : 'collapse');
			const text = lines.slice(item.first, item.last);
			if (verse || text.includes('_')) {
				styledText(builder, text);
			} else if (isPlain(text)) {
				builder.lines(text.includes('\r') ? text.split(/\r?\n/) : text.split('\n'), true);
			} else {
				const pieces: string[] = [];
				for (let i = item.first; i <= item.last; i++) pieces.push(lines.line(i));
				builder.lines(pieces);
			}
			builder.close();
		}
	}
	const built = builder.build();
	const title = source.titleIsFallback ? (found.title ?? source.title) : source.title;
	const meta = {...found.meta, ...source.meta};
	return {key: source.key, title, text: built.text, blocks: built.blocks, chapters: built.chapters, meta, ...(built.spans.length > 0 ? {spans: built.spans} : {})};
}

// Groups lines into paragraphs, headings and breaks.
function readItems(lines: LineIndex, from: number, to: number, {hardWrapped, contentStarts}: Shape): Item[] {
	const breakAfter = hardWrapped ? 3 : 2;
	const items: Item[] = [];
	let paragraph: Extract<Item, {kind: 'paragraph'}> | undefined;
	let blankRun = 0;
	const last = () => items.at(-1);
	for (let i = from; i < to; i++) {
		const contentStart = contentStarts[i - from]!;
		const contentLength = lines.end(i) - contentStart;
		if (contentLength === 0) {
			blankRun++;
			paragraph = undefined;
			continue;
		}
		const atParagraphStart = paragraph === undefined;
		if (items.length > 0 && blankRun >= breakAfter && last()?.kind === 'paragraph') items.push({kind: 'break'});
		blankRun = 0;
		// Most lines are prose: look at the first character and the length before making a copy.
		if (MARKER_START.has(lines.text.charCodeAt(contentStart)) && isBreakMarker(lines.line(i).trim())) {
			paragraph = undefined;
			if (items.length > 0 && last()?.kind !== 'break') items.push({kind: 'break'});
			continue;
		}
		const content = atParagraphStart && contentLength <= 72 ? lines.text.slice(contentStart, lines.end(i)).trimEnd() : '';
		if (content && isChapterHeading(content)) {
			if (last()?.kind === 'break') items.pop();
			const next = i + 1 < to ? lines.line(i + 1).trim() : '';
			// A hard-wrapped heading often has its title on the next line: "CHAPTER I." / "Down the Rabbit-Hole".
			if (hardWrapped && next !== '' && lines.isBlank(i + 2) && next.length <= 60 && !isChapterHeading(next)) {
				items.push({kind: 'heading', title: `${content}${/[.:—-]$/.test(content) ? ' ' : ': '}${next}`, first: i, last: i + 1});
				i++;
			} else {
				items.push({kind: 'heading', title: content, first: i, last: i});
			}
			paragraph = undefined;
			continue;
		}
		if (hardWrapped && paragraph) {
			paragraph.last = i;
		} else {
			paragraph = {kind: 'paragraph', first: i, last: i};
			items.push(paragraph);
		}
	}
	while (last()?.kind === 'break') items.pop();
	return items;
}

const MARKER_START = new Set([...'*~#=_-•·⁂'].map((c) => c.charCodeAt(0)));

// A run of three or more headings with nothing between them, whose first title comes back later,
// is a table of contents: it stays in the text as one block, and its headings are not chapters.
// Linear in the number of items: a file of nothing but headings must not take quadratic time.
function foldContents(items: Item[]): Item[] {
	const lastHeading = new Map<string, number>();
	items.forEach((item, index) => item.kind === 'heading' && lastHeading.set(item.title.toUpperCase(), index));
	const out: Item[] = [];
	for (let i = 0; i < items.length; ) {
		let end = i;
		while (end < items.length && items[end]!.kind !== 'paragraph' && items[end]!.kind !== 'listing') end++;
		if (end === i) {
			out.push(items[i++]!);
			continue;
		}
		let firstIndex = i;
		while (firstIndex < end && items[firstIndex]!.kind !== 'heading') firstIndex++;
		const first = items[firstIndex];
		const title = first?.kind === 'heading' && firstIndex < end ? first.title.toUpperCase() : undefined;
		let contentsEnd = i;
		if (title !== undefined) {
			// The contents may run straight into the first real heading, with no paragraph between.
			let again = -1;
			for (let j = firstIndex + 1; j < end && again < 0; j++) {
				const item = items[j]!;
				if (item.kind === 'heading' && item.title.toUpperCase() === title) again = j;
			}
			if (again >= 0) contentsEnd = again;
			else if ((lastHeading.get(title) ?? -1) >= end) contentsEnd = end;
		}
		const contents: string[] = [];
		for (let j = i; j < contentsEnd; j++) {
			const item = items[j]!;
			if (item.kind === 'heading') contents.push(item.title);
		}
		if (contents.length >= 3) {
			out.push({kind: 'listing', lines: contents});
			for (let j = contentsEnd; j < end; j++) out.push(items[j]!);
		} else {
			for (let j = i; j < end; j++) out.push(items[j]!);
		}
		i = end;
	}
	return out;
}

// Verse and addresses: every line well short of the wrap width that prose lines reach.
function isVerse(lines: LineIndex, first: number, last: number, width: number): boolean {
	for (let i = first; i <= last; i++) if (lines.length(i) > width && lines.line(i).trimEnd().length > width) return false;
	return true;
}

const ITALIC = /(?<![\p{L}\p{N}_])_(?=[^\s_])([^_]*?[^\s_])_(?![\p{L}\p{N}_])/gu;

// Gutenberg marks italics `_like this_`: the reader sees italics, not underscores.
function styledText(builder: StoryBuilder, text: string): void {
	if (!text.includes('_')) {
		builder.text(text);
		return;
	}
	let last = 0;
	for (const match of text.matchAll(ITALIC)) {
		builder.text(text.slice(last, match.index));
		builder.style('italic', true);
		builder.text(match[1]!);
		builder.style('italic', false);
		last = match.index + match[0].length;
	}
	builder.text(text.slice(last));
}

type Shape = {readonly hardWrapped: boolean; readonly wrapWidth: number; readonly contentStarts: Int32Array};

// One pass over the lines for what the rest needs: where each line's text starts, whether the
// text is hard-wrapped (short lines that mostly sit in groups of several), and the width prose is
// wrapped at (the length 90% of the non-blank lines stay within).
function survey(lines: LineIndex, from: number, to: number): Shape {
	const contentStarts = new Int32Array(Math.max(0, to - from));
	const lengths = new Int32Array(202);
	let nonBlank = 0;
	let short = 0;
	let continued = 0;
	let previousBlank = true;
	for (let i = from; i < to; i++) {
		const start = lines.contentStart(i);
		const end = lines.end(i);
		contentStarts[i - from] = start;
		const blank = start === end;
		if (!blank) {
			const length = end - lines.start(i);
			nonBlank++;
			lengths[Math.min(201, length)]!++;
			if (length <= 80) short++;
			if (!previousBlank) continued++;
		}
		previousBlank = blank;
	}
	let wrapWidth = 80;
	for (let length = 0, seen = 0; length < lengths.length; length++) {
		seen += lengths[length]!;
		if (seen >= nonBlank * 0.9) {
			wrapWidth = length;
			break;
		}
	}
	const hardWrapped = nonBlank > 0 && short / nonBlank > 0.9 && continued / nonBlank > 0.4;
	return {hardWrapped, wrapWidth, contentStarts};
}
