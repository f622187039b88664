import {describe, expect, it} from 'vitest';
import {parseText} from '../formats/text.js';
import {DEFAULT_PACE, WordIndex, formatMinutes, timeLeft, updatePace} from './pace.js';
import {CHARS_PER_CHECK} from './slice-clock.js';

describe('pace', () => {
	it('moves toward the pace of a plausible page turn', () => {
		expect(updatePace(230, 300, 60)).toBeGreaterThan(230);
		expect(updatePace(230, 300, 60)).toBeLessThan(300);
		expect(updatePace(230, 100, 60)).toBeLessThan(230);
	});

	it('ignores skimmed and abandoned pages', () => {
		expect(updatePace(230, 300, 1)).toBe(230);
		expect(updatePace(230, 300, 3600)).toBe(230);
		expect(updatePace(230, 5, 30)).toBe(230);
	});

	it('writes durations as a reader says them', () => {
		expect(formatMinutes(0.4)).toBe('under a minute');
		expect(formatMinutes(12.2)).toBe('12 min');
		expect(formatMinutes(190)).toBe('3 h 10 min');
		expect(formatMinutes(120)).toBe('2 h');
	});
});

describe('timeLeft', () => {
	const words = (n: number) => Array.from({length: n}, (_, i) => `w${i}`).join(' ');
	const story = parseText(`CHAPTER I.\n\n${words(460)}\n\nCHAPTER II.\n\n${words(2300)}`, {key: 'k', title: 'T'});
	const index = new WordIndex(story);

	it('knows nothing until the words are counted, then counts them all', () => {
		expect(index.wordsBefore(0)).toBeUndefined();
		expect(index.build(Infinity)).toBe(true);
		expect(index.wordsBefore(story.text.length)).toBe(2 + 460 + 2 + 2300);
	});

	it('counts a few thousand characters a slice once its deadline has passed, and the same words in the end', () => {
		const paragraph = Array(100).fill('word').join(' ');
		const long = parseText(Array(300).fill(paragraph).join('\n\n'), {key: 'l', title: 'L'});
		const sliced = new WordIndex(long);
		let slices = 1;
		while (!sliced.build(0, () => 1)) slices++;
		// Each slice counts at most the characters between two looks at the clock, and one paragraph more.
		expect(slices).toBeGreaterThanOrEqual(Math.floor(long.text.length / (CHARS_PER_CHECK + paragraph.length)));
		expect(sliced.wordsBefore(long.text.length)).toBe(300 * 100);
	});

	it('takes the counts of an index of the same story made elsewhere, and not those of another', () => {
		const elsewhere = new WordIndex(story);
		expect(elsewhere.counts()).toBeUndefined();
		elsewhere.build(Infinity);
		const here = new WordIndex(story);
		expect(here.adopt(new Float64Array(story.blocks.length))).toBe(false);
		expect(here.wordsBefore(story.text.length)).toBeUndefined();
		expect(here.adopt(elsewhere.counts()!)).toBe(true);
		expect(here.counts()).toBe(elsewhere.counts());
		expect(here.wordsBefore(story.chapters[1]!.start)).toBe(2 + 460);
		expect(here.wordsBefore(story.text.length)).toBe(2 + 460 + 2 + 2300);
	});

	it('gives the chapter and the book at the default pace', () => {
		const second = story.chapters[1]!.start;
		expect(timeLeft(index, story, story.chapters[0]!.start, DEFAULT_PACE)).toEqual(['2 min left in chapter · 12 min in book', '2 min left in chapter', '12 min left']);
		expect(timeLeft(index, story, second, DEFAULT_PACE)[0]).toBe('10 min left in chapter · 10 min in book');
	});

	it('gives the book alone for a story without chapters', () => {
		const plain = parseText(words(2300), {key: 'p', title: 'P'});
		const plainIndex = new WordIndex(plain);
		plainIndex.build(Infinity);
		expect(timeLeft(plainIndex, plain, 0, DEFAULT_PACE)).toEqual(['10 min left']);
	});
});
