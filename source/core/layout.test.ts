import fc from 'fast-check';
import hyphen from 'hyphen/en/index.js';
import {describe, expect, it} from 'vitest';
import {parseText} from '../formats/text.js';
import {MIN_HYPHENATED_LETTERS} from './hyphenate.js';
import {Layout, type Row, isTextRow} from './layout.js';
import {initialReaderState, readerReducer} from './reader.js';
import {pageLines} from './screen.js';
import {ALL_TYPOGRAPHIES, inParts, storyArbitrary, typographyName} from './story-arbitraries.js';
import {WordIndex} from './pace.js';
import {type Story, blockIndexAt} from './story.js';
import {MAX_GAP, type Typography} from './typeset.js';
import {CHARS_PER_CHECK} from './slice-clock.js';
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
			fc.property(storyText, fc.integer({min: 8, max: 80}), (raw, width) => {
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

	it('wraps a few thousand characters a slice once its deadline has passed, whatever the size of the paragraphs', () => {
		const paragraph = Array(100).fill('word').join(' ');
		const layout = new Layout(story(Array(300).fill(paragraph).join('\n\n')), 40);
		const wrapped: number[] = [];
		while (layout.totalRows() === undefined) {
			const before = layout.wrappedChars;
			layout.buildIndex(0, () => 1);
			wrapped.push(layout.wrappedChars - before);
		}
		// At most the characters between two looks at the clock, and one paragraph more.
		expect(Math.max(...wrapped)).toBeLessThanOrEqual(CHARS_PER_CHECK + paragraph.length);
		expect(layout.wrappedChars).toBe(300 * paragraph.length);
		expect(layout.totalRows()).toBe(rowsOf(new Layout(layout.story, 40)).length);
	});

	it('finds the page starts of the page height in use a few dozen pages a slice, as part of the index', () => {
		const layout = new Layout(story(Array(3000).fill('Some words here.').join('\n\n')), 20);
		expect(layout.pageStarts(5)).toBeUndefined();
		while (layout.totalRows() === undefined) layout.buildIndex(0, () => 1);
		let slices = 1;
		while (!layout.buildIndex(0, () => 1)) slices++;
		const starts = layout.pageStarts(5)!;
		expect(starts).toHaveLength(allPages(layout, 5).length);
		expect(slices).toBeGreaterThanOrEqual(Math.floor(starts.length / 64));
	});

	it('takes the whole-book count and page starts made by a layout of the same story elsewhere, and nothing that does not fit', () => {
		const text = Array.from({length: 400}, (_, i) => (i % 37 === 0 ? `CHAPTER ${i}` : `Paragraph ${i} has some words, ${'more '.repeat(i % 23)}and an end.`)).join('\n\n');
		const elsewhere = new Layout(story(text), 30, {paragraphStyle: 'indented', spacing: 2});
		expect(elsewhere.buildIndex(Infinity)).toBe(true);
		const here = new Layout(elsewhere.story, 30, {paragraphStyle: 'indented', spacing: 2});
		here.page(0, 7);
		expect(here.pageStarts(7)).toBeUndefined();
		expect(here.pageHeight).toBe(7);
		// Counts for another story (a different number of blocks) are refused, and nothing changes.
		expect(here.adoptRowCounts(new Float64Array(3))).toBe(false);
		expect(here.totalRows()).toBeUndefined();
		expect(here.adoptPageStarts(7, [0, 7])).toBe(false);
		expect(here.adoptRowCounts(elsewhere.rowCounts()!)).toBe(true);
		expect(here.totalRows()).toBe(elsewhere.totalRows());
		expect(here.rowNumber(here.cursorAt(text.length / 2))).toBe(elsewhere.rowNumber(elsewhere.cursorAt(text.length / 2)));
		// Page starts past the last row cannot be these; the ones found elsewhere are taken as they are.
		expect(here.adoptPageStarts(7, [0, elsewhere.totalRows()!])).toBe(false);
		const starts = elsewhere.pageStarts(7)!;
		expect(here.adoptPageStarts(7, Float64Array.from(starts))).toBe(true);
		const typeset = here.wrappedChars;
		expect(here.buildIndex(0, () => 1)).toBe(true);
		expect(Array.from(here.pageStarts(7)!)).toEqual(Array.from(starts));
		// Nothing was counted here.
		expect(here.wrappedChars).toBe(typeset);
		// A height asked for later is found here, from the count taken.
		expect(Array.from(here.pageStarts(9)!)).toEqual(Array.from(elsewhere.pageStarts(9)!));
	});
});

// The row kinds a reader reads: their text, less the indent, the justification spaces and the added hyphen.
function readable(layout: Layout, rows: readonly Row[]): string {
	let out = '';
	let previous: Row | undefined;
	for (const row of rows) {
		if (!isTextRow(row)) continue;
		const [line] = pageLines(layout, [row]);
		const shown = line!.segments
			.filter((segment) => !segment.hyphen)
			.map((segment) => segment.text)
			.join('')
			.trim()
			.replaceAll(/ +/g, ' ');
		// A row that ends where the next starts split a word (at a hyphen point, a dash or between wide characters).
		out += previous === undefined ? shown : previous.end === row.start ? shown : ` ${shown}`;
		previous = row;
	}
	return out;
}

function rowsOf(layout: Layout): Row[] {
	return layout.story.blocks.flatMap((_, b) => layout.rows(b));
}

// The story's words, in order, as a reader should read them whatever the layout.
const storyWords = (s: Story) =>
	s.blocks
		.filter((block) => block.kind !== 'break')
		.flatMap((block) => words(s.text.slice(block.start, block.end)))
		.join(' ');

// The whole whitespace-delimited token of the text around `offset`.
function tokenAround(text: string, offset: number): {start: number; token: string} {
	let start = offset;
	while (start > 0 && !/\s/.test(text[start - 1]!)) start--;
	let end = offset;
	while (end < text.length && !/\s/.test(text[end]!)) end++;
	return {start, token: text.slice(start, end)};
}

const typographies = ALL_TYPOGRAPHIES.map((typography) => [typographyName(typography), typography] as const);

describe.each(typographies)('Layout set %s', (_name, typography) => {
	it('keeps every row inside the column, justifies every line but a paragraph’s last, and leaves too-wide gaps ragged', () => {
		fc.assert(
			fc.property(storyArbitrary, fc.integer({min: 8, max: 80}), (s, width) => {
				const layout = new Layout(s, width, typography);
				s.blocks.forEach((block, b) => {
					const rows = layout.rows(b);
					const lines = pageLines(layout, rows);
					const textRows = rows.filter(isTextRow);
					const prose = block.kind === 'paragraph' && !block.lineBreaks;
					rows.forEach((row, r) => {
						const shown = cellWidth(lines[r]!.text);
						expect(shown).toBeLessThanOrEqual(width);
						if (row.stretch) expect(shown).toBe(width);
						if (row.hyphen) expect(typography.hyphenate).toBe(true);
						if (!prose || !typography.justify) expect(row.stretch).toBeUndefined();
					});
					if (!prose || !typography.justify) return;
					textRows.forEach((row, r) => {
						if (r === textRows.length - 1) return expect(row.stretch).toBeUndefined();
						if (row.stretch) return;
						// A line left ragged is full already, has no word space, or would need too wide a gap.
						const natural = cellWidth(lineText(s.text, row)) + (row.hyphen ? 1 : 0) + (row.indent ?? 0);
						const gaps = lineText(s.text, row).split(' ').length - 1;
						const extra = width - natural;
						expect(extra === 0 || gaps === 0 || 1 + Math.ceil(extra / gaps) > MAX_GAP).toBe(true);
					});
				});
			}),
			{numRuns: 60},
		);
	});

	it('lays out a text kept in parts (a long book from the story cache) as the whole text, without reading it whole', () => {
		fc.assert(
			fc.property(storyArbitrary, fc.integer({min: 8, max: 80}), fc.integer({min: 1, max: 40}), fc.integer({min: 2, max: 25}), (s, width, chars, height) => {
				const whole = new Layout(s, width, typography);
				const parted = new Layout(inParts(s, chars), width, typography);
				s.blocks.forEach((_, b) => {
					expect(parted.rows(b)).toEqual(whole.rows(b));
					expect(pageLines(parted, parted.rows(b), [{start: 3, end: 9}])).toEqual(pageLines(whole, whole.rows(b), [{start: 3, end: 9}]));
				});
				expect(parted.buildIndex(Number.POSITIVE_INFINITY)).toBe(true);
				expect(whole.buildIndex(Number.POSITIVE_INFINITY)).toBe(true);
				expect(parted.totalRows()).toBe(whole.totalRows());
				expect(parted.pageStarts(height)).toEqual(whole.pageStarts(height));
				const words = new WordIndex(inParts(s, chars));
				const wholeWords = new WordIndex(s);
				expect(words.build(Number.POSITIVE_INFINITY) && wholeWords.build(Number.POSITIVE_INFINITY)).toBe(true);
				expect(words.wordsBefore(s.text.length)).toBe(wholeWords.wordsBefore(s.text.length));
			}),
			{numRuns: 40},
		);
	});

	it('shows every word exactly once, in order, when paging from the start to the end, with no page top on a blank row', () => {
		fc.assert(
			fc.property(storyArbitrary, fc.integer({min: 5, max: 60}), fc.integer({min: 1, max: 25}), (s, width, height) => {
				const layout = new Layout(s, width, typography);
				const pages = allPages(layout, height);
				const starts = pages.flatMap((page) => page.rows.filter(isTextRow).map((row) => row.start));
				expect(new Set(starts).size).toBe(starts.length);
				expect(readable(layout, pages.flatMap((page) => page.rows))).toBe(storyWords(s));
				for (const page of pages) {
					expect(page.rows.length).toBeLessThanOrEqual(height);
					if (starts.length > 0) expect(isTextRow(page.rows[0]!)).toBe(true);
				}
			}),
			{numRuns: 60},
		);
	});

	it('splits a word only where the hyphenation patterns do, or after its own hyphen or dash, and never a short word, a number or an address', () => {
		fc.assert(
			fc.property(storyArbitrary, fc.integer({min: 5, max: 40}), (s, width) => {
				const rows = rowsOf(new Layout(s, width, typography)).filter(isTextRow);
				rows.forEach((row, r) => {
					const next = rows[r + 1];
					if (!next || next.start !== row.end || /\s/.test(s.text[row.end] ?? ' ')) return expect(row.hyphen).toBeUndefined();
					const {start, token} = tokenAround(s.text, row.end);
					if (row.hyphen) {
						const marked = hyphen.hyphenateSync(token);
						const points = [...marked].flatMap((char, i) => (char === '\u00AD' ? [i - marked.slice(0, i).split('\u00AD').length + 1] : []));
						expect(points).toContain(row.end - start);
						expect(token.replaceAll(/\P{L}/gu, '').length).toBeGreaterThanOrEqual(MIN_HYPHENATED_LETTERS);
						expect(token).not.toMatch(/[\d/@]/);
						return;
					}
					// Without an added hyphen a word splits after its own dash, between wide characters, or because it is wider than the column.
					const ownDash = typography.hyphenate && /[-\u2010\u2013\u2014]$/.test(s.text.slice(start, row.end));
					const forced = cellWidth(token) > width - (row.indent ?? 0) || !/^[\x20-\u02ff\u2010-\u205e]*$/.test(token);
					expect(ownDash || forced).toBe(true);
				});
			}),
			{numRuns: 80},
		);
	});

	it('round-trips offset → page → offset for the start of every row, and keeps the offset on screen after a width change', () => {
		fc.assert(
			fc.property(storyArbitrary, fc.integer({min: 5, max: 60}), fc.integer({min: 5, max: 100}), fc.nat(), fc.integer({min: 1, max: 30}), (s, width, other, seed, height) => {
				const layout = new Layout(s, width, typography);
				for (const row of rowsOf(layout).filter(isTextRow)) expect(layout.page(row.start, 5).start).toBe(row.start);
				const offset = seed % Math.max(1, s.text.length);
				const block = s.blocks[blockIndexAt(s.blocks, offset)];
				if (!block || block.kind === 'break' || offset >= block.end || /\s/.test(s.text[offset]!)) return;
				const page = new Layout(s, other, typography).page(offset, height);
				expect(page.rows.filter(isTextRow).some((row) => row.start <= offset && offset < row.end)).toBe(true);
			}),
			{numRuns: 60},
		);
	});

	it('undoes nextPage with prevPage and lineDown with lineUp', () => {
		fc.assert(
			fc.property(storyArbitrary, fc.integer({min: 20, max: 90}), fc.integer({min: 1, max: 30}), fc.integer({min: 0, max: 12}), (s, width, height, turns) => {
				const ctx = {layout: new Layout(s, width, typography), height, libraryLength: 0};
				let forward = initialReaderState();
				for (let i = 0; i < turns; i++) forward = readerReducer(forward, {type: 'nextPage'}, ctx);
				if (ctx.layout.page(forward.offset, height).atEnd) return;
				const next = readerReducer(forward, {type: 'nextPage'}, ctx);
				expect(readerReducer(next, {type: 'prevPage'}, ctx).offset).toBe(forward.offset);
				// Without the remembered turns, a turn back still lands on a page that turns forward to here.
				const back = ctx.layout.scroll(next.offset, -height);
				expect(ctx.layout.scroll(back, height)).toBe(next.offset);
				const down = readerReducer(forward, {type: 'lineDown'}, ctx);
				expect(readerReducer(down, {type: 'lineUp'}, ctx).offset).toBe(forward.offset);
			}),
			{numRuns: 60},
		);
	});
});

describe('Layout typography', () => {
	const prose = (raw: string, width: number, typography: Partial<Typography> = {}) => {
		const layout = new Layout(story(raw), width, typography);
		return rowsOf(layout).map((row) => pageLines(layout, [row])[0]!.text);
	};

	it('wraps only the blocks around the position with every setting on, whatever the story length', () => {
		const paragraph = 'A sentence of extraordinary length that goes on for a while. '.repeat(8);
		const all: Partial<Typography> = {justify: true, hyphenate: true, paragraphStyle: 'indented', spacing: 2};
		const small = new Layout(story(Array(50).fill(paragraph).join('\n\n')), 60, all);
		const large = new Layout(story(Array(5000).fill(paragraph).join('\n\n')), 60, all);
		small.page(small.story.text.length >> 1, 30);
		large.page(large.story.text.length >> 1, 30);
		expect(large.wrappedChars).toBe(small.wrappedChars);
		expect(large.wrappedChars).toBeLessThan(paragraph.length * 10);
	});

	it('hyphenates a word that does not fit at a pattern point, and keeps its letters once', () => {
		const layout = new Layout(story('The visitor was extraordinary.'), 20, {hyphenate: true});
		const rows = layout.rows(0);
		expect(pageLines(layout, rows).map((line) => line.text)).toEqual(['The visitor was ex-', 'traordinary.']);
		expect(rows[0]).toMatchObject({hyphen: true, end: rows[1]!.start});
		expect(layout.story.text.slice(rows[0]!.start, rows[1]!.end)).toBe('The visitor was extraordinary.');
	});

	it('moves a word down whole when hyphenation is off', () => {
		expect(prose('The visitor was extraordinary.', 20)).toEqual(['The visitor was', 'extraordinary.']);
	});

	it('splits a compound after its own hyphen and adds none', () => {
		expect(prose('She was a fifteen-year-old girl.', 20, {hyphenate: true})).toEqual(['She was a fifteen-', 'year-old girl.']);
	});

	it('leaves numbers, addresses and short words whole', () => {
		expect(prose('Look at https://example.com/path now', 14, {hyphenate: true})).toEqual(['Look at', 'https://exampl', 'e.com/path now']);
		expect(prose('In the year 18121812 there', 14, {hyphenate: true})).toEqual(['In the year', '18121812 there']);
		expect(prose('Then shall there', 13, {hyphenate: true})).toEqual(['Then shall', 'there']);
	});

	it('puts no more than two hyphenated lines in a row', () => {
		const layout = new Layout(story('extraordinary '.repeat(40)), 17, {hyphenate: true});
		const rows = layout.rows(0);
		expect(rows.some((row) => row.hyphen)).toBe(true);
		rows.forEach((row, i) => {
			if (i >= 2) expect(row.hyphen && rows[i - 1]!.hyphen && rows[i - 2]!.hyphen).toBeFalsy();
		});
	});

	it('stretches every line of a paragraph but its last to the column, giving the odd spaces to the left and the right by turns', () => {
		const lines = prose('The keeper climbed the ninety steps before the light went out over the bay.', 24, {justify: true});
		expect(lines).toEqual(['The  keeper  climbed the', 'ninety steps before  the', 'light  went out over the', 'bay.']);
	});

	it('leaves a line ragged rather than open gaps wider than three cells', () => {
		// "A" and "sesquipedalian" would need a gap of five cells; "word here." is the last line.
		expect(prose('A sesquipedalian word here.', 20, {justify: true})).toEqual(['A sesquipedalian', 'word here.']);
		// One word and no space to widen.
		expect(prose('Incomprehensible things.', 20, {justify: true})).toEqual(['Incomprehensible', 'things.']);
	});

	it('indents the first line of a running paragraph, but not after a heading, a scene break or at the start, with no blank row between', () => {
		const raw = 'CHAPTER I\n\nFirst words of the story.\n\nSecond paragraph here.\n\n* * *\n\nAfter the break.\n\nAnd on.';
		expect(prose(raw, 30, {paragraphStyle: 'indented'})).toEqual([
			'CHAPTER I'.padStart(19),
			'',
			'First words of the story.',
			'   Second paragraph here.',
			'',
			'          *   *   *',
			'',
			'After the break.',
			'   And on.',
		]);
	});

	it('puts a blank row after every text row when double spaced, and a second one between paragraphs', () => {
		const rows = rowsOf(new Layout(story('One two three four five six.\n\nSeven eight.'), 12, {spacing: 2}));
		expect(rows.map((row) => row.kind)).toEqual(['text', 'blank', 'text', 'blank', 'text', 'blank', 'blank', 'text']);
	});

	it('counts double-spaced rows for the whole book and finds the same page starts as paging', () => {
		const layout = new Layout(story(Array(300).fill('Some words here and more.').join('\n\n')), 12, {spacing: 2});
		layout.buildIndex(Infinity);
		// Three lines and two blank rows a paragraph, two blank rows between paragraphs.
		expect(layout.totalRows()).toBe(300 * 5 + 299 * 2);
		const starts = layout.pageStarts(4)!;
		const pages = allPages(layout, 4);
		expect(starts).toHaveLength(pages.length);
		pages.forEach((page, i) => expect(layout.rowNumber(page.top)).toBe(starts[i]));
	});
});

describe('Layout blocks', () => {
	const verse = (text: string): Story => ({
		key: 'k',
		title: 'T',
		text,
		blocks: [{kind: 'paragraph', start: 0, end: text.length, lineBreaks: true}],
		chapters: [],
		meta: {},
	});

	it('starts a row at each line of a verse and hangs a long line’s rest by two cells, never justified', () => {
		const layout = new Layout(verse('April is the cruellest month, breeding\nLilacs out of the dead land\n\nMixing memory and desire'), 24, {justify: true, hyphenate: true});
		expect(pageLines(layout, layout.rows(0)).map((line) => line.text)).toEqual([
			'April is the cruellest',
			'  month, breeding',
			'Lilacs out of the dead',
			'  land',
			'',
			'Mixing memory and desire',
		]);
		expect(layout.rows(0).some((row) => row.stretch !== undefined || row.hyphen)).toBe(false);
	});

	it('gives an author’s note its own row kind, set like a paragraph but never justified', () => {
		const text = 'Thanks for reading, and for all the kind comments on the last chapter.';
		const s: Story = {key: 'k', title: 'T', text, blocks: [{kind: 'note', start: 0, end: text.length}], chapters: [], meta: {}};
		const layout = new Layout(s, 30, {justify: true});
		const rows = layout.rows(0);
		expect(rows.map((row) => row.kind)).toEqual(['note', 'note', 'note']);
		expect(rows.every((row) => row.stretch === undefined && isTextRow(row))).toBe(true);
		expect(layout.page(rows[1]!.start, 3).start).toBe(rows[1]!.start);
	});

	it('does not hyphenate a story in another language with the English patterns', () => {
		const s = {...story('Der Besucher war außerordentlich.'), meta: {language: 'de'}};
		expect(new Layout(s, 20, {hyphenate: true}).rows(0).some((row) => row.hyphen)).toBe(false);
	});
});
