/**
 * The whole-book index counted on a real worker thread, which runs the built dist/start.js (built by
 * `npm test` before the tests run), as the reader's does.
 */
import {existsSync, readdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {loadHyphenation} from '../core/hyphenate.js';
import {Layout} from '../core/layout.js';
import {WordIndex} from '../core/pace.js';
import type {Typography} from '../core/typeset.js';
import {parseText} from '../formats/text.js';
import {repoRoot} from '../formats/testkit.js';
import {indexOnWorker} from './index-worker.js';
import {cachedStories} from './testkit.js';

const START_SCRIPT = path.join(repoRoot, 'dist', 'start.js');
const TYPOGRAPHY: Typography = {justify: false, hyphenate: false, paragraphStyle: 'spaced', spacing: 1, notes: 'open'};

const cachedStory = cachedStories();

function offload() {
	expect(existsSync(START_SCRIPT), 'dist/start.js is missing: run `npm run build` (npm test does)').toBe(true);
	// Workers stop 100 ms after their last count: none outlives its test. The book here is short:
	// the reader counts books this short on its event loop.
	return indexOnWorker(START_SCRIPT, {idleMs: 100, minChars: 0})!;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('indexOnWorker', () => {
	it('counts a cached book on a worker thread: the same rows, words and page starts as counted here', async () => {
		const {parsed, story} = cachedStory();
		const counts = await offload().count({story, width: 52, typography: TYPOGRAPHY, words: true, height: 20})!.counts;
		const layout = new Layout(parsed, 52, TYPOGRAPHY);
		const words = new WordIndex(parsed);
		expect(layout.buildIndex(Infinity) && words.build(Infinity)).toBe(true);
		expect(counts).toBeDefined();
		expect(Array.from(counts!.rows)).toEqual(Array.from(layout.rowCounts()!));
		expect(Array.from(counts!.words!)).toEqual(Array.from(words.counts()!));
		expect(Array.from(counts!.pages!.starts)).toEqual(Array.from(layout.pageStarts(20)!));
	});

	it('hyphenates as the reader does when the typography asks for it', async () => {
		// Long words in a narrow column: hyphenated, they take fewer rows.
		const {parsed, story} = cachedStory(Array.from({length: 300}, (_, i) => `Paragraph ${i}: extraordinarily incomprehensible characterisations, notwithstanding considerable understanding.`).join('\n\n'));
		const typography = {...TYPOGRAPHY, justify: true, hyphenate: true};
		await loadHyphenation();
		const counts = await offload().count({story, width: 24, typography, words: false, height: 15})!.counts;
		const layout = new Layout(parsed, 24, typography);
		const unhyphenated = new Layout(parsed, 24, {...typography, hyphenate: false});
		layout.buildIndex(Infinity);
		unhyphenated.buildIndex(Infinity);
		expect(layout.totalRows()).toBeLessThan(unhyphenated.totalRows()!);
		expect(Array.from(counts!.rows)).toEqual(Array.from(layout.rowCounts()!));
		expect(Array.from(counts!.pages!.starts)).toEqual(Array.from(layout.pageStarts(15)!));
	});

	it('gives up a count no longer wanted, goes on after being held, and serves count after count', async () => {
		const {parsed, story} = cachedStory();
		const worker = offload();
		const first = worker.count({story, width: 30, typography: TYPOGRAPHY, words: false, height: undefined})!;
		first.cancel();
		expect(await first.counts).toBeUndefined();
		worker.hold();
		const second = await worker.count({story, width: 30, typography: TYPOGRAPHY, words: false, height: undefined})!.counts;
		const third = await worker.count({story, width: 70, typography: TYPOGRAPHY, words: false, height: undefined})!.counts;
		const layout = new Layout(parsed, 70, TYPOGRAPHY);
		layout.buildIndex(Infinity);
		expect(second!.rows.length).toBe(parsed.blocks.length + 1);
		expect(Array.from(third!.rows)).toEqual(Array.from(layout.rowCounts()!));
	});

	it.runIf(process.platform === 'linux')('stops its thread once it has had nothing to count for a while, and starts another for the next count', async () => {
		const {story} = cachedStory();
		const threads = () => readdirSync('/proc/self/task').length;
		await sleep(300);
		const before = threads();
		const worker = offload();
		const request = {story, width: 40, typography: TYPOGRAPHY, words: false, height: undefined};
		expect(await worker.count(request)!.counts).toBeDefined();
		expect(threads()).toBe(before + 1);
		for (let i = 0; i < 100 && threads() > before; i++) await sleep(20);
		expect(threads()).toBe(before);
		expect(await worker.count(request)!.counts).toBeDefined();
	});

	it('answers with no counts when its worker cannot run, so that the reader counts the book itself', async () => {
		const {story} = cachedStory();
		const broken = indexOnWorker(path.join(repoRoot, 'dist', 'no-such-start.js'), {idleMs: 100, minChars: 0})!;
		expect(await broken.count({story, width: 40, typography: TYPOGRAPHY, words: true, height: 10})!.counts).toBeUndefined();
	});

	it('leaves a story not read from the cache, or a short one, to be counted here, and is not there outside the bundle', () => {
		expect(offload().count({story: parseText('A short story.', {key: 's', title: 'S'}), width: 40, typography: TYPOGRAPHY, words: true, height: 10})).toBeUndefined();
		const {story} = cachedStory();
		expect(indexOnWorker(START_SCRIPT)!.count({story, width: 40, typography: TYPOGRAPHY, words: true, height: 10})).toBeUndefined();
		// The tests of the source run without dist/start.js's modules: no worker.
		expect(indexOnWorker()).toBeUndefined();
	});
});
