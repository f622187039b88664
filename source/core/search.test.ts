import {describe, expect, it} from 'vitest';
import {firstAtOrAfter, hitsWithin, queryPattern, search, step} from './search.js';

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
