import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {wordBreaks} from './hyphenate.js';
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

	it('keeps emoji sequences whole and counts them as wide as their parts, as most terminals draw them', () => {
		const family = '👩‍👩‍👧';
		expect(cellWidth(family)).toBe(6);
		const lines = wrap(`${family}${family}${family}`, 13);
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
			fc.property(fc.array(word, {maxLength: 40}), fc.integer({min: 8, max: 30}), (words, width) => {
				const text = words.join(' ');
				const lines = wrap(text, width);
				for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(Math.max(width, 2));
				expect(lines.join('').replaceAll(' ', '')).toBe(words.join(''));
			}),
			{numRuns: 300},
		);
	});

	it('narrows the first line by its indent and the others by theirs', () => {
		const text = 'one two three four five six';
		const lines = wrapBlock(text, 0, text.length, 12, {firstIndent: 4, indent: 2});
		expect(lines.map((line) => lineText(text, line))).toEqual(['one two', 'three four', 'five six']);
	});

	it('reports each line’s width in cells and its word spaces', () => {
		const text = 'the  quick 日本 fox';
		expect(wrapBlock(text, 0, text.length, 40)).toEqual([{start: 0, end: text.length, width: 18, gaps: 3}]);
	});

	it('splits a word at a break point and counts the added hyphen in the width', () => {
		const text = 'She was extraordinary';
		const lines = wrapBlock(text, 0, text.length, 14, {breaks: wordBreaks});
		expect(lines).toEqual([
			{start: 0, end: 13, width: 14, gaps: 2, hyphen: true},
			{start: 13, end: text.length, width: 8, gaps: 0},
		]);
	});

	it('splits a word longer than the column at its break points before cutting it anywhere', () => {
		const text = 'incomprehensibilities';
		const lines = wrapBlock(text, 0, text.length, 8, {breaks: wordBreaks}).map((line) => lineText(text, line) + (line.hyphen ? '-' : ''));
		// A word too long for any line may hyphenate more than twice in a row: the alternative is a cut anywhere.
		expect(lines).toEqual(['incom-', 'prehen-', 'sibili-', 'ties']);
	});

	it('keeps every line within the width, hyphen included, and every letter once, when splitting words', () => {
		const word = fc.constantFrom('extraordinary', 'conversation', 'understanding', 'well-known', 'the', 'a', 'representative', 'Mikháylovna’s', '1812');
		fc.assert(
			fc.property(fc.array(word, {maxLength: 40}), fc.integer({min: 8, max: 30}), fc.integer({min: 0, max: 6}), (words, width, indent) => {
				const text = words.join(' ');
				const lines = wrapBlock(text, 0, text.length, width, {breaks: wordBreaks, firstIndent: indent, indent});
				for (const line of lines) {
					expect(line.width).toBe(cellWidth(lineText(text, line)) + (line.hyphen ? 1 : 0));
					expect(line.width).toBeLessThanOrEqual(Math.max(1, width - indent));
				}
				const joined = lines.map((line, i) => (i > 0 && lines[i - 1]!.end !== line.start ? ' ' : '') + lineText(text, line)).join('');
				expect(joined).toBe(text);
			}),
			{numRuns: 300},
		);
	});
});
