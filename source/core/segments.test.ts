import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {Layout, isTextRow} from './layout.js';
import {pageLines} from './screen.js';
import {type Segment, rowSegments} from './segments.js';
import {ALL_TYPOGRAPHIES, storyArbitrary, typographyName} from './story-arbitraries.js';
import type {Block, Span, Story} from './story.js';
import type {Row, Typography} from './typeset.js';
import {isBreakingSpace} from './wrap.js';

const inside = (spans: readonly Span[] | undefined, style: Span['style'], offset: number) =>
	(spans ?? []).some((span) => span.style === style && span.start <= offset && offset < span.end);

/**
 * Walks a row's segments against the story text and checks every drawn character: a letter has
 * the styles of its offset, a pad is plain, a word space has the styles both its words share,
 * an added hyphen has its word's.
 */
function expectStylesFollowOffsets(story: Story, row: Row, segments: readonly Segment[]): void {
	const {text, spans} = story;
	const heading = row.kind === 'heading';
	const styleAt = (offset: number) => ({italic: inside(spans, 'italic', offset), bold: heading || inside(spans, 'bold', offset)});
	const styleOf = (segment: Segment) => ({italic: segment.italic === true, bold: segment.bold === true});
	let p = row.start;
	let gap: {italic: boolean; bold: boolean} | undefined;
	for (const segment of segments) {
		if (segment.hyphen) {
			expect(segment.text).toBe('-');
			expect(row.hyphen).toBe(true);
			expect(styleOf(segment)).toEqual(styleAt(p - 1));
			continue;
		}
		for (const char of segment.text.split('')) {
			if (char === ' ' && p < row.end && isBreakingSpace(text.charCodeAt(p))) {
				const before = styleAt(p - 1);
				while (isBreakingSpace(text.charCodeAt(p))) p++;
				const after = styleAt(p);
				gap = {italic: before.italic && after.italic, bold: before.bold && after.bold};
				expect(styleOf(segment)).toEqual(gap);
			} else if (char === ' ' && p === row.start) {
				// The indent or the centring before the text.
				expect(styleOf(segment)).toEqual({italic: false, bold: false});
			} else if (char === ' ' && gap && !isBreakingSpace(text.charCodeAt(p)) && text[p] !== ' ') {
				// A justification space: styled like the word space it widens.
				expect(styleOf(segment)).toEqual(gap);
			} else {
				expect(char).toBe(text[p]);
				expect(styleOf(segment)).toEqual(styleAt(p));
				gap = undefined;
				p++;
			}
		}
	}
	expect(p).toBe(row.end);
}

const storyOf = (text: string, blocks: Block[], spans: Span[]): Story => ({key: 'k', title: 'T', text, blocks, chapters: [], meta: {}, spans});

const linesOf = (story: Story, width: number, typography: Partial<Typography> = {}) => {
	const layout = new Layout(story, width, typography);
	return pageLines(
		layout,
		story.blocks.flatMap((_, b) => layout.rows(b)),
	);
};

describe.each(ALL_TYPOGRAPHIES.map((typography) => [typographyName(typography), typography] as const))('rowSegments set %s', (_name, typography) => {
	it('styles every character by the spans over its offset, across line breaks, indents, stretched spaces and hyphens', () => {
		fc.assert(
			fc.property(storyArbitrary, fc.integer({min: 8, max: 70}), (story, width) => {
				const layout = new Layout(story, width, typography);
				story.blocks.forEach((_, b) => {
					for (const row of layout.rows(b).filter(isTextRow)) expectStylesFollowOffsets(story, row, rowSegments(story, row, width));
				});
			}),
			{numRuns: 40},
		);
	});
});

describe('rowSegments', () => {
	const text = 'She spoke of extraordinary conversations at the house.';
	const paragraph: Block[] = [{kind: 'paragraph', start: 0, end: text.length}];
	const phrase = {start: text.indexOf('extraordinary'), end: text.indexOf(' at'), style: 'italic'} as const;

	it('keeps a span italic on both lines when a line break falls inside it', () => {
		const lines = linesOf(storyOf(text, paragraph, [phrase]), 20);
		expect(lines.map((line) => line.text)).toEqual(['She spoke of', 'extraordinary', 'conversations at the', 'house.']);
		expect(lines[1]!.segments).toEqual([{text: 'extraordinary', italic: true}]);
		expect(lines[2]!.segments).toEqual([{text: 'conversations', italic: true}, {text: ' at the'}]);
	});

	it('gives an added hyphen the style of the word it splits, marked as added', () => {
		const lines = linesOf(storyOf(text, paragraph, [phrase]), 20, {hyphenate: true});
		expect(lines.map((line) => line.text)).toEqual(['She spoke of extra-', 'ordinary conversa-', 'tions at the house.']);
		expect(lines[0]!.segments).toEqual([{text: 'She spoke of '}, {text: 'extra', italic: true}, {text: '-', italic: true, hyphen: true}]);
		expect(lines[1]!.segments).toEqual([{text: 'ordinary conversa', italic: true}, {text: '-', italic: true, hyphen: true}]);
		expect(lines[2]!.segments).toEqual([{text: 'tions', italic: true}, {text: ' at the house.'}]);
	});

	it('styles a justification space inside an emphasised phrase, and leaves the one at its edge plain', () => {
		const lines = linesOf(storyOf(text, paragraph, [{start: 0, end: text.indexOf(' of'), style: 'bold'}]), 16, {justify: true});
		expect(lines[0]!.segments).toEqual([{text: 'She   spoke', bold: true}, {text: '   of'}]);
	});

	it('never styles a paragraph indent, even when the whole paragraph is italic', () => {
		const two = `${text}\n\n${text}`;
		const blocks: Block[] = [
			{kind: 'paragraph', start: 0, end: text.length},
			{kind: 'paragraph', start: text.length + 2, end: two.length},
		];
		const lines = linesOf(storyOf(two, blocks, [{start: 0, end: two.length, style: 'italic'}]), 30, {paragraphStyle: 'indented'});
		const second = lines.find((line) => line.text.startsWith('   '))!;
		expect(second.segments[0]).toEqual({text: '   '});
		expect(second.segments[1]).toMatchObject({italic: true});
	});

	it('sets headings bold and centred, keeping their own italics and a plain margin', () => {
		const heading = 'The Return of Natasha';
		const lines = linesOf(storyOf(heading, [{kind: 'heading', start: 0, end: heading.length}], [{start: 14, end: 21, style: 'italic'}]), 31);
		expect(lines[0]!.segments).toEqual([{text: '     '}, {text: 'The Return of ', bold: true}, {text: 'Natasha', bold: true, italic: true}]);
	});

	it('draws a scene break as a plain, centred ornament, cut to a star in a column narrower than it', () => {
		const blocks: Block[] = [
			{kind: 'paragraph', start: 0, end: 3},
			{kind: 'break', start: 5, end: 5},
			{kind: 'paragraph', start: 5, end: 8},
		];
		expect(linesOf(storyOf('One\n\nTwo', blocks, []), 21)[2]).toEqual({kind: 'break', text: '      *   *   *', segments: [{text: '      *   *   *'}]});
		expect(linesOf(storyOf('One\n\nTwo', blocks, []), 5)[2]!.text).toBe('  *');
	});

	it('reads overlapping spans of one style as their union', () => {
		const spans: Span[] = [
			{start: 0, end: 9, style: 'italic'},
			{start: 4, end: 12, style: 'italic'},
		];
		expect(linesOf(storyOf(text, paragraph, spans), 60)[0]!.segments[0]).toEqual({text: 'She spoke of', italic: true});
	});
});
