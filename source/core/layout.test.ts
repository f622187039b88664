import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseText} from '../formats/text.js';
import {Layout, isTextRow} from './layout.js';
import {blockIndexAt} from './story.js';
import {lineText} from './wrap.js';
import {cellWidth} from './width.js';

const story = (raw: string) => parseText(raw, {key: 'k', title: 'T'});

const word = fc.array(fc.constantFrom('a', 'b', 'e', 'é', '’', '日', '😀', '👩‍👩‍👧'), {minLength: 1, maxLength: 12}).map((chars) => chars.join(''));
const sentence = fc
	.array(word, {minLength: 1, maxLength: 25})
	.map((words) => `${words.join(' ')}.`);
const storyText = fc
	.array(fc.tuple(sentence, fc.constantFrom('\n\n', '\n\n\n', '\n\n* * *\n\n')), {minLength: 1, maxLength: 30})
	.map((parts) => parts.map(([text, gap]) => text + gap).join(''));

/** Every page from the start to the end, as the reader pages forward with Space. */
function allPages(layout: Layout, height: number) {
	const pages = [];
	let offset = 0;
	for (let guard = 0; guard < 10_000; guard++) {
		const page = layout.page(offset, height);
		pages.push(page);
		if (page.atEnd) break;
		const next = layout.scroll(offset, height);
		if (next <= offset) break;
		offset = next;
	}
	return pages;
}

const words = (text: string) => text.split(/\s+/).filter(Boolean);

describe('Layout', () => {
	it('never makes a row wider than the column, in terminal cells', () => {
		fc.assert(
			fc.property(storyText, fc.integer({min: 2, max: 80}), (raw, width) => {
				const layout = new Layout(story(raw), width);
				for (let b = 0; b < layout.story.blocks.length; b++) {
					for (const row of layout.rows(b)) expect(cellWidth(lineText(layout.story.text, row))).toBeLessThanOrEqual(width);
				}
			}),
			{numRuns: 150},
		);
	});

	it('shows every word exactly once, in order, when paging from the start to the end', () => {
		fc.assert(
			fc.property(storyText, fc.integer({min: 5, max: 60}), fc.integer({min: 1, max: 25}), (raw, width, height) => {
				const layout = new Layout(story(raw), width);
				const pages = allPages(layout, height);
				const shown = pages.flatMap((page) => page.rows.filter(isTextRow).map((row) => lineText(layout.story.text, row)));
				// Pages may overlap by nothing: collect row starts to spot duplicates.
				const starts = pages.flatMap((page) => page.rows.filter(isTextRow).map((row) => row.start));
				expect(new Set(starts).size).toBe(starts.length);
				// Wide characters may break without a space, so compare the text with whitespace removed.
				expect(shown.join('').replaceAll(/\s/g, '')).toBe(words(layout.story.text).filter((w) => w !== '*').join(''));
				for (const page of pages) expect(page.rows.length).toBeLessThanOrEqual(height);
			}),
			{numRuns: 150},
		);
	});

	it('round-trips offset → page → offset for the start of every row', () => {
		fc.assert(
			fc.property(storyText, fc.integer({min: 5, max: 60}), (raw, width) => {
				const layout = new Layout(story(raw), width);
				for (let b = 0; b < layout.story.blocks.length; b++) {
					for (const row of layout.rows(b).filter(isTextRow)) expect(layout.page(row.start, 5).start).toBe(row.start);
				}
			}),
			{numRuns: 100},
		);
	});

	it('keeps the saved offset on screen after any resize', () => {
		fc.assert(
			fc.property(storyText, fc.nat(), fc.integer({min: 5, max: 100}), fc.integer({min: 1, max: 40}), (raw, seed, width, height) => {
				const s = story(raw);
				const offset = seed % Math.max(1, s.text.length);
				const page = new Layout(s, width).page(offset, height);
				const first = page.rows.find(isTextRow);
				if (!first) return;
				// The first row of the page is the one that holds the offset (or the next text after it).
				expect(first.start).toBeLessThanOrEqual(Math.max(offset, first.start));
				const block = s.blocks[blockIndexAt(s.blocks, offset)];
				const inParagraph = block?.kind === 'paragraph' && offset < block.end;
				if (inParagraph && !/\s/.test(s.text[offset] ?? ' ')) {
					const onScreen = page.rows.filter(isTextRow).some((row) => row.start <= offset && offset < row.end);
					expect(onScreen).toBe(true);
				}
			}),
			{numRuns: 300},
		);
	});

	it('wraps only the blocks around the position, whatever the story length', () => {
		const paragraph = 'A sentence of moderate length that goes on for a while. '.repeat(8);
		const small = new Layout(story(Array(50).fill(paragraph).join('\n\n')), 60);
		const large = new Layout(story(Array(5000).fill(paragraph).join('\n\n')), 60);
		small.page(small.story.text.length >> 1, 30);
		large.page(large.story.text.length >> 1, 30);
		expect(large.wrappedChars).toBe(small.wrappedChars);
		expect(large.wrappedChars).toBeLessThan(paragraph.length * 10);
	});

	it('handles an empty story, a one-row page and a word longer than the column', () => {
		const empty = new Layout(story(''), 20);
		expect(empty.page(0, 10)).toMatchObject({rows: [expect.objectContaining({kind: 'blank'})], atEnd: true});
		expect(empty.scroll(0, 10)).toBe(0);
		const long = new Layout(story('x'.repeat(45)), 20);
		expect(long.page(0, 1).rows).toHaveLength(1);
		expect(long.scroll(0, 1)).toBe(20);
		expect(long.page(40, 1).start).toBe(40);
	});

	it('counts rows for the whole book in slices and numbers rows from the start', () => {
		const layout = new Layout(story(Array(300).fill('Some words here.').join('\n\n')), 20);
		let slices = 0;
		let time = 0;
		while (!layout.buildIndex(1, () => time++)) slices++;
		expect(slices).toBeGreaterThan(1);
		expect(layout.totalRows()).toBe(300 * 2 - 1);
		expect(layout.rowNumber(layout.cursorAt(layout.story.text.length))).toBe(300 * 2 - 2);
	});
});
