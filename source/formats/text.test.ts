import {describe, expect, it} from 'vitest';
import {isBreakMarker, isChapterHeading, parseText} from './text.js';
import {corpusFile, expectSaneStory, shownBlocks, spanTexts} from './testkit.js';

const story = (raw: string) => parseText(raw, {key: 'k', title: 'T'});
const shown = (raw: string) => shownBlocks(story(raw));

describe('isChapterHeading', () => {
	it.each([
		['CHAPTER IV.', true],
		['Chapter 1: The Boy Who Lived', true],
		['BOOK ONE: 1805', true],
		['BOOK FIFTEEN: 1812 - 13', true],
		['Book Twenty-Three', true],
		['FIRST EPILOGUE: 1813 - 20', true],
		['SECOND EPILOGUE', true],
		['Epilogue', true],
		['XII', true],
		['CHAPTER I', true],
		['Civil.', false],
		['Part mild.', false],
		['Part of him wanted to leave.', false],
		['Chapter one was dull, he said.', false],
		['Second thoughts on the epilogue', false],
		['I', true],
	])('%s → %s', (line, expected) => {
		expect(isChapterHeading(line)).toBe(expected);
	});
});

describe('isBreakMarker', () => {
	it.each([
		['* * *', true],
		['***', true],
		['~~~~', true],
		['#', true],
		['⁂', true],
		['**bold**', false],
		['- A list', false],
	])('%s → %s', (line, expected) => {
		expect(isBreakMarker(line)).toBe(expected);
	});
});

describe('parseText', () => {
	it('treats each line of unwrapped text as a paragraph and two blank lines as a scene break', () => {
		expect(shown('One long line.\n\nTwo.\n\n\nThree.')).toEqual(['paragraph:One long line.', 'paragraph:Two.', '<break>', 'paragraph:Three.']);
	});

	it('joins hard-wrapped lines into one paragraph of single-spaced words', () => {
		const raw = 'It was a bright cold day\nin April, and the clocks\nwere striking thirteen.\n\nWinston Smith, his chin\nnuzzled into his breast.\n';
		expect(shown(raw)).toEqual(['paragraph:It was a bright cold day in April, and the clocks were striking thirteen.', 'paragraph:Winston Smith, his chin nuzzled into his breast.']);
	});

	it('keeps the line breaks of verse inside hard-wrapped prose', () => {
		const prose = 'The Rat was sitting on the river bank, singing a little song that he\nhad just composed himself, so he was very taken up with it.';
		const s = story(`${prose}\n\nAll along the backwater,\nThrough the rushes tall,\nDucks are a-dabbling.\n\n${prose}\n`);
		expect(s.blocks.map((b) => Boolean(b.lineBreaks))).toEqual([false, true, false]);
		expect(s.text.slice(s.blocks[1]!.start, s.blocks[1]!.end)).toBe('All along the backwater,\nThrough the rushes tall,\nDucks are a-dabbling.');
	});

	it('separates blocks with a blank line, drops a BOM, turns CRLF and lone CR into newlines and neutralises escape sequences', () => {
		const s = story('\uFEFFa\r\n\r\nb\rc \u001B[31mred\u009B');
		expect(s.text).toBe('a\n\nb\n\nc \u241B[31mred\uFFFD');
		expectSaneStory(s);
	});

	it('reads a file whose lines end in CR alone', () => {
		expect(story('a\r\rb\r\rc').text).toBe('a\n\nb\n\nc');
	});

	it('makes chapter headings and lists them as chapters', () => {
		const s = story('CHAPTER I.\n\nIt begins.\n\nCHAPTER II.\n\nIt goes on.');
		expect(s.chapters.map((c) => c.title)).toEqual(['CHAPTER I.', 'CHAPTER II.']);
		expect(s.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
		expect(s.chapters.map((c) => c.start)).toEqual([s.blocks[0]!.start, s.blocks[2]!.start]);
	});

	it('takes a short line right under a heading as its title', () => {
		const wrapped = 'Alice was beginning to get very tired of sitting by her sister on the\nbank, and of having nothing to do.';
		const s = story(`CHAPTER I.\nDown the Rabbit-Hole\n\n${wrapped}\n\nCHAPTER II\nThe Pool of Tears\n\n${wrapped}\n`);
		expect(s.chapters.map((c) => c.title)).toEqual(['CHAPTER I. Down the Rabbit-Hole', 'CHAPTER II: The Pool of Tears']);
	});

	it('does not take a heading inside a paragraph for a chapter', () => {
		const s = story('He turned the page and there it was, the number at the top of\nXII\nbut nothing under it, as far as he could see from there.\n');
		expect(s.chapters).toEqual([]);
	});

	it('keeps a table of contents as one block instead of making its headings chapters', () => {
		const body = (n: number) => `Text of chapter ${n}, long enough to be prose that wraps at seventy columns,\nand its second line.`;
		const raw = ['CONTENTS', 'BOOK ONE', 'CHAPTER I', 'CHAPTER II', 'BOOK TWO', 'CHAPTER I', '', 'BOOK ONE', 'CHAPTER I', body(1), 'CHAPTER II', body(2), 'BOOK TWO', 'CHAPTER I', body(3)].join('\n\n');
		const s = story(raw);
		expect(s.chapters.map((c) => c.title)).toEqual(['BOOK ONE', 'CHAPTER I', 'CHAPTER II', 'BOOK TWO', 'CHAPTER I']);
		expect(shownBlocks(s).slice(0, 2)).toEqual(['paragraph:CONTENTS', 'paragraph:BOOK ONE\nCHAPTER I\nCHAPTER II\nBOOK TWO\nCHAPTER I']);
	});

	it('shows _underscored_ words in italics without the underscores, even across a line break', () => {
		const s = story('“_You_ want to tell me, and I have no objection to hearing _it, but\nnot now_,” said snake_case_name.');
		expect(s.text).toBe('“You want to tell me, and I have no objection to hearing it, but not now,” said snake_case_name.');
		expect(spanTexts(s, 'italic')).toEqual(['You', 'it, but not now']);
	});

	it('keeps a Project Gutenberg header and licence out of the text and reads the header', () => {
		const raw = [
			'The Project Gutenberg EBook of A Short Tale, by A. Writer',
			'',
			'Title: A Short Tale',
			'',
			'Author: A. Writer',
			'',
			'Release Date: May 1, 2001 [EBook #1234]',
			'',
			'Language: English',
			'',
			'*** START OF THIS PROJECT GUTENBERG EBOOK A SHORT TALE ***',
			'',
			'The tale itself.',
			'',
			'End of the Project Gutenberg EBook of A Short Tale, by A. Writer',
			'',
			'*** END OF THIS PROJECT GUTENBERG EBOOK A SHORT TALE ***',
			'',
			'The licence.',
		].join('\r\n');
		const s = parseText(raw, {key: 'k', title: 'file-name', titleIsFallback: true});
		expect(s.text).toBe('The tale itself.');
		expect(s.title).toBe('A Short Tale');
		expect(s.meta).toMatchObject({author: 'A. Writer', language: 'English', source: 'Project Gutenberg #1234'});
		expect(s.meta.notes?.[0]).toMatch(/^The Project Gutenberg EBook of A Short Tale[\s\S]*\*\*\* START OF/);
		expect(s.meta.notes?.[1]).toMatch(/^End of the Project Gutenberg EBook[\s\S]*The licence\.$/);
	});

	it('keeps the title the caller gives when it is not a fallback', () => {
		expect(parseText('Title: Other\n\n*** START OF THE PROJECT GUTENBERG EBOOK X ***\n\nText.', {key: 'k', title: 'Mine'}).title).toBe('Mine');
	});

	it('shows a line of asterisks as a scene break, never at the start or the end', () => {
		expect(shown('* * *\nA.\n* * *\nB.\n\n\n\n***')).toEqual(['paragraph:A.', '<break>', 'paragraph:B.']);
	});

	it('gives an empty story no blocks', () => {
		expect(story('').blocks).toEqual([]);
		expect(story(' \n\n \n').blocks).toEqual([]);
	});
});

describe('the Project Gutenberg text corpus', () => {
	it('opens War and Peace with its books and chapters, not the contents list', () => {
		const bytes = corpusFile('text/war-and-peace-2600.txt');
		if (!bytes) return;
		const s = parseText(new TextDecoder().decode(bytes), {key: 'k', title: 'w', titleIsFallback: true});
		expectSaneStory(s);
		expect(s.title).toBe('War and Peace');
		expect(s.meta).toMatchObject({author: 'Leo Tolstoy', source: 'Project Gutenberg #2600'});
		expect(s.chapters.slice(0, 3).map((c) => c.title)).toEqual(['BOOK ONE: 1805', 'CHAPTER I', 'CHAPTER II']);
		expect(s.text.slice(s.chapters[1]!.start)).toMatch(/^CHAPTER I\n\n“Well, Prince, so Genoa and Lucca/);
		const titles = s.chapters.map((c) => c.title);
		expect(titles.filter((t) => t.startsWith('CHAPTER'))).toHaveLength(365);
		expect(titles).toContain('BOOK FIFTEEN: 1812 - 13');
		expect(titles).toContain('FIRST EPILOGUE: 1813 - 20');
		expect(titles).toContain('SECOND EPILOGUE');
		expect(s.text).not.toContain('PROJECT GUTENBERG');
	});

	it('opens Pride and Prejudice with 61 chapters and its italics', () => {
		const bytes = corpusFile('text/pride-and-prejudice-1342.txt');
		if (!bytes) return;
		const s = parseText(new TextDecoder().decode(bytes), {key: 'k', title: 'p', titleIsFallback: true});
		expectSaneStory(s);
		expect(s.chapters.map((c) => c.title)).toEqual(Array.from({length: 61}, (_, i) => `Chapter ${i + 1}`));
		// 402 italics sit on one line each and two run over a line break: 808 underscores in all.
		expect(spanTexts(s, 'italic')).toHaveLength(404);
		expect(spanTexts(s, 'italic')).toContain('being created');
		expect(s.text).not.toContain('_');
	});
});
