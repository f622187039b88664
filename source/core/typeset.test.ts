import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {loadHyphenation} from './hyphenate.js';
import {ALL_TYPOGRAPHIES, storyArbitrary, typographyName} from './story-arbitraries.js';
import type {Block} from './story.js';
import {DEFAULT_TYPOGRAPHY, countBlockRows, gapWidths, leadingBlanks, typesetBlock} from './typeset.js';

describe('gapWidths', () => {
	it('shares the stretch evenly and gives the remainder to the leftmost or the rightmost spaces', () => {
		expect(gapWidths(4, 6, false)).toEqual([3, 3, 2, 2]);
		expect(gapWidths(4, 6, true)).toEqual([2, 2, 3, 3]);
		expect(gapWidths(3, 0, false)).toEqual([1, 1, 1]);
		expect(gapWidths(0, 5, false)).toEqual([]);
	});

	it('adds exactly the stretch, and no two spaces differ by more than one cell', () => {
		fc.assert(
			fc.property(fc.integer({min: 1, max: 40}), fc.nat({max: 200}), fc.boolean(), (gaps, stretch, fromRight) => {
				const widths = gapWidths(gaps, stretch, fromRight);
				expect(widths.reduce((sum, width) => sum + width, 0)).toBe(gaps + stretch);
				expect(Math.max(...widths) - Math.min(...widths)).toBeLessThanOrEqual(1);
			}),
		);
	});
});

describe('leadingBlanks', () => {
	const blocks: Block[] = [
		{kind: 'heading', start: 0, end: 1},
		{kind: 'paragraph', start: 2, end: 3},
		{kind: 'paragraph', start: 4, end: 5},
		{kind: 'break', start: 6, end: 6},
		{kind: 'paragraph', start: 6, end: 7},
		{kind: 'paragraph', start: 8, end: 9, lineBreaks: true},
		{kind: 'note', start: 10, end: 11},
		{kind: 'note', start: 12, end: 13},
		{kind: 'heading', start: 14, end: 15},
	];
	const all = (typography: Partial<typeof DEFAULT_TYPOGRAPHY>) => blocks.map((_, i) => leadingBlanks(blocks, i, {...DEFAULT_TYPOGRAPHY, ...typography}));

	it('puts none before the first block, two before a heading and one before anything else', () => {
		expect(all({})).toEqual([0, 1, 1, 1, 1, 1, 1, 1, 2]);
	});

	it('runs paragraphs and notes of one kind together in the indented style, but not verse or what follows a heading or break', () => {
		expect(all({paragraphStyle: 'indented'})).toEqual([0, 1, 0, 1, 1, 1, 1, 0, 2]);
	});

	it('adds the spacing’s blank row after the previous block’s last line when double spaced', () => {
		expect(all({spacing: 2})).toEqual([0, 2, 2, 2, 2, 2, 2, 2, 3]);
		expect(all({spacing: 2, paragraphStyle: 'indented'})).toEqual([0, 2, 1, 2, 2, 2, 2, 1, 3]);
	});
});

describe('countBlockRows', () => {
	for (const typography of ALL_TYPOGRAPHIES) {
		it(`counts exactly the rows typesetBlock makes (${typographyName(typography)})`, async () => {
			if (typography.hyphenate) await loadHyphenation();
			fc.assert(
				fc.property(storyArbitrary, fc.integer({min: 8, max: 80}), (story, width) => {
					for (let b = 0; b < story.blocks.length; b++) {
						expect(countBlockRows(story, b, width, typography)).toBe(typesetBlock(story, b, width, typography).length);
					}
				}),
				{numRuns: 60},
			);
		});
	}
});
