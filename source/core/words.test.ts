import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {countWords} from './words.js';

describe('countWords', () => {
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

	it('counts as words the runs of the characters that make words, whatever the text', () => {
		// The rule, written plainly: ASCII letters and digits, apostrophes, and any character from À
		// on but × and ÷ and the punctuation blocks (U+2000-2BFF, U+3000-303F).
		const makesWords = (c: number) =>
			/[0-9A-Za-z'\u2019]/.test(String.fromCharCode(c)) || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7 && !(c >= 0x2000 && c <= 0x2bff) && !(c >= 0x3000 && c <= 0x303f));
		const edges = [0x27, 0x2f, 0x30, 0x39, 0x3a, 0x40, 0x41, 0x5a, 0x5b, 0x60, 0x61, 0x7a, 0x7b, 0xbf, 0xc0, 0xd7, 0xf7, 0xff, 0x100, 0x1fff, 0x2000, 0x2019, 0x2bff, 0x2c00, 0x2fff, 0x3000, 0x303f, 0x3040];
		for (const c of edges) expect(countWords(String.fromCharCode(c)), `U+${c.toString(16)}`).toBe(makesWords(c) ? 1 : 0);
		const codes = fc.array(fc.oneof(fc.constantFrom(...edges), fc.integer({min: 0, max: 0x17f}), fc.integer({min: 0x1f00, max: 0x3100}), fc.integer({min: 0, max: 0xffff})), {maxLength: 60});
		fc.assert(
			fc.property(codes, (list) => {
				const runs = list.filter((c, i) => makesWords(c) && (i === 0 || !makesWords(list[i - 1]!))).length;
				expect(countWords(String.fromCharCode(...list))).toBe(runs);
			}),
		);
	});
});
