/**
 * The quick first page (source/start.ts) is drawn before Ink is loaded, and Ink's first frame then
 * draws over it. A reader must not see the page change: each test holds the reader back after the
 * quick page, looks at every cell (character, colours, attributes), and compares it with what Ink
 * alone draws for the same story, place, settings and terminal (LECTERN_QUICK_START=0).
 */
import {mkdirSync, readdirSync, readFileSync, statSync, truncateSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {type PtyRun, spawnPty} from '../scripts/pty-harness.mjs';
import {bundle, readerSession, status} from './lectern.js';

const {config, track} = readerSession();

// A long book, opened once so that it is in the story cache: the next reader reopens it from there.
async function cachedBook() {
	const dir = config();
	const file = path.join(dir, 'long.txt');
	writeFileSync(file, STORY.repeat(1500));
	const env = {XDG_CONFIG_HOME: dir, XDG_CACHE_HOME: path.join(dir, 'cache')};
	const first = track(spawnPty(process.execPath, [bundle, file], {cols: 100, rows: 30, env}));
	await first.waitFor(status(/1 of \d+/), 10_000);
	first.write('q');
	expect((await first.waitForExit(10_000)).exitCode).toBe(0);
	return {dir, file, env};
}

type Case = {
	readonly name: string;
	readonly args: (dir: string) => string[];
	readonly env?: Record<string, string | undefined>;
	readonly settings?: Record<string, unknown>;
	readonly size?: {cols: number; rows: number};
};

const STORY = [
	'CHAPTER I.',
	'',
	'The _first_ chapter opens here, with a word in italics and a line long enough to wrap across the column more than once, so that the page has some shape to it.',
	'',
	'"Dialogue," she said, "reads as in a book."',
	'',
	'* * *',
	'',
	'After the break, a last paragraph: café, naïve, and an em dash — all of them one cell wide.',
	'',
].join('\n');

function storyFile(dir: string): string {
	const file = path.join(dir, 'story.txt');
	writeFileSync(file, STORY.repeat(20));
	return file;
}

const CASES: Case[] = [
	{name: 'the bundled story, 256 colours, default theme', args: () => ['buffy-angel-untitled']},
	{name: 'a text file with italics, a heading and a break, in truecolor sepia (a theme with a background)', args: (dir) => [storyFile(dir)], env: {COLORTERM: 'truecolor'}, settings: {theme: 'sepia'}},
	{name: 'no colour (NO_COLOR)', args: (dir) => [storyFile(dir)], env: {NO_COLOR: '1'}},
	{name: 'the Linux console: 16 colours, italics underlined', args: (dir) => [storyFile(dir)], env: {TERM: 'linux'}, settings: {theme: 'nord'}},
	{name: 'a narrow terminal, justified and indented, double spacing', args: (dir) => [storyFile(dir)], size: {cols: 44, rows: 14}, settings: {justify: true, paragraphStyle: 'indented', spacing: 2, width: 40}},
];

// A run of the reader, settled: its cells once the status line shows the page count.
async function settledCells(args: string[], dir: string, env: Record<string, string | undefined>, size: {cols: number; rows: number}, hold: boolean) {
	const run = track(
		spawnPty(process.execPath, [bundle, ...args], {
			...size,
			env: {XDG_CONFIG_HOME: dir, NO_COLOR: undefined, ...env, ...(hold ? {LECTERN_TEST_HOLD_READER_MS: '1500'} : {LECTERN_QUICK_START: '0'})},
		}),
	);
	await run.waitFor(status(/ of \d+ · \d+%$/), 10_000);
	const cells = run.cells();
	return {run, cells};
}

async function stop(...runs: PtyRun[]): Promise<void> {
	for (const run of runs) {
		run.kill('SIGTERM');
		await run.waitForExit(10_000);
	}
}

describe('the quick first page', () => {
	for (const testCase of CASES) {
		it(`is, cell for cell, the page Ink draws: ${testCase.name}`, async () => {
			const dir = config();
			if (testCase.settings) {
				mkdirSync(path.join(dir, 'lectern'), {recursive: true});
				writeFileSync(path.join(dir, 'lectern', 'settings.json'), JSON.stringify(testCase.settings));
			}
			const args = testCase.args(dir);
			const size = testCase.size ?? {cols: 100, rows: 30};
			const env = testCase.env ?? {};
			// Held: only start.js has run, so what is on screen is the quick page alone.
			const quick = await settledCells(args, dir, env, size, true);
			expect(quick.run.isAlternateScreen()).toBe(true);
			// Ink alone, for the same story, place and settings.
			const ink = await settledCells(args, dir, env, size, false);
			expect(quick.cells.map((row) => row.join(''))).toEqual(ink.cells.map((row) => row.join('')));
			// And once the reader is loaded over the quick page, it reads on from it.
			quick.run.write(' ');
			await quick.run.waitFor(status(/ 2 of \d+/), 10_000);
		});
	}

	it('opens a long book from the story cache the second time, and never from a stale entry', async () => {
		const dir = config();
		const cache = path.join(dir, 'cache');
		const file = path.join(dir, 'long.txt');
		writeFileSync(file, STORY.repeat(1500));
		const env = {XDG_CACHE_HOME: cache};
		const first = track(spawnPty(process.execPath, [bundle, file], {cols: 100, rows: 30, env: {XDG_CONFIG_HOME: dir, ...env}}));
		await first.waitFor(status(/1 of \d+/), 10_000);
		first.write('q');
		expect((await first.waitForExit(10_000)).exitCode).toBe(0);
		expect(readdirSync(path.join(cache, 'lectern', 'stories')).filter((name) => name.endsWith('.story'))).toHaveLength(1);
		const quick = await settledCells([file], dir, env, {cols: 100, rows: 30}, true);
		expect(quick.run.screenText()).toContain('The first chapter opens here');
		const ink = await settledCells([file], dir, env, {cols: 100, rows: 30}, false);
		expect(quick.cells.map((row) => row.join(''))).toEqual(ink.cells.map((row) => row.join('')));
		// Every reader saves the place it shows (a second after it starts, and when it stops): these
		// two are stopped before the next run moves on, or they would save their place over its.
		await stop(quick.run, ink.run);
		// Deep in the book and at its very end: the page is drawn from the blocks around the place alone.
		for (const keys of [':57%\r', 'G']) {
			const moved = track(spawnPty(process.execPath, [bundle, file], {cols: 100, rows: 30, env: {XDG_CONFIG_HOME: dir, ...env}}));
			await moved.waitFor(status(/ of \d+ · \d+%$/), 10_000);
			moved.write(keys);
			await moved.waitFor(status(keys === 'G' ? /100%$/ : /5\d%$/), 10_000);
			moved.write('q');
			expect((await moved.waitForExit(10_000)).exitCode).toBe(0);
			const held = await settledCells([file], dir, env, {cols: 100, rows: 30}, true);
			const alone = await settledCells([file], dir, env, {cols: 100, rows: 30}, false);
			expect(held.cells.map((row) => row.join(''))).toEqual(alone.cells.map((row) => row.join('')));
			expect(held.run.screen().at(-1)).toMatch(keys === 'G' ? /100%$/ : /5\d%$/);
			await stop(held.run, alone.run);
		}
		// The file changes (same size, so only its time and content tell): the new text is shown.
		writeFileSync(file, STORY.replace('The _first_ chapter', 'A _new_ chapter, it').repeat(1500).slice(0, STORY.length * 1500));
		const changed = await settledCells([file], dir, env, {cols: 100, rows: 30}, true);
		expect(changed.run.screenText()).toContain('A new chapter, it opens here');
	});

	it('searches a long book reopened from the story cache (its text read a part at a time)', async () => {
		const {dir, file, env} = await cachedBook();
		const again = track(spawnPty(process.execPath, [bundle, file], {cols: 100, rows: 30, env}));
		await again.waitFor(status(/1 of \d+ · \d+%$/), 10_000);
		again.write('/');
		again.write('she said\r');
		// One in each of the 1500 copies, the last at the very end of the book.
		await again.waitFor(status(/“she said” 1 of 1500/), 10_000);
		again.write('N');
		await again.waitFor(status(/“she said” wrapped to the end · 1500 of 1500/), 10_000);
		expect(again.screenText()).toContain('"Dialogue," she said');
	});

	it('counts the pages of a book reopened from the story cache on a worker thread as the event loop counts them, after a resize too', async () => {
		const {dir, file, env} = await cachedBook();
		const pages: string[][] = [];
		const threads: number[] = [];
		const niceness: Array<{reader: number; others: number[]}> = [];
		// The worker's count (for a book this short only when asked for, LECTERN_INDEX_WORKER=1), then
		// the event loop's (=0), each at two sizes.
		for (const worker of ['1', '0']) {
			const run = track(spawnPty(process.execPath, [bundle, file], {cols: 100, rows: 30, env: {...env, LECTERN_INDEX_WORKER: worker}}));
			await run.waitFor(status(/1 of \d+ · \d+%$/), 10_000);
			// The worker is a thread of the reader's process until it has been idle for 2 s.
			if (process.platform === 'linux') {
				threads.push(readdirSync(`/proc/${run.pid}/task`).length);
				niceness.push(niceOfThreads(run.pid));
			}
			const wide = /1 of (\d+)/.exec(run.screen().at(-1)!)![1]!;
			run.resize(70, 20);
			await run.waitFor((screen) => /1 of (\d+)/.exec(screen.at(-1) ?? '')?.[1] !== undefined && /1 of (\d+)/.exec(screen.at(-1)!)![1] !== wide, 10_000);
			pages.push([wide, /1 of (\d+)/.exec(run.screen().at(-1)!)![1]!]);
			run.write('q');
			expect((await run.waitForExit(10_000)).exitCode).toBe(0);
		}
		expect(Number(pages[0]![1])).toBeGreaterThan(Number(pages[0]![0]));
		expect(pages[0]).toEqual(pages[1]);
		if (process.platform === 'linux') {
			expect(threads[0]).toBe(threads[1]! + 1);
			// With a worker, every thread but the reader's own runs at the lowest priority; without, none does.
			const own = niceOfThreads(process.pid).reader;
			expect(niceness[0]!.reader).toBe(own);
			expect(niceness[0]!.others.length).toBeGreaterThan(1);
			expect(niceness[0]!.others.every((nice) => nice === 19)).toBe(true);
			expect(niceness[1]).toEqual({reader: own, others: niceness[1]!.others.map(() => own)});
		}
	});

	it('says in one line to reopen a book whose cache entry was changed while it was open, and restores the terminal', async () => {
		const {dir, file, env} = await cachedBook();
		const again = track(spawnPty(process.execPath, [bundle, file], {cols: 100, rows: 30, env}));
		await again.waitFor(status(/1 of \d+ · \d+%$/), 10_000);
		// Lectern replaces entries; only a hand cuts one short in place. The middle of the book is
		// then read from it for the first time (the index read it last while walking to the end).
		const stories = path.join(dir, 'cache', 'lectern', 'stories');
		const [entry] = readdirSync(stories).filter((name) => name.endsWith('.story'));
		truncateSync(path.join(stories, entry!), 4096);
		again.write(':');
		again.write('37%\r');
		expect((await again.waitForExit(10_000)).exitCode).toBe(1);
		// The line is wrapped at the terminal's width: its rows are joined back.
		const shown = again
			.screen()
			.map((row) => row.trimEnd())
			.join('');
		expect(shown).toMatch(/lectern: \S+\.story: this cached copy of \S+long\.txt was changed while the book was open\. Open the book again/);
		expect(shown).not.toMatch(/ at \S+ \(/);
		// Opened again, the book is read from the file anew.
		const reopened = track(spawnPty(process.execPath, [bundle, file], {cols: 100, rows: 30, env}));
		await reopened.waitFor(status(/ of \d+ · \d+%$/), 10_000);
		expect(reopened.screenText()).toContain('The first chapter opens here');
	});

	// A story file is parsed under V8's own heap growth, and the entry's set again after it
	// (io/heap-growth.ts): a cache made with another setting would be refused at the next start.
	it.each([
		['a bundled story', undefined],
		['a story file it parses', 'story.txt'],
	])('keeps the code caches it made for %s: the second start compiles nothing again', async (_, fileName) => {
		const dir = config();
		const env = {XDG_CONFIG_HOME: dir, XDG_CACHE_HOME: path.join(dir, 'cache')};
		const file = fileName === undefined ? undefined : path.join(dir, fileName);
		if (file) writeFileSync(file, Array.from({length: 400}, (_, i) => `Paragraph ${i} of a story read from a file, long enough for a page or two.`).join('\n\n'));
		const caches = () =>
			readdirSync(path.join(dir, 'cache', 'lectern'))
				.filter((name) => name.startsWith('code-'))
				.map((name) => `${name} ${statSync(path.join(dir, 'cache', 'lectern', name)).mtimeMs}`)
				.sort();
		const made: string[][] = [];
		for (let i = 0; i < 2; i++) {
			const run = track(spawnPty(process.execPath, [bundle, file ?? 'buffy-angel-untitled'], {cols: 100, rows: 30, env}));
			await run.waitFor(status(/1 of \d+/), 10_000);
			// A cache is written 1.5 s into a session (the first page's code compiled by then).
			await new Promise((resolve) => setTimeout(resolve, 2000));
			run.write('q');
			expect((await run.waitForExit(10_000)).exitCode).toBe(0);
			made.push(caches());
		}
		// One full cache per script; V8 accepted both the second time (a rejected one is written again).
		expect(made[0]!.filter((entry) => /\.bin /.test(entry) && !entry.includes('-partial'))).toHaveLength(2);
		expect(made[1]).toEqual(made[0]);
	});

	it('reopens on the same page: the place from the last run, with no argument', async () => {
		const dir = config();
		const first = track(spawnPty(process.execPath, [bundle, 'buffy-angel-untitled'], {cols: 100, rows: 30, env: {XDG_CONFIG_HOME: dir}}));
		await first.waitFor(status(/1 of \d+/), 10_000);
		first.write('  ');
		await first.waitFor(status(/3 of \d+/), 10_000);
		first.write('q');
		expect((await first.waitForExit(10_000)).exitCode).toBe(0);
		const quick = await settledCells([], dir, {}, {cols: 100, rows: 30}, true);
		expect(quick.run.screen().at(-1)).toMatch(/3 of \d+/);
		const ink = await settledCells([], dir, {}, {cols: 100, rows: 30}, false);
		expect(quick.cells.map((row) => row.join(''))).toEqual(ink.cells.map((row) => row.join('')));
	});
});

// The nice value of a process's own thread and of its other threads (Linux: /proc/<pid>/task/<tid>/stat, field 19).
function niceOfThreads(pid: number): {reader: number; others: number[]} {
	const niceOf = (tid: string) => Number(readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]!.split(' ')[16]);
	const others = readdirSync(`/proc/${pid}/task`).filter((tid) => Number(tid) !== pid);
	return {reader: niceOf(String(pid)), others: others.map(niceOf)};
}
