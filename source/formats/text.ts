/**
 * Plain text to the story model. Handles the two shapes text files come in: one paragraph per
 * line (fan-fiction archives), and lines hard-wrapped at about 70 columns with blank lines
 * between paragraphs (Project Gutenberg). Runs of blank lines and lines of asterisks are scene
 * breaks. Plain text never goes through a Markdown parser.
 */
import {sanitizeLines} from '../core/sanitize.js';
import type {Block, Chapter, Story, StoryMeta} from '../core/story.js';

/** What a caller knows about the text besides its content. */
export type TextSource = {
	readonly key: string;
	readonly title: string;
	readonly meta?: StoryMeta;
};

/** Normalises line endings, drops a BOM and neutralises control characters. */
export function normalizeText(raw: string): string {
	return sanitizeLines(raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw);
}

type SourceLine = {start: number; end: number; blank: boolean};

/** Parses plain text (already decoded) into a story. */
export function parseText(raw: string, source: TextSource): Story {
	const text = normalizeText(raw);
	const lines = splitLines(text);
	const hardWrapped = looksHardWrapped(lines);
	const blocks: Block[] = [];
	const chapters: Chapter[] = [];
	let blankRun = 0;
	let paragraph: SourceLine | undefined;

	const closeParagraph = () => {
		if (!paragraph) return;
		blocks.push({kind: 'paragraph', start: paragraph.start, end: paragraph.end});
		paragraph = undefined;
	};

	for (const line of lines) {
		if (line.blank) {
			blankRun++;
			closeParagraph();
			continue;
		}
		const content = text.slice(line.start, line.end).trim();
		const breakAfter = hardWrapped ? 3 : 2;
		if (blocks.length > 0 && blankRun >= breakAfter && blocks.at(-1)?.kind !== 'break') {
			closeParagraph();
			blocks.push({kind: 'break', start: line.start, end: line.start});
		}
		blankRun = 0;
		if (isBreakMarker(content)) {
			closeParagraph();
			if (blocks.length > 0 && blocks.at(-1)?.kind !== 'break') blocks.push({kind: 'break', start: line.start, end: line.start});
			continue;
		}
		if (isChapterHeading(content)) {
			closeParagraph();
			const start = line.start + (text.slice(line.start, line.end).length - text.slice(line.start, line.end).trimStart().length);
			blocks.push({kind: 'heading', start, end: line.end});
			chapters.push({title: content, start});
			continue;
		}
		if (hardWrapped && paragraph) {
			paragraph.end = line.end;
		} else {
			closeParagraph();
			paragraph = {...line};
		}
	}
	closeParagraph();
	while (blocks.at(-1)?.kind === 'break') blocks.pop();
	return {key: source.key, title: source.title, text, blocks, chapters, meta: source.meta ?? {}};
}

function splitLines(text: string): SourceLine[] {
	const lines: SourceLine[] = [];
	let start = 0;
	while (start <= text.length) {
		let end = text.indexOf('\n', start);
		if (end < 0) end = text.length;
		lines.push({start, end, blank: isBlank(text, start, end)});
		start = end + 1;
	}
	return lines;
}

function isBlank(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		if (c !== 0x20 && c !== 0x09 && c !== 0xa0 && c !== 0x3000) return false;
	}
	return true;
}

// Hard-wrapped text has short lines that mostly sit in groups of several.
function looksHardWrapped(lines: readonly SourceLine[]): boolean {
	let nonBlank = 0;
	let short = 0;
	let continued = 0;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!;
		if (line.blank) continue;
		nonBlank++;
		if (line.end - line.start <= 80) short++;
		if (i > 0 && !lines[i - 1]!.blank) continued++;
	}
	if (nonBlank === 0) return false;
	return short / nonBlank > 0.9 && continued / nonBlank > 0.4;
}

const BREAK_MARKER = /^(?:[*~#=_\-•·⁂]\s*){3,}$|^[⁂#]$/u;

/** True for a line that only marks a scene break: `* * *`, `***`, `~~~`, `#`, `⁂`. */
export function isBreakMarker(line: string): boolean {
	return BREAK_MARKER.test(line);
}

const ROMAN = String.raw`(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})`;
const NUMBER = String.raw`(?:\d+|${ROMAN}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|the\s+\w+)`;
const TITLE_AFTER = String.raw`(?:[.:]|\s*[-—:.]\s+\S.*)?`;
const CHAPTER_HEADING = new RegExp(String.raw`^(?:(?:chapter|book|part|volume)\s+${NUMBER}\b${TITLE_AFTER}|(?:prologue|epilogue)${TITLE_AFTER})$`, 'i');
const ROMAN_ALONE = new RegExp(String.raw`^${ROMAN}\.?$`);

/** True for a short line that names a chapter: "CHAPTER IV.", "Book One: ...", "Epilogue", "XII". */
export function isChapterHeading(line: string): boolean {
	return line.length <= 72 && (CHAPTER_HEADING.test(line) || ROMAN_ALONE.test(line));
}
