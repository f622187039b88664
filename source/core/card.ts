/** The story card: what is known about a story, as lines to show (and to print as JSON). */
import type {WordIndex} from './pace.js';
import {type Story, storyLength, textPart} from './story.js';

/** A labelled value of the card; long values are wrapped by the view. */
export type CardField = {readonly label: string; readonly value: string};

/** Words in `text[start, end)` (the whole text by default): runs of letters or digits. */
export function countWords(text: string, start = 0, end = text.length): number {
	let words = 0;
	let inWord = 0;
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		const wordChar = c < 0x100 ? LATIN1_WORD_CHARS[c]! : isWordCharBeyondLatin1(c);
		words += wordChar & ~inWord;
		inWord = wordChar;
	}
	return words;
}

// 1 for the characters of Latin-1 that make words: ASCII letters and digits, the apostrophe, and
// the letters from À on (not × and ÷). A table, not comparisons: the whole-book index counts every
// character of a long book (20 MB: 65 ms instead of 150).
const LATIN1_WORD_CHARS = Uint8Array.from({length: 0x100}, (_, c) =>
	(c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x27 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) ? 1 : 0,
);

// Beyond Latin-1: the right single quote (an apostrophe), and letters, but not the punctuation
// blocks (dashes, quotes, CJK marks).
function isWordCharBeyondLatin1(c: number): number {
	return c === 0x2019 || !((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f)) ? 1 : 0;
}

// Words in the story. A text kept in parts is counted a block at a time, never read whole, or
// taken from the word index when it is built (the same count: a block at a time).
function storyWords(story: Story, index: WordIndex | undefined): number {
	if (!story.parts) return countWords(story.text);
	const counted = index?.wordsBefore(storyLength(story));
	if (counted !== undefined) return Math.round(counted);
	let words = 0;
	for (const block of story.blocks) {
		const {text, base} = textPart(story, block.start, block.end);
		words += countWords(text, block.start - base, block.end - base);
	}
	return words;
}

const fieldsByStory = new WeakMap<Story, CardField[]>();

/**
 * The card's fields, in the order a reader looks for them; unknown fields are left out. Counted
 * once per story; `words`, the story's word index, spares counting a long book again.
 */
export function cardFields(story: Story, words?: WordIndex): CardField[] {
	let fields = fieldsByStory.get(story);
	if (!fields) {
		fields = buildFields(story, words);
		fieldsByStory.set(story, fields);
	}
	return fields;
}

function buildFields(story: Story, words: WordIndex | undefined): CardField[] {
	const {meta} = story;
	const list = (values: readonly string[] | undefined) => (values && values.length > 0 ? values.join(', ') : undefined);
	const fields: Array<[string, string | undefined]> = [
		['Title', story.title],
		['Author', meta.author ?? 'unknown'],
		['Fandom', meta.fandom],
		['Rating', meta.rating],
		['Warnings', list(meta.warnings)],
		['Relationships', list(meta.relationships)],
		['Characters', list(meta.characters)],
		['Tags', list(meta.tags)],
		['Setting', meta.setting],
		['Words', storyWords(story, words).toLocaleString('en-US')],
		['Chapters', story.chapters.length > 0 ? String(story.chapters.length) : undefined],
		['Language', meta.language],
		['Summary', meta.summary],
		['Source', meta.source],
		['About the file', list(meta.warningsAboutFile)],
	];
	const result = fields.flatMap(([label, value]) => (value ? [{label, value}] : []));
	for (const note of meta.notes ?? []) result.push({label: 'Notes', value: note});
	return result;
}
