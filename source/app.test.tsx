import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {App, type AppProps, type Session} from './app.js';
import type {LibraryItem} from './core/library.js';
import type {Story} from './core/story.js';
import {cellWidth} from './core/width.js';
import {parseText} from './formats/text.js';
import {memoryStorage} from './io/storage.js';
import type {StorySource} from './io/stories.js';
import {type Size, type SizeSource, fixedSize} from './ui/size.js';

afterEach(cleanup);

const keys = {space: ' ', escape: '\u001B', enter: '\r', pageDown: '\u001B[6~', down: '\u001B[B'} as const;

// One paragraph per line, each long enough to wrap to three rows, with words that name their place.
function paragraphs(from: number, to: number, prefix = 'w'): string[] {
	return Array.from({length: to - from}, (_, i) => {
		const p = from + i;
		return [`Paragraph ${p}:`, ...Array.from({length: 30}, (_, w) => `${prefix}${p}.${w}`)].join(' ');
	});
}

const lighthouseText = ['CHAPTER I.', ...paragraphs(0, 20), 'CHAPTER II.', ...paragraphs(20, 40)].join('\n\n');
const lighthouse = parseText(lighthouseText, {key: 'story-lighthouse', title: 'The Lighthouse'});
const lighthouseSource: StorySource = {kind: 'bundled', id: 'lighthouse'};

const harbour = parseText(['CHAPTER I.', ...paragraphs(0, 10, 'h')].join('\n\n'), {key: 'story-harbour', title: 'The Harbour'});
const harbourSource: StorySource = {kind: 'file', path: '/books/harbour.txt'};

const items: Array<LibraryItem<StorySource>> = [
	{key: 'story-lighthouse', title: 'The Lighthouse', byline: 'V. Woolf', percent: 0, readAt: Date.now(), source: lighthouseSource},
	{key: 'story-harbour', title: 'The Harbour', byline: 'Anonymous', source: harbourSource},
];

const beacon: StorySource = {kind: 'file', path: '/books/beacon.txt'};
const threeItems = [...items, {key: 'story-beacon', title: 'The Beacon', source: beacon}];

const tick = (ms = 20) => new Promise((resolve) => setTimeout(resolve, ms));

// Polls until `check` passes; Ink handles input and effects asynchronously.
async function until(check: () => void, timeout = 2000): Promise<void> {
	await vi.waitFor(check, {timeout, interval: 5});
}

function rowsOf(frame: string | undefined): string[] {
	return (frame ?? '').split('\n');
}

type Start = Partial<AppProps> & {readonly withoutStory?: boolean};

// Renders the App with in-memory I/O and waits for its first frame.
async function start(options: Start = {}) {
	const {withoutStory, ...overrides} = options;
	const session: Session = {};
	const props: AppProps = {
		...(withoutStory ? {} : {story: lighthouse, source: lighthouseSource}),
		size: fixedSize(100, 30),
		library: vi.fn(() => items),
		open: vi.fn((source: StorySource) => (source.kind === 'file' ? {story: harbour, offset: 0} : {story: lighthouse, offset: 0})),
		save: vi.fn(),
		session,
		marks: memoryStorage(),
		saveDelay: 0,
		...overrides,
	};
	const app = render(<App {...props} />);
	const rows = () => rowsOf(app.lastFrame());
	const frame = () => app.lastFrame() ?? '';
	// Sends a key and waits for the render it causes, then one more turn of the event loop: Ink
	// re-subscribes the input handler in an effect, and a key sent before that meets the old one.
	const press = async (key: string) => {
		const before = app.frames.length;
		app.stdin.write(key);
		await until(() => expect(app.frames.length).toBeGreaterThan(before));
		await tick(1);
	};
	// Sends a key that should change nothing, and gives Ink time to (not) react.
	const pressIgnored = async (key: string) => {
		app.stdin.write(key);
		await tick(40);
	};
	await until(() => expect(app.lastFrame()).toBeDefined());
	return {...app, props, session, rows, frame, press, pressIgnored};
}

type Started = Awaited<ReturnType<typeof start>>;

const statusPattern = /(\d+) of (\d+) · (\d+)%$/;

// Waits for the whole-book index, then reads the status line's page, page count and percent.
async function status(app: Started): Promise<{page: number; pages: number; percent: number}> {
	await until(() => expect(app.rows().at(-1)).toMatch(statusPattern));
	const [, page, pages, percent] = statusPattern.exec(app.rows().at(-1)!)!;
	return {page: Number(page), pages: Number(pages), percent: Number(percent)};
}

// The page's body rows at 100x30: a top margin row, 27 body rows, a gap and the status line.
function body(app: Started): string[] {
	return app.rows().slice(1, 28);
}

// The offset in `story` of the text a row shows (rows show words separated by single spaces).
function offsetOf(story: Story, row: string): number {
	const offset = story.text.indexOf(row.trim());
	if (offset < 0) throw new Error(`row not in story: ${row}`);
	return offset;
}

describe('App: reading', () => {
	it('opens on the first page of the story, with title, chapter and "1 of N · 0%" in the status line', async () => {
		const app = await start();
		await status(app);
		const rows = app.rows();
		expect(rows).toHaveLength(30);
		expect(rows[1]?.trim()).toBe('CHAPTER I.');
		expect(app.frame()).toContain('Paragraph 0: w0.0 w0.1');
		expect(rows.at(-1)).toMatch(/^ {16}The Lighthouse · CHAPTER I\. +(?:\d+ min left in chapter · )?1 of \d+ · 0%$/);
		expect((await status(app)).pages).toBeGreaterThanOrEqual(5);
	});

	it('turns to the next page with space: its first line is the line after page 1\'s last body line', async () => {
		// A taller terminal with the same width shows page 1 and what follows it.
		const tall = await start({size: fixedSize(100, 60)});
		const continuation = tall.rows().slice(1, 58);
		tall.unmount();

		const app = await start();
		await status(app);
		const first = body(app);
		expect(continuation.slice(0, 27)).toEqual(first);
		await app.press(keys.space);
		const second = body(app);
		// Tops never rest on a blank row, so the next page starts at the next non-blank row.
		let next = 27;
		while (continuation[next] === '') next++;
		expect(second[0]).not.toBe('');
		expect(second[0]).toBe(continuation[next]);
		// The rest of page 2 is the rest of the tall page, row for row.
		const overlap = continuation.slice(next, next + second.length);
		expect(second.slice(0, overlap.length)).toEqual(overlap);
		expect(await status(app)).toMatchObject({page: 2});
	});

	it('turns the page with PageDown and f exactly as with space', async () => {
		const bySpace = await start();
		await status(bySpace);
		await bySpace.press(keys.space);
		await status(bySpace);
		for (const key of [keys.pageDown, 'f']) {
			const app = await start();
			await status(app);
			await app.press(key);
			await status(app);
			expect(app.frame()).toBe(bySpace.frame());
		}
	});

	it('goes back to exactly the first page with b', async () => {
		const app = await start();
		await status(app);
		const firstPage = app.frame();
		await app.press(keys.space);
		expect(app.frame()).not.toBe(firstPage);
		await app.press('b');
		expect(app.frame()).toBe(firstPage);
	});

	it('scrolls one line with the down arrow, past the blank rows under the heading', async () => {
		const app = await start();
		await status(app);
		await app.press(keys.down);
		expect(body(app)[0]?.trim()).toMatch(/^Paragraph 0: w0\.0 /);
		expect(body(app).join('\n')).not.toContain('CHAPTER I.');
	});

	it('goes to the end with G, showing 100% and the last words, and back to the start with g', async () => {
		const app = await start();
		const {pages} = await status(app);
		const firstPage = app.frame();
		await app.press('G');
		expect(await status(app)).toEqual({page: pages, pages, percent: 100});
		expect(app.frame()).toContain('w39.29');
		expect(app.rows().at(-1)).toContain('The Lighthouse · CHAPTER II.');
		await app.press('g');
		expect(app.frame()).toBe(firstPage);
	});

	it('numbers the pages 1, 2, 3 … N while paging through with space, and ends at 100%', async () => {
		const app = await start();
		const {pages} = await status(app);
		const seen = [(await status(app)).page];
		for (let i = 1; i < pages; i++) {
			await app.press(keys.space);
			seen.push((await status(app)).page);
		}
		expect(seen).toEqual(Array.from({length: pages}, (_, i) => i + 1));
		expect((await status(app)).percent).toBe(100);
		expect(app.frame()).toContain('w39.29');
		// Space on the last page changes nothing.
		const last = app.frame();
		await app.pressIgnored(keys.space);
		expect(app.frame()).toBe(last);
	});

	it('numbers the pages consecutively when every page skips a blank row', async () => {
		const short = parseText(Array.from({length: 120}, (_, p) => `Paragraph ${p}: w${p}.0 w${p}.1 w${p}.2`).join('\n\n'), {key: 'short', title: 'Short'});
		const app = await start({story: short, size: fixedSize(100, 6)});
		const seen = [(await status(app)).page];
		for (let i = 0; i < 6; i++) {
			await app.press(keys.space);
			seen.push((await status(app)).page);
		}
		expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7]);
	});

	it('shows the help with ? and returns to the same page with Escape, or with ? again', async () => {
		const app = await start();
		await status(app);
		await app.press(keys.space);
		const page = app.frame();
		for (const close of [keys.escape, '?']) {
			await app.press('?');
			expect(app.frame()).toContain('Lectern keys');
			expect(app.frame()).toContain('Next page');
			expect(app.frame()).not.toContain('Paragraph');
			await app.press(close);
			expect(app.frame()).toBe(page);
		}
	});

	it('ignores reading keys while the help is open', async () => {
		const app = await start();
		await status(app);
		const page = app.frame();
		await app.press('?');
		await app.pressIgnored(keys.space);
		await app.press(keys.escape);
		expect(app.frame()).toBe(page);
	});

	it('shows a notice passed in the status line until the reader moves', async () => {
		const app = await start({notice: 'Your settings file could not be read.'});
		await status(app);
		expect(app.rows().at(-1)).toMatch(/^ +Your settings file could not be read\. +1 of \d+ · 0%$/);
		await app.press(keys.space);
		expect(app.frame()).not.toContain('settings file');
		expect(app.rows().at(-1)).toContain('The Lighthouse · CHAPTER I.');
	});

	it('turns two pages when two spaces arrive in one read, as with key repeat or typing ahead', async () => {
		const app = await start();
		await status(app);
		app.stdin.write('  ');
		await until(() => expect(app.rows().at(-1)).toMatch(/ 3 of \d+/));
	});

	it('keeps the page turned by a key that arrives in the same read as q', async () => {
		const app = await start();
		await status(app);
		app.stdin.write(' ');
		await until(() => expect(app.rows().at(-1)).toMatch(/ 2 of \d+/));
		const page2 = offsetOf(lighthouse, body(app)[0]!);
		app.stdin.write(' q');
		await until(() => expect(app.stdin.listenerCount('readable')).toBe(0));
		const page3 = app.session.current?.offset;
		expect(page3).toBeGreaterThan(page2);
	});
});

describe('App: library', () => {
	it('opens the library with o, listing the items, and returns to the same page with Escape', async () => {
		const app = await start();
		await status(app);
		await app.press(keys.space);
		const page = app.frame();
		await app.press('o');
		const rows = app.rows().map((row) => row.trim());
		expect(rows[0]).toBe('Library');
		expect(rows).toContain('› The Lighthouse');
		expect(rows).toContain('V. Woolf · 0% read · just now');
		expect(rows).toContain('The Harbour');
		expect(rows).toContain('Anonymous · not started');
		await app.press(keys.escape);
		expect(app.frame()).toBe(page);
	});

	it('moves the selection with j and k, and with the arrow keys', async () => {
		const app = await start({withoutStory: true, library: () => threeItems});
		const selected = () => app.rows().find((row) => row.includes('›'))?.trim();
		await app.press('j');
		expect(selected()).toBe('› The Harbour');
		await app.press(keys.down);
		expect(selected()).toBe('› The Beacon');
		await app.press(keys.down);
		expect(selected()).toBe('› The Beacon');
		await app.press('k');
		expect(selected()).toBe('› The Harbour');
		await app.press('g');
		expect(selected()).toBe('› The Lighthouse');
		await app.press('G');
		expect(selected()).toBe('› The Beacon');
	});

	it.each([
		['jj', '› The Beacon'],
		[`${keys.down}${keys.down}`, '› The Beacon'],
	])('moves the selection twice when %j arrives in one read', async (input, expected) => {
		const app = await start({withoutStory: true, library: () => threeItems});
		app.stdin.write(input);
		await until(() => expect(app.rows().find((row) => row.includes('›'))?.trim()).toBe(expected), 300);
	});

	it('handles j in the library when "oj" arrives in one read', async () => {
		const app = await start({library: () => threeItems});
		await status(app);
		const page = app.frame();
		app.stdin.write('oj');
		await until(() => expect(app.rows().find((row) => row.includes('›'))?.trim()).toBe('› The Harbour'), 300);
		await app.press(keys.escape);
		expect(app.frame()).toBe(page);
	});

	it('reads the library afresh each time it opens', async () => {
		const app = await start();
		await status(app);
		const library = vi.mocked(app.props.library);
		const calls = library.mock.calls.length;
		await app.press('o');
		await app.press(keys.escape);
		await app.press('o');
		expect(library.mock.calls.length).toBe(calls + 2);
	});

	it('opens the selected story with Enter: asks open() for its source and shows it at the offset open() gives', async () => {
		const offset = harbour.text.indexOf('Paragraph 4:');
		const open = vi.fn(() => ({story: harbour, offset}));
		const app = await start({open});
		await status(app);
		await app.press('o');
		await app.press(keys.down);
		expect(app.rows().map((row) => row.trim())).toContain('› The Harbour');
		await app.press(keys.enter);
		expect(open).toHaveBeenCalledWith(harbourSource);
		expect(body(app)[0]?.trim()).toMatch(/^Paragraph 4: h4\.0 /);
		expect(app.frame()).not.toContain('Library');
		expect(app.rows().at(-1)).toMatch(/The Harbour · CHAPTER I\./);
	});

	it('shows the error open() throws as a notice in the library, and stays there', async () => {
		const open = vi.fn(() => {
			throw new Error('Cannot read /books/harbour.txt: it was moved or deleted.');
		});
		const app = await start({open});
		await status(app);
		await app.press('o');
		await app.press(keys.down);
		await app.press(keys.enter);
		expect(app.rows().at(-1)?.trim()).toBe('Cannot read /books/harbour.txt: it was moved or deleted.');
		expect(app.rows()[0]?.trim()).toBe('Library');
		expect(app.rows().map((row) => row.trim())).toContain('› The Harbour');
		// The notice goes with the library; the story underneath is untouched.
		await app.press(keys.escape);
		expect(app.rows()[1]?.trim()).toBe('CHAPTER I.');
		expect(app.frame()).not.toContain('moved or deleted');
	});

	it('opens on the library when there is no story, and Escape keeps it there', async () => {
		const app = await start({withoutStory: true});
		expect(app.rows()[0]?.trim()).toBe('Library');
		expect(app.frame()).toContain('› The Lighthouse');
		const library = app.frame();
		await app.pressIgnored(keys.escape);
		expect(app.frame()).toBe(library);
		expect(app.props.save).not.toHaveBeenCalled();
		expect(app.session.current).toBeUndefined();
	});

	it('opens a story from the library it started on', async () => {
		const app = await start({withoutStory: true});
		await app.press(keys.down);
		await app.press(keys.enter);
		expect(app.props.open).toHaveBeenCalledWith(harbourSource);
		expect((await status(app)).page).toBe(1);
		expect(app.frame()).toContain('Paragraph 0: h0.0');
	});

	it('shows the empty-library line when there is no story and no item', async () => {
		const app = await start({withoutStory: true, library: () => []});
		expect(app.frame()).toContain('No stories yet.');
		await app.pressIgnored(keys.enter);
		expect(app.frame()).toContain('No stories yet.');
	});

	it('opens the help with ?, as the library\'s hint line says', async () => {
		const app = await start({withoutStory: true});
		expect(app.frame()).toContain('? help');
		app.stdin.write('?');
		await until(() => expect(app.frame()).toContain('Lectern keys'), 300);
	});
});

describe('App: keeping the place', () => {
	it('saves the story, its source and the new offset after a page turn', async () => {
		const app = await start();
		await status(app);
		await app.press(keys.space);
		const offset = offsetOf(lighthouse, body(app)[0]!);
		expect(offset).toBeGreaterThan(0);
		await until(() => expect(app.props.save).toHaveBeenLastCalledWith(lighthouse, lighthouseSource, offset));
	});

	it('keeps session.current on the page shown, for the exit handlers', async () => {
		const app = await start();
		await status(app);
		await until(() => expect(app.session.current).toEqual({story: lighthouse, source: lighthouseSource, offset: 0}));
		await app.press(keys.space);
		await app.press(keys.space);
		const offset = offsetOf(lighthouse, body(app)[0]!);
		await until(() => expect(app.session.current).toEqual({story: lighthouse, source: lighthouseSource, offset}));
		await app.press('o');
		await app.press(keys.down);
		await app.press(keys.enter);
		await until(() => expect(app.session.current).toEqual({story: harbour, source: harbourSource, offset: 0}));
	});

	it('saves once after the reader stops moving, not for every page on the way', async () => {
		const app = await start({saveDelay: 300});
		await status(app);
		const save = vi.mocked(app.props.save);
		await until(() => expect(save).toHaveBeenCalledTimes(1));
		const passed: number[] = [];
		for (let i = 0; i < 3; i++) {
			await app.press(keys.space);
			passed.push(offsetOf(lighthouse, body(app)[0]!));
		}
		expect(save).toHaveBeenCalledTimes(1);
		await until(() => expect(save).toHaveBeenCalledTimes(2));
		expect(save).toHaveBeenLastCalledWith(lighthouse, lighthouseSource, passed.at(-1));
		await tick(350);
		expect(save.mock.calls.map((call) => call[2])).toEqual([0, passed.at(-1)]);
	});

	it('quits with q: Ink stops reading keys and later keys change nothing', async () => {
		const app = await start();
		await status(app);
		expect(app.stdin.listenerCount('readable')).toBe(1);
		app.stdin.write('q');
		await until(() => expect(app.stdin.listenerCount('readable')).toBe(0));
		const frames = app.frames.length;
		app.stdin.write(' ');
		await tick(40);
		expect(app.frames.length).toBe(frames);
	});

	it('quits with q from the library and from the help', async () => {
		for (const overlay of ['o', '?']) {
			const app = await start();
			await status(app);
			await app.press(overlay);
			app.stdin.write('q');
			await until(() => expect(app.stdin.listenerCount('readable')).toBe(0));
		}
	});
});

// A size source the test can change, as a terminal resize would.
function resizable(initial: Size): SizeSource & {resize(size: Size): void} {
	let size = initial;
	const listeners = new Set<() => void>();
	return {
		get: () => size,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		resize(next) {
			size = next;
			for (const listener of listeners) listener();
		},
	};
}

describe('App: terminal size', () => {
	it.each([
		[100, 30],
		[80, 24],
		[60, 11],
		[40, 12],
		[20, 6],
	])('draws exactly the terminal\'s rows at %ix%i, none wider than it', async (cols, rows) => {
		const app = await start({size: fixedSize(cols, rows)});
		await until(() => expect(app.rows().at(-1)).toContain('%'));
		expect(app.rows()).toHaveLength(rows);
		for (const row of app.rows()) expect(cellWidth(row)).toBeLessThanOrEqual(cols);
	});

	it.each([
		[100, 5],
		[19, 30],
	])('says "Terminal too small" at %ix%i, instead of a page', async (cols, rows) => {
		const app = await start({size: fixedSize(cols, rows)});
		expect(app.rows()[0]).toBe('Terminal too small');
		expect(app.rows()[1]).toBe(`${cols}x${rows} < 20x6`);
		expect(app.frame()).not.toContain('Paragraph');
	});

	it('fits its notice into 15x5 and still quits with q', async () => {
		const app = await start({size: fixedSize(15, 5)});
		const rows = app.rows();
		expect(rows[0]).toBe('Too small');
		expect(rows[1]).toBe('15x5 < 20x6');
		expect(rows.length).toBeLessThanOrEqual(5);
		for (const row of rows) expect(cellWidth(row)).toBeLessThanOrEqual(15);
		await app.pressIgnored(keys.space);
		expect(app.rows()[0]).toBe('Too small');
		app.stdin.write('q');
		await until(() => expect(app.stdin.listenerCount('readable')).toBe(0));
	});

	it('keeps the first word of the page on screen after the terminal narrows and shortens', async () => {
		const size = resizable({cols: 100, rows: 30});
		const app = await start({size});
		await status(app);
		await app.press(keys.space);
		await app.press(keys.space);
		const offset = offsetOf(lighthouse, body(app)[0]!);
		const word = lighthouse.text.slice(offset).split(' ')[0]!;
		size.resize({cols: 44, rows: 14});
		await until(() => expect(app.rows()).toHaveLength(14));
		const page = app.rows().slice(1, 12);
		expect(page[0]).toContain(word);
		for (const row of app.rows()) expect(cellWidth(row)).toBeLessThanOrEqual(44);
	});

	it('comes back to the same page when a too-small terminal grows again', async () => {
		const size = resizable({cols: 100, rows: 30});
		const app = await start({size});
		await status(app);
		await app.press(keys.space);
		const page = app.frame();
		size.resize({cols: 100, rows: 4});
		await until(() => expect(app.rows()[0]).toBe('Terminal too small'));
		size.resize({cols: 100, rows: 30});
		await until(() => expect(app.frame()).toBe(page));
	});
});
