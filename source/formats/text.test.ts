import {describe, expect, it} from 'vitest';
import {isBreakMarker, isChapterHeading, parseText} from './text.js';

const story = (raw: string) => parseText(raw, {key: 'k', title: 'T'});
const shown = (raw: string) => {
	const s = story(raw);
	return s.blocks.map((b) => (b.kind === 'break' ? '<break>' : `${b.kind}:${s.text.slice(b.start, b.end)}`));
};

describe('isChapterHeading', () => {
	it.each([
		['CHAPTER IV.', true],
		['Chapter 1: The Boy Who Lived', true],
		['BOOK ONE: 1805', true],
		['Epilogue', true],
		['XII', true],
		['CHAPTER I', true],
		['Civil.', false],
		['Part mild.', false],
		['Part of him wanted to leave.', false],
		['Chapter one was dull, he said.', false],
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

	it('joins hard-wrapped lines into paragraphs and keeps their offsets in the text', () => {
		const raw = 'It was a bright cold day\nin April, and the clocks\nwere striking thirteen.\n\nWinston Smith, his chin\nnuzzled into his breast.\n';
		expect(shown(raw)).toEqual([
			'paragraph:It was a bright cold day\nin April, and the clocks\nwere striking thirteen.',
			'paragraph:Winston Smith, his chin\nnuzzled into his breast.',
		]);
	});

	it('drops a BOM, turns CRLF and lone CR into newlines and neutralises escape sequences', () => {
		const s = story('\uFEFFa\r\nb\rc \u001B[31mred\u009B');
		expect(s.text).toBe('a\nb\nc \u241B[31mred\uFFFD');
	});

	it('makes chapter headings and lists them as chapters', () => {
		const s = story('CHAPTER I.\n\nIt begins.\n\nCHAPTER II.\n\nIt goes on.');
		expect(s.chapters.map((c) => c.title)).toEqual(['CHAPTER I.', 'CHAPTER II.']);
		expect(s.blocks.map((b) => b.kind)).toEqual(['heading', 'paragraph', 'heading', 'paragraph']);
	});

	it('shows a line of asterisks as a scene break, never at the start or the end', () => {
		expect(shown('* * *\nA.\n* * *\nB.\n\n\n\n***')).toEqual(['paragraph:A.', '<break>', 'paragraph:B.']);
	});

	it('gives an empty story no blocks', () => {
		expect(story('').blocks).toEqual([]);
		expect(story(' \n\n \n').blocks).toEqual([]);
	});
});
