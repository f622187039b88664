import {describe, expect, it} from 'vitest';
import {Layout} from '../core/layout.js';
import {WordIndex} from '../core/pace.js';
import type {Typography} from '../core/typeset.js';
import {parseText} from '../formats/text.js';
import {countIndex} from './index-count.js';
import {entryOf} from './story-cache.js';
import {cachedStories} from './testkit.js';

const TYPOGRAPHY: Typography = {justify: true, hyphenate: false, paragraphStyle: 'indented', spacing: 1, notes: 'open'};

const cachedStory = cachedStories();

describe('countIndex (the worker side of the whole-book index)', () => {
	it('counts the rows, words and page starts of a cached book as the reader would count them', async () => {
		const {parsed, story} = cachedStory();
		const ref = entryOf(story)!;
		expect(ref).toMatchObject({file: '/books/long.txt', parser: 'parser-1', blocks: parsed.blocks.length, length: parsed.text.length});
		let pauses = 0;
		const counts = (await countIndex({ref, width: 44, typography: TYPOGRAPHY, words: true, height: 12}, () => pauses++))!;
		const layout = new Layout(parsed, 44, TYPOGRAPHY);
		const words = new WordIndex(parsed);
		expect(layout.buildIndex(Infinity) && words.build(Infinity)).toBe(true);
		expect(Array.from(counts.rows)).toEqual(Array.from(layout.rowCounts()!));
		expect(Array.from(counts.words!)).toEqual(Array.from(words.counts()!));
		expect(counts.pages!.height).toBe(12);
		expect(Array.from(counts.pages!.starts)).toEqual(Array.from(layout.pageStarts(12)!));
		// It looked whether to give way every thousand characters or so.
		expect(pauses).toBeGreaterThan(parsed.text.length / 2048);
	});

	it('counts only what it is asked for', async () => {
		const {story} = cachedStory();
		const counts = (await countIndex({ref: entryOf(story)!, width: 60, typography: TYPOGRAPHY, words: false}))!;
		expect(counts.rows.length).toBe(story.blocks.length + 1);
		expect(counts.words).toBeUndefined();
		expect(counts.pages).toBeUndefined();
	});

	it('counts nothing when the entry is not the story the reader has', async () => {
		const {story} = cachedStory();
		const ref = entryOf(story)!;
		expect(await countIndex({ref: {...ref, blocks: ref.blocks + 1}, width: 44, typography: TYPOGRAPHY, words: true})).toBeUndefined();
		expect(await countIndex({ref: {...ref, parser: 'parser-2'}, width: 44, typography: TYPOGRAPHY, words: true})).toBeUndefined();
		// A story not read from the cache has no entry to count from.
		expect(entryOf(parseText('Short.', {key: 's', title: 'S'}))).toBeUndefined();
	});
});
