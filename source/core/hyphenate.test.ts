import fc from 'fast-check';
import hyphen from 'hyphen/en/index.js';
import {describe, expect, it} from 'vitest';
import {MIN_HYPHENATED_LETTERS, hyphenatesLanguage, wordBreaks} from './hyphenate.js';

// Where the `hyphen` package itself puts soft hyphens in `word`, as indexes into the word.
function patternPoints(word: string): number[] {
	const points: number[] = [];
	let at = 0;
	for (const char of hyphen.hyphenateSync(word)) {
		if (char === '\u00AD') points.push(at);
		else at += char.length;
	}
	return points;
}

const split = (word: string) => {
	const parts: string[] = [];
	let from = 0;
	for (const point of wordBreaks(word)) {
		parts.push(word.slice(from, point.at));
		from = point.at;
	}
	return [...parts, word.slice(from)];
};

describe('wordBreaks', () => {
	it('splits an English word where the patterns do, with an added hyphen', () => {
		expect(split('extraordinary')).toEqual(['ex', 'tra', 'or', 'di', 'nary']);
		expect(wordBreaks('beautiful').every((point) => point.hyphen)).toBe(true);
	});

	it('gives only points the patterns give, leaving two letters before and three after', () => {
		const words = fc.stringMatching(/^[“"(]?[A-Za-zé]{1,18}(’s)?[.,;:!?”")]{0,2}$/);
		fc.assert(
			fc.property(words, (word) => {
				const letters = (from: number, to: number) => word.slice(from, to).replaceAll(/\P{L}/gu, '').length;
				for (const point of wordBreaks(word)) {
					expect(patternPoints(word)).toContain(point.at);
					expect(letters(0, point.at)).toBeGreaterThanOrEqual(2);
					expect(letters(point.at, word.length)).toBeGreaterThanOrEqual(3);
				}
			}),
			{numRuns: 500},
		);
	});

	it('maps points through quotes and punctuation around the word', () => {
		expect(split('“Extraordinary,”')).toEqual(['“Ex', 'tra', 'or', 'di', 'nary,”']);
	});

	it(`never splits a word of fewer than ${MIN_HYPHENATED_LETTERS} letters`, () => {
		fc.assert(
			fc.property(fc.stringMatching(/^[a-z]{1,4}[.,]?$/), (word) => {
				expect(wordBreaks(word)).toEqual([]);
			}),
			{numRuns: 300},
		);
		// Five letters split only two before and three after.
		expect(split('table')).toEqual(['ta', 'ble']);
	});

	it('leaves numbers, addresses, paths and abbreviations whole', () => {
		for (const word of ['1812', 'page42abc', 'https://example.com/extraordinary', 'www.extraordinary.com', 'someone@example.com', 'extra/ordinary', 'e.g.', 'Extraordinary.Again']) {
			expect(wordBreaks(word), word).toEqual([]);
		}
	});

	it('splits a compound or a dashed phrase only after its own hyphen or dash, adding nothing', () => {
		expect(wordBreaks('fifteen-year-old')).toEqual([
			{at: 8, hyphen: false},
			{at: 13, hyphen: false},
		]);
		expect(wordBreaks('life—with')).toEqual([{at: 5, hyphen: false}]);
		// A leading or trailing dash, or a run of them, is no place to split.
		expect(wordBreaks('—extraordinary')).toEqual([]);
		expect(wordBreaks('extraordinary—')).toEqual([]);
		expect(wordBreaks('so--extraordinary')).toEqual([{at: 4, hyphen: false}]);
	});

	it('hyphenates English and stories whose language is not known, and nothing else', () => {
		expect([undefined, '', 'en', 'en-GB', 'EN_us'].map(hyphenatesLanguage)).toEqual([true, true, true, true, true]);
		expect(['de', 'fr-CA', 'eng', 'ru'].map(hyphenatesLanguage)).toEqual([false, false, false, false]);
	});
});
