/**
 * The document model every format produces: one reading text, blocks that point into it by
 * character offset, chapters and what is known about the story.
 */

/**
 * A block of the reading text: a paragraph, a heading, a scene break between paragraphs, or an
 * author's note (shown folded until the reader opens it).
 */
export type Block = {
	readonly kind: 'paragraph' | 'heading' | 'break' | 'note';
	/** Offset of the block's first character in `Story.text`. */
	readonly start: number;
	/** Offset just past the block's last character. A break is empty: `start === end`. */
	readonly end: number;
	/** True when newlines inside the block are line breaks to keep (verse), not spaces. */
	readonly lineBreaks?: boolean;
};

/** Inline emphasis over `text[start, end)`. */
export type Span = {
	readonly start: number;
	readonly end: number;
	readonly style: 'italic' | 'bold';
};

/** A chapter: a title and the offset where it starts. */
export type Chapter = {
	readonly title: string;
	readonly start: number;
};

/** What is known about a story; every field is optional because formats carry different things. */
export type StoryMeta = {
	readonly author?: string;
	readonly fandom?: string;
	readonly rating?: string;
	readonly warnings?: readonly string[];
	readonly relationships?: readonly string[];
	readonly characters?: readonly string[];
	readonly tags?: readonly string[];
	readonly setting?: string;
	readonly summary?: string;
	/** Where the story came from: a file path, an archive URL, a Gutenberg ebook number. */
	readonly source?: string;
	readonly language?: string;
	/** Text kept out of the reading text but still reachable from the story card (a licence). */
	readonly notes?: readonly string[];
	/** Things the reader should know about how the file was read ("decoded as windows-1252"). */
	readonly warningsAboutFile?: readonly string[];
};

/** A story ready to lay out: sanitised text, its blocks in reading order, chapters and metadata. */
export type Story = {
	/** How the story is found again: a bundled story's id, or a hash of a file's content. */
	readonly key: string;
	/** The title to show; "Untitled" when the story has none. */
	readonly title: string;
	/**
	 * The whole text. A story read a part at a time (`parts`) reads it whole on first use, which for
	 * a long book is a pause and memory: what needs only some of it asks `textPart` instead.
	 */
	readonly text: string;
	/** Set for a story whose text is read a part at a time (a long book from the story cache). */
	readonly parts?: TextParts;
	readonly blocks: readonly Block[];
	readonly chapters: readonly Chapter[];
	readonly meta: StoryMeta;
	/** Italic and bold runs, sorted by start, not overlapping within one style. */
	readonly spans?: readonly Span[];
};

/**
 * A text read a part at a time. Blocks are never split between parts, so the part holding a
 * block's start holds the whole block.
 */
export type TextParts = {
	readonly length: number;
	/** A part of the text holding `[start, end)`. */
	around(start: number, end: number): TextPart;
};

/** A stretch of a story's text: `text` starts at offset `base` of the story. */
export type TextPart = {readonly text: string; readonly base: number};

/**
 * The stretch of text a part holding `[start, end)` spans: at least `chars` characters from the
 * start of the block that holds `start`, out to the end of the block it ends in, so a part never
 * cuts a block (nor a character from its pair).
 */
export function partBounds(blocks: readonly Block[], length: number, start: number, end: number, chars: number): {from: number; to: number} {
	const first = blocks[blockIndexAt(blocks, start)];
	const from = first && first.start <= start && start < first.end ? first.start : Math.max(0, Math.min(start, length));
	let to = Math.min(length, Math.max(end, from + chars));
	const last = blocks[blockIndexAt(blocks, to - 1)];
	if (last && last.start < to && to < last.end) to = last.end;
	return {from, to};
}

/** Characters in the story's text (without reading a text kept in parts). */
export function storyLength(story: Story): number {
	return story.parts ? story.parts.length : story.text.length;
}

/**
 * The text holding `[start, end)`, and where it starts: the whole text, or the part of a text kept
 * in parts. Offsets into `text` are story offsets less `base`.
 */
export function textPart(story: Story, start: number, end: number): TextPart {
	return story.parts ? story.parts.around(start, end) : {text: story.text, base: 0};
}

/** The story's text from `start` to `end` (clipped to the text). */
export function textSlice(story: Story, start: number, end: number): string {
	const length = storyLength(story);
	const from = Math.max(0, Math.min(start, length));
	const to = Math.max(from, Math.min(end, length));
	const {text, base} = textPart(story, from, to);
	return text.slice(from - base, to - base);
}

/** The title shown for a story whose title is not known. */
export const UNTITLED = 'Untitled';

/** Index of the block that holds `offset` (the last block starting at or before it). */
export function blockIndexAt(blocks: readonly Block[], offset: number): number {
	let lo = 0;
	let hi = blocks.length - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (blocks[mid]!.start <= offset) lo = mid;
		else hi = mid - 1;
	}
	return Math.max(0, lo);
}

/** The chapter that holds `offset`, or undefined before the first chapter or when there is none. */
export function chapterAt(chapters: readonly Chapter[], offset: number): Chapter | undefined {
	let found: Chapter | undefined;
	for (const chapter of chapters) {
		if (chapter.start > offset) break;
		found = chapter;
	}
	return found;
}
