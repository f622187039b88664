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
	readonly text: string;
	readonly blocks: readonly Block[];
	readonly chapters: readonly Chapter[];
	readonly meta: StoryMeta;
	/** Italic and bold runs, sorted by start, not overlapping within one style. */
	readonly spans?: readonly Span[];
};

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
