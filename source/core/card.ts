/** The story card: what is known about a story, as lines to show (and to print as JSON). */
import {WordIndex} from './pace.js';
import {type Story, storyLength} from './story.js';
import {countWords} from './words.js';

/** A labelled value of the card; long values are wrapped by the view. */
export type CardField = {readonly label: string; readonly value: string};

// Words in the story. A text kept in parts is never read whole: its words are the word index's
// (the story's own, once built, or one counted here, a block at a time).
function storyWords(story: Story, index: WordIndex | undefined): number {
	if (!story.parts) return countWords(story.text);
	let counted = index?.wordsBefore(storyLength(story));
	if (counted === undefined) {
		const own = new WordIndex(story);
		own.build(Number.POSITIVE_INFINITY);
		counted = own.wordsBefore(storyLength(story))!;
	}
	return Math.round(counted);
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
