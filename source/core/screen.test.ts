import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseText} from '../formats/text.js';
import {Layout} from './layout.js';
import {initialReaderState, readerReducer} from './reader.js';
import {fit, frameFor, pageLines, progressAt, samePageLines, statusLine} from './screen.js';
import {ALL_TYPOGRAPHIES, storyArbitrary, typographyName} from './story-arbitraries.js';
import {cellWidth} from './width.js';

describe('frameFor', () => {
	it.each([
		[100, 30, {top: 1, body: 27, gap: 1, status: 1, column: 68, margin: 16}],
		[60, 20, {top: 1, body: 17, gap: 1, status: 1, column: 60, margin: 0}],
		[20, 6, {top: 0, body: 5, gap: 0, status: 1, column: 20, margin: 0}],
	])('shares %ix%i between chrome and page', (cols, rows, expected) => {
		const frame = frameFor(cols, rows)!;
		expect(frame).toMatchObject(expected);
		expect(frame.top + frame.body + frame.gap + frame.status).toBe(rows);
	});

	it.each([
		[19, 30],
		[100, 5],
		[1, 1],
	])('has no frame for %ix%i: too small to read in', (cols, rows) => {
		expect(frameFor(cols, rows)).toBeUndefined();
	});
});

// Pages from the start to the end with Space, collecting each page's number and page count.
function pageNumbersWhilePaging(layout: Layout, height: number) {
	let state = initialReaderState();
	const seen: number[] = [];
	const counts: number[] = [];
	for (let guard = 0; guard < 5000; guard++) {
		const progress = progressAt(layout, state.offset, height);
		seen.push(progress.page!);
		counts.push(progress.pages!);
		const next = readerReducer(state, {type: 'nextPage'}, {layout, height, libraryLength: 0});
		if (next === state) break;
		state = next;
	}
	return {seen, counts, state};
}

describe('progressAt', () => {
	it('numbers pages 1, 2, 3... up to the count while paging forward, at any size', () => {
		const raw = Array.from({length: 60}, (_, i) => `Paragraph ${i}: ${'word '.repeat(3 + ((i * 7) % 40))}`).join('\n\n');
		const story = parseText(raw, {key: 'k', title: 'T'});
		fc.assert(
			fc.property(fc.integer({min: 10, max: 80}), fc.integer({min: 1, max: 30}), (width, height) => {
				const layout = new Layout(story, width);
				layout.buildIndex(Infinity);
				const {seen, counts, state} = pageNumbersWhilePaging(layout, height);
				expect(new Set(counts)).toEqual(new Set([layout.pageStarts(height)!.length]));
				expect(seen).toEqual(seen.map((_, i) => i + 1));
				expect(seen.at(-1)).toBe(progressAt(layout, state.offset, height).pages);
				expect(progressAt(layout, state.offset, height).percent).toBe(100);
			}),
			{numRuns: 60},
		);
	});

	it.each(ALL_TYPOGRAPHIES.map((typography) => [typographyName(typography), typography] as const))(
		'numbers pages 1, 2, 3... up to the count while paging forward, set %s',
		(_name, typography) => {
			fc.assert(
				fc.property(storyArbitrary, fc.integer({min: 10, max: 80}), fc.integer({min: 1, max: 30}), (story, width, height) => {
					const layout = new Layout(story, width, typography);
					layout.buildIndex(Infinity);
					const {seen} = pageNumbersWhilePaging(layout, height);
					expect(seen).toEqual(seen.map((_, i) => i + 1));
					expect(seen.at(-1)).toBe(layout.pageStarts(height)!.length);
				}),
				{numRuns: 40},
			);
		},
	);

	it('has no page numbers until the whole-book index is built, but always a percent', () => {
		const layout = new Layout(parseText('One.\n\nTwo.', {key: 'k', title: 'T'}), 20);
		expect(progressAt(layout, 0, 1)).toEqual({percent: 0});
	});
});

describe('pageLines', () => {
	it('draws each row as styled segments whose joined text is the line’s text', () => {
		const story = parseText('CHAPTER I\n\nThe keeper climbed the ninety steps.\n\n* * *\n\nMorning.', {key: 'k', title: 'T'});
		const layout = new Layout(story, 20, {paragraphStyle: 'indented'});
		const lines = pageLines(layout, layout.page(0, 20).rows);
		expect(lines.map((line) => [line.kind, line.text])).toEqual([
			['heading', '     CHAPTER I'],
			['blank', ''],
			['text', 'The keeper climbed'],
			['text', 'the ninety steps.'],
			['blank', ''],
			['break', '     *   *   *'],
			['blank', ''],
			['text', 'Morning.'],
		]);
		for (const line of lines) expect(line.segments.map((segment) => segment.text).join('')).toBe(line.text);
		expect(lines[0]!.segments).toEqual([{text: '     '}, {text: 'CHAPTER I', bold: true}]);
	});
});

describe('samePageLines', () => {
	const story = parseText('The keeper climbed the _ninety_ steps.\n\nMorning came grey over the water.', {key: 'k', title: 'T'});
	const layout = new Layout(story, 20);
	const rows = layout.page(0, 10).rows;

	it('finds the same page drawn twice the same, though its lines are new objects', () => {
		expect(samePageLines(pageLines(layout, rows), pageLines(layout, rows))).toBe(true);
	});

	it('tells pages apart by a row, a style or a search match', () => {
		const lines = pageLines(layout, rows);
		expect(samePageLines(lines, pageLines(layout, layout.page(layout.scroll(0, 1), 10).rows))).toBe(false);
		expect(samePageLines(lines, lines.slice(0, -1))).toBe(false);
		const plain = lines.map((line) => ({...line, segments: line.segments.map((segment) => ({text: segment.text}))}));
		expect(samePageLines(lines, plain)).toBe(false);
		expect(samePageLines(lines, pageLines(layout, rows, [{start: 4, end: 10}]))).toBe(false);
	});
});

describe('statusLine', () => {
	it('puts the title left and page and percent right, in exactly the width', () => {
		const line = statusLine('Untitled', {page: 2, pages: 7, percent: 18}, 68);
		expect(line).toMatch(/^Untitled\s+2 of 7 · 18%$/);
		expect(cellWidth(line)).toBe(68);
	});

	it('shortens a long title with an ellipsis and never overflows', () => {
		fc.assert(
			fc.property(fc.string({maxLength: 80}), fc.integer({min: 1, max: 100}), (title, width) => {
				expect(cellWidth(statusLine(title.replace(/[\u0000-\u001f\u007f-\u009f]/g, ''), {page: 12, pages: 340, percent: 3, chapter: 'Chapter 1'}, width))).toBeLessThanOrEqual(width);
			}),
		);
		expect(fit('A very long title indeed', 10)).toBe('A very lo…');
	});

	it('shows a notice in place of the title', () => {
		expect(statusLine('Untitled', {percent: 5}, 40, 'Saved')).toMatch(/^Saved\s+5%$/);
	});
});

describe('statusLine with time left', () => {
	const progress = {page: 5, pages: 497, percent: 0, chapter: 'Chapter 1'};
	const times = ['4 min left in chapter · 8 h 59 min in book', '4 min left in chapter', '8 h 59 min left'];

	it('shows the most detailed time left that leaves the title room', () => {
		expect(statusLine('Pride and Prejudice', progress, 100, undefined, times)).toContain('4 min left in chapter · 8 h 59 min in book · 5 of 497');
		expect(statusLine('Pride and Prejudice', progress, 68, undefined, times)).toContain('4 min left in chapter · 5 of 497');
		expect(statusLine('Pride and Prejudice', progress, 40, undefined, times)).not.toContain('left');
	});

	it('gives way to a notice', () => {
		expect(statusLine('T', progress, 100, 'Saved', times)).not.toContain('left');
	});
});
