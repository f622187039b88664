import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {lineText, wrapBlock} from './wrap.js';
import {cellWidth} from './width.js';

const wrap = (text: string, width: number) => wrapBlock(text, 0, text.length, width).map((line) => lineText(text, line));

describe('wrapBlock', () => {
	it('fills lines greedily and collapses whitespace', () => {
		expect(wrap('the quick  brown\nfox jumps over', 10)).toEqual(['the quick', 'brown fox', 'jumps over']);
	});

	it('cuts a word longer than the column between characters', () => {
		expect(wrap('abcdefghij xy', 4)).toEqual(['abcd', 'efgh', 'ij', 'xy']);
	});

	it('breaks CJK text between characters and never lets a wide character overflow', () => {
		const lines = wrap('日本語の文章を折り返す', 7);
		expect(lines).toEqual(['日本語', 'の文章', 'を折り', '返す']);
		for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(7);
	});

	it('keeps emoji sequences whole and counts them as two cells', () => {
		const family = '👩‍👩‍👧';
		const lines = wrap(`${family}${family}${family}`, 5);
		expect(lines).toEqual([`${family}${family}`, family]);
	});

	it('never breaks at a no-break space', () => {
		expect(wrap('a b\u00A0c', 3)).toEqual(['a', 'b\u00A0c']);
	});

	it('gives an empty or blank block no lines', () => {
		expect(wrap('', 10)).toEqual([]);
		expect(wrap('  \n ', 10)).toEqual([]);
	});

	it('keeps every line within the width and every word in order, for any text', () => {
		const word = fc.stringMatching(/^[a-zA-Zé’日本😀]{1,14}$/);
		fc.assert(
			fc.property(fc.array(word, {maxLength: 40}), fc.integer({min: 1, max: 30}), (words, width) => {
				const text = words.join(' ');
				const lines = wrap(text, width);
				for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(Math.max(width, 2));
				expect(lines.join('').replaceAll(' ', '')).toBe(words.join(''));
			}),
			{numRuns: 300},
		);
	});
});
