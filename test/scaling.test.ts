/**
 * Layout and search scale with the story: the work a key press does is the same in a 20 MB story as
 * in a 200 KB one, and the whole-book index wraps each character once. Work is counted (characters
 * wrapped, layout calls), never timed, so the test holds on any machine.
 */
import {afterEach, describe, expect, it, vi} from 'vitest';
import {Layout} from '../source/core/layout.js';
import {type ReaderAction, type ReaderState, initialReaderState, readerReducer} from '../source/core/reader.js';
import {pageLines, progressAt} from '../source/core/screen.js';
import {search} from '../source/core/search.js';
import type {Block, Chapter, Story} from '../source/core/story.js';

const SENTENCES = [
	'The lantern swung on its hook while the ferryman counted the coins twice, as he always did.',
	'“You will not find another boat tonight,” he said, and the river agreed with him in the dark.',
	'She had walked from the mill with her brother’s letter folded small inside her glove.',
	'Rain came in over the marsh, first as a smell, then as a sound on the reeds, then as rain.',
	'Nobody on the landing knew the name she gave, which was the point of giving it.',
];

/** A story of about `bytes` characters: numbered chapters of paragraphs built from a few sentences. */
function generatedStory(bytes: number): Story {
	const parts: string[] = [];
	const blocks: Block[] = [];
	const chapters: Chapter[] = [];
	let length = 0;
	const add = (kind: Block['kind'], text: string) => {
		if (length > 0) {
			parts.push('\n\n');
			length += 2;
		}
		blocks.push({kind, start: length, end: length + text.length});
		parts.push(text);
		length += text.length;
	};
	for (let paragraph = 0; length < bytes; paragraph++) {
		if (paragraph % 40 === 0) {
			const title = `Chapter ${paragraph / 40 + 1}`;
			chapters.push({title, start: length + (length > 0 ? 2 : 0)});
			add('heading', title);
		}
		// Paragraphs of one to five sentences, so rows per block vary as in real prose.
		const count = 1 + (paragraph % 5);
		add('paragraph', Array.from({length: count}, (_, i) => SENTENCES[(paragraph + i) % SENTENCES.length]).join(' '));
	}
	return {key: `generated-${bytes}`, title: 'Generated', text: parts.join(''), blocks, chapters, meta: {}};
}

const SMALL = generatedStory(200_000);
const LARGE = generatedStory(20 * 1024 * 1024);
const HEIGHT = 27;
const WIDTH = 68;

/** The work one key press does: the reducer's move, then the frame (page, progress, styled rows). */
type Work = {wrapped: number; page: number; scroll: number; rows: number};

afterEach(() => {
	vi.restoreAllMocks();
});

// Presses `action` `times` times in `story`, starting at `fraction` of the way in, with the
// whole-book index built (as it is once the reader has been open a moment); returns each press's work.
function press(story: Story, action: ReaderAction, times: number, fraction = 0.5, width = WIDTH): Work[] {
	const layout = new Layout(story, width);
	layout.buildIndex(Number.POSITIVE_INFINITY);
	const context = {layout, height: HEIGHT, libraryLength: 0};
	let state: ReaderState = initialReaderState(layout.page(Math.floor(story.text.length * fraction), HEIGHT).start);
	state = {...state, search: {result: search(story.text, 'lantern')}};
	const frame = () => {
		const page = layout.page(state.offset, HEIGHT);
		pageLines(layout, page.rows);
		progressAt(layout, state.offset, HEIGHT);
	};
	frame();
	const page = vi.spyOn(layout, 'page');
	const scroll = vi.spyOn(layout, 'scroll');
	const rows = vi.spyOn(layout, 'rows');
	const work: Work[] = [];
	for (let i = 0; i < times; i++) {
		const before = {wrapped: layout.wrappedChars, page: page.mock.calls.length, scroll: scroll.mock.calls.length, rows: rows.mock.calls.length};
		state = readerReducer(state, action, context);
		frame();
		work.push({
			wrapped: layout.wrappedChars - before.wrapped,
			page: page.mock.calls.length - before.page,
			scroll: scroll.mock.calls.length - before.scroll,
			rows: rows.mock.calls.length - before.rows,
		});
	}
	return work;
}

const total = (work: Work[], key: keyof Work) => work.reduce((sum, w) => sum + w[key], 0);
const most = (work: Work[], key: keyof Work) => Math.max(...work.map((w) => w[key]));

// A press may wrap the paragraphs it shows and the ones next to them, never more than a few pages' worth.
const PRESS_LIMIT = 4 * HEIGHT * WIDTH;

describe('work per key press in a 20 MB story', () => {
	it('builds a story of at least 20 MB for the test', () => {
		expect(LARGE.text.length).toBeGreaterThanOrEqual(20 * 1024 * 1024);
		expect(LARGE.blocks.length).toBeGreaterThan(50 * SMALL.blocks.length);
	});

	for (const action of [{type: 'nextPage'}, {type: 'prevPage'}, {type: 'lineDown'}, {type: 'halfUp'}] as const) {
		it(`wraps no more characters and makes no more layout calls on ${action.type} than in a 200 KB story`, () => {
			const small = press(SMALL, action, 20);
			const large = press(LARGE, action, 20);
			expect(most(large, 'wrapped')).toBeLessThanOrEqual(PRESS_LIMIT);
			// The same text under the cursor costs the same: allow for the two stories' different paragraphs there.
			expect(total(large, 'wrapped')).toBeLessThanOrEqual(1.5 * total(small, 'wrapped') + PRESS_LIMIT);
			for (const key of ['page', 'scroll', 'rows'] as const) expect(most(large, key)).toBeLessThanOrEqual(most(small, key) * 1.5 + 10);
		});
	}

	it('jumps to the end, the start and the next chapter without wrapping the text in between', () => {
		for (const action of [{type: 'end'}, {type: 'start'}, {type: 'chapter', by: 1}, {type: 'goto', offset: Math.floor(LARGE.text.length * 0.9)}] as const) {
			const [work] = press(LARGE, action, 1, 0.3);
			expect(work!.wrapped, action.type).toBeLessThanOrEqual(PRESS_LIMIT);
		}
	});

	it('goes to the next search hit (n) with the same work in a 20 MB story as in a 200 KB one', () => {
		const small = press(SMALL, {type: 'searchStep', by: 1}, 10);
		const large = press(LARGE, {type: 'searchStep', by: 1}, 10);
		expect(most(large, 'wrapped')).toBeLessThanOrEqual(PRESS_LIMIT);
		expect(total(large, 'wrapped')).toBeLessThanOrEqual(1.5 * total(small, 'wrapped') + PRESS_LIMIT);
	});

	it('lays out a resized window around the place only', () => {
		const [work] = press(LARGE, {type: 'lineDown'}, 1, 0.7, 41);
		expect(work!.wrapped).toBeLessThanOrEqual(PRESS_LIMIT);
		const fresh = new Layout(LARGE, 52);
		fresh.page(Math.floor(LARGE.text.length * 0.7), HEIGHT);
		expect(fresh.wrappedChars).toBeLessThanOrEqual(PRESS_LIMIT);
	});
});

describe('whole-story work grows linearly', () => {
	it('wraps every character once to build the whole-book index, in slices', () => {
		const layout = new Layout(LARGE, WIDTH);
		let slices = 0;
		let clock = 0;
		// A fake clock that runs out after every call: the index must still finish, a slice at a time.
		while (!layout.buildIndex(0, () => ++clock)) slices++;
		expect(slices).toBeGreaterThan(100);
		expect(layout.wrappedChars).toBeLessThanOrEqual(LARGE.text.length);
		expect(layout.wrappedChars).toBeGreaterThan(0.9 * LARGE.text.length);
	});

	it('finds a hundred times the hits in a story a hundred times longer', () => {
		const small = search(SMALL.text, 'lantern').starts.length;
		const large = search(LARGE.text, 'lantern').starts.length;
		expect(large / small).toBeGreaterThan(0.9 * (LARGE.text.length / SMALL.text.length));
		expect(large / small).toBeLessThan(1.1 * (LARGE.text.length / SMALL.text.length));
	});
});
