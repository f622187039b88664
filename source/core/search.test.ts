import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {firstAtOrAfter, hitsWithin, queryPattern, search, searchStory, step} from './search.js';
import {inParts, storyArbitrary} from './story-arbitraries.js';

describe('search', () => {
	const text = 'The cat sat.\nThe CAT ran across\nthe mat, and the\n  cat slept.';

	it('finds every match case-insensitively, in story order', () => {
		const result = search(text, 'cat');
		expect([...result.starts]).toEqual([4, 17, 51]);
		expect([...result.ends]).toEqual([7, 20, 54]);
	});

	it('matches across line breaks and runs of spaces', () => {
		const result = search(text, 'the cat');
		expect(Array.from(result.starts, (s, i) => text.slice(s, result.ends[i]))).toEqual(['The cat', 'The CAT', 'the\n  cat']);
	});

	it('treats regular-expression characters as text', () => {
		expect(search('a.b axb (c)', 'a.b').starts.length).toBe(1);
		expect(search('a.b axb (c)', '(c)').starts.length).toBe(1);
		expect(queryPattern('   ')).toBeUndefined();
		expect(search(text, '  ').starts.length).toBe(0);
	});

	it('finds matches with accents and non-Latin letters, ignoring case', () => {
		expect(search('Élan and élan, ДОМ и дом', 'élan').starts.length).toBe(2);
		expect(search('Élan and élan, ДОМ и дом', 'дом').starts.length).toBe(2);
	});

	it('lists the matches that touch a page, for highlighting', () => {
		const result = search(text, 'cat');
		expect(hitsWithin(result, 5, 18)).toEqual([
			{start: 4, end: 7},
			{start: 17, end: 20},
		]);
		expect(hitsWithin(undefined, 0, 10)).toEqual([]);
	});

	it('steps through matches and wraps around with a flag', () => {
		const result = search(text, 'cat');
		expect(firstAtOrAfter(result, 5)).toBe(1);
		expect(step(result, undefined, 5, 1)).toEqual({index: 1, wrapped: false});
		expect(step(result, undefined, 60, 1)).toEqual({index: 0, wrapped: true});
		expect(step(result, undefined, 2, -1)).toEqual({index: 2, wrapped: true});
		expect(step(result, 2, 0, 1)).toEqual({index: 0, wrapped: true});
		expect(step(result, 0, 0, -1)).toEqual({index: 2, wrapped: true});
		expect(step(search(text, 'dog'), undefined, 0, 1)).toBeUndefined();
	});
});

describe('search across punctuation', () => {
	it('finds "Mr. Darcy" for "mr darcy", and words joined by a hyphen or a dash', () => {
		expect(search('said Mr. Darcy, and Mr Darcy', 'mr darcy').starts.length).toBe(2);
		expect(search('a well-known fact', 'well known').starts.length).toBe(1);
	});
});

describe('search of a text kept in parts', () => {
	it('finds what the whole text gives, across parts and paragraphs, without reading it whole', () => {
		fc.assert(
			fc.property(storyArbitrary, fc.integer({min: 1, max: 30}), fc.nat(), fc.integer({min: 1, max: 3}), (story, chars, seed, count) => {
				// A query of one to three words of the story, from any place: often across a paragraph's end.
				const words = story.text.split(/[\s\p{P}]+/u).filter(Boolean);
				const from = words.length === 0 ? 0 : seed % words.length;
				const query = words.slice(from, from + count).join(' ') || 'the';
				const whole = search(story.text, query);
				const parted = searchStory(inParts(story, chars), query);
				expect([...parted.starts]).toEqual([...whole.starts]);
				expect([...parted.ends]).toEqual([...whole.ends]);
			}),
			{numRuns: 300},
		);
	});

	it('never finds again, in the next part, a match that runs on from the last one', () => {
		const text = 'la\n\nla la';
		const story = {key: 'k', title: 't', text, blocks: [{kind: 'paragraph' as const, start: 0, end: 2}, {kind: 'paragraph' as const, start: 4, end: 9}], chapters: [], meta: {}};
		expect([...search(text, 'la la').starts]).toEqual([0]);
		expect([...searchStory(inParts(story, 1), 'la la').starts]).toEqual([0]);
		expect([...searchStory(inParts(story, 1), 'la').starts]).toEqual([0, 4, 7]);
	});
});
