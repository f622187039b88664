import {describe, expect, it} from 'vitest';
import {parseText} from '../formats/text.js';
import {cardFields, countWords} from './card.js';

describe('story card', () => {
	it('counts words, including contractions with either apostrophe', () => {
		expect(countWords("She'd gone — it wasn’t 3 o'clock yet.")).toBe(7);
		expect(countWords('')).toBe(0);
	});

	it('counts the words of a part of a text, cutting none at its ends', () => {
		const text = 'one two three four';
		expect(countWords(text, 4, 13)).toBe(2);
		expect(countWords(text, 5, 9)).toBe(2);
		expect(countWords(text, 3, 3)).toBe(0);
	});

	it('lists what is known in a reader’s order, says the author is unknown, and leaves out the rest', () => {
		const story = parseText('CHAPTER I.\n\nOne two three.', {
			key: 'k',
			title: 'Untitled',
			meta: {fandom: 'Buffy the Vampire Slayer / Angel', characters: ['Angel', 'Spike'], setting: 'Post "Dead Things".'},
		});
		expect(cardFields(story)).toEqual([
			{label: 'Title', value: 'Untitled'},
			{label: 'Author', value: 'unknown'},
			{label: 'Fandom', value: 'Buffy the Vampire Slayer / Angel'},
			{label: 'Characters', value: 'Angel, Spike'},
			{label: 'Setting', value: 'Post "Dead Things".'},
			{label: 'Words', value: '5'},
			{label: 'Chapters', value: '1'},
		]);
	});
});
