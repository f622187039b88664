import {describe, expect, it} from 'vitest';
import {parseText} from '../formats/text.js';
import {cardFields} from './card.js';

describe('story card', () => {
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
