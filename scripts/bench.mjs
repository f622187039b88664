// Measures what a reader feels, against the targets of issue 7: time to first text, page-turn and
// resize latency, the whole-book index of a 20 MB story (and what it blocks meanwhile), resident
// memory, and the install. Runs the built CLI (or BENCH_APP) in a real pty mirrored into a headless
// xterm, next to baselines measured in the same run: bare `node -e ''`, and `less` on the same text.
//
//   BENCH_RUNS=11        samples per latency figure (first text, page turns, resizes)
//   BENCH_INDEX_RUNS=3   openings of the 20 MB story for the index figures
//   BENCH_ONLY=first,session,index,install   sections to run (all by default)
//   BENCH_NICE=-10       run every measured program at that priority (root only): on a machine shared
//                        with other work, figures closer to an idle machine's (baselines alike)
import {createHash} from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {writeLargeText} from './bench-corpus.mjs';
import {npxCommand, packInto} from './bench-install.mjs';
import {spawnPty} from './pty-harness.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const positive = (name, fallback) => {
	const value = Number.parseInt(process.env[name] ?? String(fallback), 10);
	if (!(value > 0)) {
		console.error(`${name} must be a positive integer, got ${JSON.stringify(process.env[name])}`);
		process.exit(1);
	}
	return value;
};
const runs = positive('BENCH_RUNS', 11);
const indexRuns = positive('BENCH_INDEX_RUNS', 3);
const sections = new Set((process.env.BENCH_ONLY ?? 'first,session,index,install').split(','));

const app = path.resolve(repoRoot, process.env.BENCH_APP ?? 'dist/lectern.js');
if (!fs.existsSync(app)) {
	console.error(`${path.relative(repoRoot, app) || app} not found: run npm run build first`);
	process.exit(1);
}

const COLS = 100;
const ROWS = 30;
const SMALL = [60, 20];
const WAIT_MS = 10_000; // a wait longer than this counts as a failed run
const IDLE_MS = 7000; // how long after its last page turn and resize a book is measured again, idle
const LARGE_BYTES = 20 * 1024 * 1024;
const TARGET = {firstText: 150, firstTextRatio: 2.5, pageTurn: 16, resize: 40, index: 1000, block: 10, rss: 100, perByte: 3, tarball: 400, npx: 2000};

const lessPath = fs.existsSync('/usr/bin/less') ? '/usr/bin/less' : undefined;
const warAndPeacePath = path.resolve(repoRoot, '..', 'shared', 'corpus', 'text', 'war-and-peace-2600.txt');
const haveCorpus = fs.existsSync(warAndPeacePath);
const probe = pathToFileURL(path.join(repoRoot, 'scripts', 'bench-probe.mjs')).href;

const nice = process.env.BENCH_NICE;
/** Starts `command` in the pty, at BENCH_NICE's priority when it is set. */
function start(command, args, options) {
	return nice ? spawnPty('nice', ['-n', nice, command, ...args], options) : spawnPty(command, args, options);
}

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-'));
const failures = [];
/** Table rows: {section, label, samples, stat ('median' | 'max'), unit, baseline?, target?: {limit, text}}. */
const rows = [];
const notes = [];

/** Whether a screen shows text: at least two rows of ten letters or more. */
function showsText(screen) {
	return screen.filter(row => (row.match(/\p{L}/gu)?.length ?? 0) >= 10).length >= 2;
}
const bodyOf = screen => screen.slice(0, -1).join('\n'); // every row but the status line
const statusOf = screen => [...screen].reverse().find(row => row.trim() !== '') ?? '';
/** True once the status line shows a page count ("12 of 3400 · 1%"): the whole-book index is ready. */
const indexed = screen => /\d+ of \d+ · \d+%/.test(statusOf(screen));

// Every run has a config folder of its own (no saved place: the book opens at its start) unless
// given one; the caches (compiled code, parsed long books) are the benchmark's own, shared by its runs.
const cacheHome = path.join(tempRoot, 'cache');
function lectern(args, {extraNodeArgs = [], env = {}, config} = {}) {
	const configHome = config ?? fs.mkdtempSync(path.join(tempRoot, 'config-'));
	return start(process.execPath, [...extraNodeArgs, app, ...args], {cols: COLS, rows: ROWS, cwd: repoRoot, env: {XDG_CONFIG_HOME: configHome, XDG_CACHE_HOME: cacheHome, ...env}});
}

// A config folder in which War and Peace was last left halfway through.
function halfwayConfig() {
	const config = fs.mkdtempSync(path.join(tempRoot, 'config-'));
	const bytes = fs.readFileSync(warAndPeacePath);
	const key = `file-${createHash('sha256').update(bytes).digest('hex').slice(0, 24)}`;
	const length = bytes.length; // the place is a character offset; half the bytes is near enough half the text
	const record = {offset: Math.floor(length / 2), length, title: 'War and Peace', source: {kind: 'file', path: warAndPeacePath}, readAt: 0, bookmarks: []};
	fs.mkdirSync(path.join(config, 'lectern'));
	fs.writeFileSync(path.join(config, 'lectern', 'library.json'), JSON.stringify({schemaVersion: 1, stories: {[key]: record}, last: key}));
	return config;
}
function less(file) {
	return start(lessPath, [file], {cols: COLS, rows: ROWS, cwd: repoRoot, env: {LESSHISTFILE: '-', LESS: ''}});
}

// Quits with 'q' like a reader would; falls back to signals if the program does not exit.
async function quit(run) {
	try {
		if (!run.hasExited()) {
			run.write('q');
			await run.waitForExit(3000);
		}
	} catch {
		if (!run.hasExited()) {
			failures.push(`a program did not exit within 3 s of 'q'; killed it`);
			run.kill('SIGTERM');
			await run.waitForExit(1000).catch(() => {});
		}
	} finally {
		run.dispose();
	}
}

// Waits until the screen text has not changed for `quietMs`; returns when the last change arrived (or undefined).
async function settle(run, quietMs = 80, maxMs = 3000) {
	const deadline = performance.now() + maxMs;
	let lastChange;
	while (performance.now() < deadline) {
		const before = run.screenText();
		try {
			lastChange = await run.waitFor(screen => screen.join('\n') !== before, quietMs);
		} catch {
			return lastChange;
		}
	}
	return lastChange;
}

function fail(label, error) {
	const message = error instanceof Error ? error.message : String(error);
	failures.push(`${label}: ${message.split('\n').slice(0, 12).join('\n    ')}`);
}

// VmRSS and VmHWM of a process in MiB, from /proc (Linux only).
function residentMemory(pid) {
	try {
		const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
		const mib = key => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1]) / 1024;
		return {rss: mib('VmRSS'), hwm: mib('VmHWM')};
	} catch {
		return undefined;
	}
}

const median = values => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length === 0 ? Number.NaN : sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

// Cold starts, interleaved (bare node, less, then each book) so that drift in machine load hits all alike.
async function measureFirstText(books, large) {
	const subjects = [
		{label: "node -e ''", section: 'baseline', ready: 'x', start: () => start(process.execPath, ['-e', "process.stdout.write('x')"], {cols: COLS, rows: ROWS})},
		...(lessPath && haveCorpus ? [{label: 'less: War and Peace', section: 'baseline', ready: showsText, start: () => less(warAndPeacePath)}] : []),
		...(lessPath && large ? [{label: 'less: 20 MB', section: 'baseline', ready: showsText, start: () => less(large)}] : []),
		...books.map(book => ({label: `first text: ${book.name}`, section: 'first text', book, ready: showsText, start: () => lectern(book.args)})),
		// What the very first run after an install costs, before the code cache exists.
		{label: `first text: ${books[0].name}, no code cache`, section: 'first text', ready: showsText, start: () => lectern(books[0].args, {env: {LECTERN_CODE_CACHE: '0'}})},
		// The first opening of a long book, before the story cache has it: the whole text is parsed first.
		...(haveCorpus ? [{label: 'first text: War and Peace, first open (no story cache)', section: 'first text', ready: showsText, start: () => lectern([warAndPeacePath], {env: {LECTERN_STORY_CACHE: '0'}})}] : []),
		// Reopened where it was left, halfway: `lectern` with no argument.
		...(haveCorpus ? [{label: 'first text: War and Peace, resumed at 50%', section: 'first text', ready: showsText, start: () => lectern([], {config: halfway})}] : []),
		// A reader who presses space the moment the page shows: when the next page is there (the key
		// waits for the interactive reader, which loads after the first page).
		{label: `first key answered: ${books[0].name}`, section: 'first text', ready: showsText, start: () => lectern(books[0].args), pressSpace: true},
	];
	const halfway = haveCorpus ? halfwayConfig() : undefined;
	const samples = subjects.map(() => []);
	for (let i = 0; i <= runs; i++) {
		for (const [index, subject] of subjects.entries()) {
			const run = subject.start();
			try {
				let at = await run.waitFor(subject.ready, WAIT_MS);
				if (subject.pressSpace) {
					const before = bodyOf(run.screen());
					run.write(' ');
					at = await run.waitFor(screen => bodyOf(screen) !== before, WAIT_MS);
				}
				if (i > 0) samples[index].push(at - run.startedAt); // round 0 only warms the disk cache
			} catch (error) {
				fail(subject.label, error);
			} finally {
				await quit(run);
			}
		}
	}
	const node = median(samples[0]);
	const limit = Math.min(TARGET.firstText, TARGET.firstTextRatio * node);
	for (const [index, subject] of subjects.entries()) {
		const lessLabel = subject.book?.name === 'War and Peace' ? 'less: War and Peace' : undefined;
		const lessMedian = lessLabel ? median(samples[subjects.findIndex(s => s.label === lessLabel)] ?? []) : Number.NaN;
		rows.push({
			section: subject.section,
			label: subject.label,
			samples: samples[index],
			...(subject.book ? {baseline: `node ${node.toFixed(0)}${Number.isNaN(lessMedian) ? '' : `, less ${lessMedian.toFixed(0)}`}`} : {}),
			...(subject.book ? {target: {limit, text: `≤ ${limit.toFixed(0)} (≤ ${TARGET.firstText}, ≤ ${TARGET.firstTextRatio}× node)`}} : {}),
		});
	}
}

// Page turns: the time from a key written until the page it brings is on screen.
async function pageTurns(run, keys) {
	const turns = [];
	for (let i = 0; i < runs; i++) {
		const key = keys[i % keys.length];
		const before = bodyOf(run.screen());
		const sent = performance.now();
		run.write(key);
		try {
			const at = await run.waitFor(screen => bodyOf(screen) !== before, WAIT_MS);
			turns.push(at - sent);
		} catch (error) {
			fail(`page turn (${JSON.stringify(key)})`, error);
		}
		await settle(run);
	}
	return turns;
}

// Page turns sent back to back: each timed key is sent the moment the key before it has its page on
// screen. Ink draws at most maxFps frames a second; a key inside that interval must not wait for it.
async function backToBackTurns(run, keys) {
	const turns = [];
	for (let i = 0; i < runs; i++) {
		try {
			let before = bodyOf(run.screen());
			run.write(keys[(2 * i) % keys.length]);
			await run.waitFor(screen => bodyOf(screen) !== before, WAIT_MS);
			before = bodyOf(run.screen());
			const sent = performance.now();
			run.write(keys[(2 * i + 1) % keys.length]);
			turns.push((await run.waitFor(screen => bodyOf(screen) !== before, WAIT_MS)) - sent);
		} catch (error) {
			fail('page turns back to back', error);
		}
		await settle(run);
	}
	return turns;
}

// The first words of the page's first text row, to find the same place after a resize.
const firstWords = screen => (screen.slice(0, -1).find(row => /\p{L}{2}/u.test(row)) ?? '').trim().split(/\s+/).slice(0, 3).join(' ');

// Resizes, alternating between two sizes: the time until a frame for the new size shows the words
// that began the page at full size within its first two text rows, and until the screen stops changing.
async function resizes(run) {
	const correct = [];
	const settled = [];
	// The reading position does not move on a resize: the words at the top at full size must stay on top.
	const words = firstWords(run.screen());
	for (let i = 0; i < runs; i++) {
		const [cols, rowCount] = i % 2 === 0 ? SMALL : [COLS, ROWS];
		const started = performance.now();
		const rawLength = run.raw().length;
		run.resize(cols, rowCount);
		const sameTop = screen => {
			const text = screen.slice(0, -1).filter(row => /\p{L}/u.test(row)).slice(0, 2).join(' ').trim().split(/\s+/).join(' ');
			return run.raw().length > rawLength && statusOf(screen).trim() !== '' && text.includes(words);
		};
		try {
			const at = await run.waitFor(sameTop, WAIT_MS);
			const last = await settle(run);
			correct.push(at - started);
			settled.push(Math.max(at, last ?? at) - started);
		} catch (error) {
			fail(`resize to ${cols}x${rowCount} keeping "${words}"`, error);
			await settle(run);
		}
	}
	return {correct, settled};
}

// A book opened for the first time (parsed, then kept in the story cache): memory once the page count is shown.
async function firstOpening(book, memory) {
	const run = lectern(book.args);
	try {
		await run.waitFor(showsText, WAIT_MS);
		await run.waitFor(indexed, WAIT_MS);
		await settle(run, 200);
		memory.set(`${book.name}, first opening`, residentMemory(run.pid));
	} catch (error) {
		fail(`first opening of ${book.name}`, error);
	} finally {
		await quit(run);
	}
}

// A long read: 150 page turns and 31 resizes, then the reader left idle; its resident set then. For
// the book opened again (from the story cache), and opened for the first time (a cache folder with
// only the compiled code in it, so that the book is parsed).
const LONG_READ = {turns: 150, resizes: 31};
async function longRead(book, firstTime) {
	let env = {};
	if (firstTime) {
		const fresh = fs.mkdtempSync(path.join(tempRoot, 'cache-'));
		fs.mkdirSync(path.join(fresh, 'lectern'));
		const made = path.join(cacheHome, 'lectern');
		for (const name of fs.existsSync(made) ? fs.readdirSync(made) : []) {
			if (name.startsWith('code-')) fs.copyFileSync(path.join(cacheHome, 'lectern', name), path.join(fresh, 'lectern', name));
		}
		env = {XDG_CACHE_HOME: fresh};
	}
	const run = lectern(book.args, {env});
	try {
		await run.waitFor(showsText, WAIT_MS);
		await run.waitFor(indexed, WAIT_MS);
		for (let i = 0; i < LONG_READ.turns; i++) {
			const before = bodyOf(run.screen());
			run.write(' ');
			await run.waitFor(screen => bodyOf(screen) !== before, WAIT_MS);
			await new Promise(resolve => setTimeout(resolve, i % 3 === 0 ? 100 : 5));
		}
		for (let i = 0; i < LONG_READ.resizes; i++) {
			const [cols, rowCount] = i % 2 === 0 ? SMALL : [COLS, ROWS];
			run.resize(cols, rowCount);
			await new Promise(resolve => setTimeout(resolve, 120));
		}
		await new Promise(resolve => setTimeout(resolve, IDLE_MS));
		return residentMemory(run.pid);
	} catch (error) {
		fail(`long read of ${book.name}${firstTime ? ', first opening' : ''}`, error);
		return undefined;
	} finally {
		await quit(run);
	}
}

// One session per book: memory once the page count is shown, then page turns, then resizes.
async function measureSession(book, memory) {
	const run = book.less ? less(book.file) : lectern(book.args);
	try {
		try {
			await run.waitFor(showsText, WAIT_MS);
			if (!book.less) await run.waitFor(indexed, WAIT_MS);
		} catch (error) {
			fail(`open ${book.name}`, error);
			return;
		}
		await settle(run, 200);
		const prefix = book.less ? 'less: ' : '';
		memory.set(`${prefix}${book.name}`, residentMemory(run.pid));
		const turns = await pageTurns(run, book.keys);
		rows.push({section: book.less ? 'baseline' : 'page turn', label: `${prefix}page turn: ${book.name}`, samples: turns, ...(book.less ? {} : {target: {limit: TARGET.pageTurn, text: `≤ ${TARGET.pageTurn}`}})});
		if (!book.less) rows.push({section: 'page turn', label: `page turn, keys back to back: ${book.name}`, samples: await backToBackTurns(run, book.keys), target: {limit: TARGET.pageTurn, text: `≤ ${TARGET.pageTurn}`}});
		const {correct, settled} = await resizes(run);
		const target = book.less ? {} : {target: {limit: TARGET.resize, text: `≤ ${TARGET.resize}`}};
		rows.push({section: book.less ? 'baseline' : 'resize', label: `${prefix}resize, same top: ${book.name}`, samples: correct, ...target});
		rows.push({section: book.less ? 'baseline' : 'resize', label: `${prefix}resize, settled: ${book.name}`, samples: settled});
		// Memory again once the reader has been idle for a while: V8 gives back its young generation
		// only after a few quiet seconds (source/reclaim.ts), so this is what an open book costs.
		if (!book.less && book.name !== 'bundled story') {
			await new Promise(resolve => setTimeout(resolve, IDLE_MS));
			memory.set(`${book.name}, idle`, residentMemory(run.pid));
		}
	} finally {
		await quit(run);
	}
}

// Opens the 20 MB story several times: how long the page count takes once the first page is up,
// the longest event-loop block meanwhile (from a preloaded probe), and page turns sent meanwhile.
async function measureIndex(large) {
	const firstText = [];
	const ready = [];
	const blocks = [];
	const startBlocks = [];
	const during = [];
	const firstKey = [];
	for (let i = 0; i < indexRuns; i++) {
		const out = path.join(tempRoot, `probe-${i}.json`);
		const probed = lectern([large], {extraNodeArgs: ['--import', probe], env: {LECTERN_PROBE_OUT: out}});
		try {
			const shown = await probed.waitFor(showsText, WAIT_MS);
			const done = await probed.waitFor(indexed, WAIT_MS);
			firstText.push(shown - probed.startedAt);
			ready.push(done - shown);
			await quit(probed);
			// The probe's clock starts with the child: move our times onto it. A block counts if it starts
			// once the index has started (the app marks it) and before the count is on screen. The blocks
			// between the first page and that mark are the rest of the start-up (loading the interactive
			// reader, its first frame), which a key pressed then waits for: a row of their own.
			const report = JSON.parse(fs.readFileSync(out, 'utf8'));
			const shift = performance.timeOrigin - report.timeOrigin;
			const indexStart = report.marks?.find(([name]) => name === 'lectern:index')?.[1];
			if (indexStart === undefined) throw new Error('the app made no lectern:index mark');
			const inside = report.blocks.filter(([start]) => start >= indexStart - 1 && start <= done + shift);
			blocks.push(Math.max(0, ...inside.map(([, length]) => length)));
			const before = report.blocks.filter(([start]) => start >= shown + shift - 1 && start < indexStart - 1);
			startBlocks.push(Math.max(0, ...before.map(([, length]) => length)));
		} catch (error) {
			fail(`index of ${path.basename(large)}`, error);
			await quit(probed);
		}

		const run = lectern([large]);
		try {
			await run.waitFor(showsText, WAIT_MS);
			// The first page is drawn before the interactive reader has loaded: a key pressed at once
			// waits for it. That wait is its own row; the turns while indexing are timed after it.
			const shownBody = bodyOf(run.screen());
			const pressed = performance.now();
			run.write(' ');
			firstKey.push((await run.waitFor(screen => bodyOf(screen) !== shownBody, WAIT_MS)) - pressed);
			const deadline = performance.now() + WAIT_MS;
			for (let k = 0; !indexed(run.screen()) && performance.now() < deadline; k++) {
				const before = bodyOf(run.screen());
				const sent = performance.now();
				run.write(k % 2 === 0 ? ' ' : 'b');
				const at = await run.waitFor(screen => bodyOf(screen) !== before, WAIT_MS);
				if (!indexed(run.screen())) during.push(at - sent);
				await new Promise(resolve => setTimeout(resolve, 20));
			}
		} catch (error) {
			fail(`page turns while indexing ${path.basename(large)}`, error);
		} finally {
			await quit(run);
		}
	}
	rows.push({section: 'first text', label: 'first text: 20 MB', samples: firstText});
	rows.push({section: 'index', label: 'index ready after first text: 20 MB', samples: ready, target: {limit: TARGET.index, text: `< ${TARGET.index}`}});
	rows.push({section: 'index', label: 'first key, pressed as the first page shows: 20 MB', samples: firstKey});
	rows.push({section: 'index', label: 'longest block, first page to index start', samples: startBlocks, stat: 'max'});
	rows.push({section: 'index', label: 'longest event-loop block while indexing', samples: blocks, stat: 'max', target: {limit: TARGET.block, text: `≤ ${TARGET.block}`}});
	rows.push({section: 'index', label: 'page turn while indexing (max)', samples: during, stat: 'max', target: {limit: TARGET.pageTurn + TARGET.block, text: `≤ ${TARGET.pageTurn + TARGET.block}`}});
	rows.push({section: 'index', label: 'page turn while indexing (median)', samples: during, target: {limit: TARGET.pageTurn, text: `≤ ${TARGET.pageTurn}`}});
}

// The packed tarball, its dependencies, and npx of it into an empty cache from an empty folder.
async function measureInstall() {
	const packDir = fs.mkdtempSync(path.join(tempRoot, 'pack-'));
	const pack = packInto(repoRoot, packDir);
	rows.push({section: 'install', label: 'packed tarball (KB)', unit: 'KB', samples: [pack.bytes / 1000], target: {limit: TARGET.tarball, text: `< ${TARGET.tarball}`}});
	rows.push({section: 'install', label: 'runtime dependencies', unit: '', samples: [pack.dependencies.length], target: {limit: 0, text: 'none'}});
	if (pack.dependencies.length > 0) notes.push(`runtime dependencies: ${pack.dependencies.join(', ')}`);
	notes.push(`tarball: ${pack.files} files, ${(pack.bytes / 1000).toFixed(0)} KB packed, ${(pack.unpackedBytes / 1000).toFixed(0)} KB unpacked`);
	const samples = [];
	for (let i = 0; i < 3; i++) {
		const {command, args, cwd, env} = npxCommand(pack.tarball, tempRoot, ['buffy-angel-untitled']);
		const run = start(command, args, {cols: COLS, rows: ROWS, cwd, env: {...env, XDG_CONFIG_HOME: fs.mkdtempSync(path.join(tempRoot, 'config-'))}});
		try {
			const at = await run.waitFor(showsText, 20_000);
			samples.push(at - run.startedAt);
		} catch (error) {
			fail('npx of the packed tarball', error);
		} finally {
			await quit(run);
		}
	}
	rows.push({section: 'install', label: 'npx tarball, empty cache: first page', samples, target: {limit: TARGET.npx, text: `< ${TARGET.npx}`}});
}

function printTable() {
	const header = ['measurement (ms unless said)', 'median', 'min', 'max', 'n', 'baseline', 'target', ''];
	const order = ['baseline', 'first text', 'page turn', 'resize', 'index', 'memory', 'install'];
	const sorted = rows.map((row, index) => ({row, index})).sort((a, b) => order.indexOf(a.row.section) - order.indexOf(b.row.section) || a.index - b.index);
	const digits = row => (row.unit === '' ? 0 : 1);
	const lines = sorted.map(({row}) => {
		const {label, samples, target, baseline = ''} = row;
		if (samples.length === 0) return [label, 'failed', '', '', '0', baseline, target?.text ?? '', target ? 'FAIL' : ''];
		const value = row.stat === 'max' ? Math.max(...samples) : median(samples);
		const verdict = target === undefined ? '' : value <= target.limit && !(target.text.startsWith('<') && value === target.limit) ? 'ok' : 'OVER';
		const shown = row.stat === 'max' ? `${value.toFixed(digits(row))} max` : value.toFixed(digits(row));
		return [label, shown, Math.min(...samples).toFixed(digits(row)), Math.max(...samples).toFixed(digits(row)), String(samples.length), baseline, target?.text ?? '', verdict];
	});
	const widths = header.map((_, column) => Math.max(...[header, ...lines].map(line => line[column].length)));
	const format = line => line.map((cell, column) => (column === 0 || column >= 5 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ').trimEnd();
	console.log(format(header));
	console.log(widths.map(width => '-'.repeat(width)).join('  '));
	let section;
	for (const [index, line] of lines.entries()) {
		if (sorted[index].row.section !== section && section !== undefined) console.log('');
		section = sorted[index].row.section;
		console.log(format(line));
	}
}

const started = performance.now();
console.log(`Lectern benchmark: ${path.relative(repoRoot, app) || app}, ${COLS}x${ROWS} pty, ${runs} runs each, node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`);
if (!haveCorpus) console.log(`War and Peace and the 20 MB story: skipped: ../shared/corpus not found (${warAndPeacePath})`);
try {
	const large = haveCorpus ? writeLargeText(warAndPeacePath, tempRoot, LARGE_BYTES) : undefined;
	const story = {name: 'bundled story', args: ['buffy-angel-untitled'], keys: [' ', 'b']};
	// Space at the end of a short story may change nothing, so its page turns go forward and back.
	const books = [story, ...(haveCorpus ? [{name: 'War and Peace', args: [warAndPeacePath], keys: [' '], file: warAndPeacePath}] : [])];
	const bigBook = large ? {name: '20 MB', args: [large], keys: [' '], file: large} : undefined;

	if (sections.has('first')) await measureFirstText(books, large);
	const memory = new Map();
	if (sections.has('session')) {
		// A reader opens a book for the first time once, and again every day after: the sessions
		// measure a book opened again (from the story cache); the first opening's memory is its own row.
		for (const book of [...books, ...(bigBook ? [bigBook] : [])].filter(book => book.file)) await firstOpening(book, memory);
		for (const book of [...books, ...(bigBook ? [bigBook] : [])]) await measureSession(book, memory);
		if (lessPath && bigBook) await measureSession({...bigBook, less: true}, memory);
		const mem = name => memory.get(name);
		const wp = mem('War and Peace');
		const big = mem('20 MB');
		const lessBig = mem('less: 20 MB');
		const peak = ({hwm}) => `peak ${hwm.toFixed(0)}`;
		if (wp) rows.push({section: 'memory', label: 'RSS, War and Peace open (MiB)', unit: 'MiB', samples: [wp.rss], baseline: peak(wp), target: {limit: TARGET.rss, text: `≤ ${TARGET.rss}`}});
		if (big) rows.push({section: 'memory', label: 'RSS, 20 MB open (MiB)', unit: 'MiB', samples: [big.rss], baseline: `${peak(big)}${lessBig ? `; less ${lessBig.rss.toFixed(1)}` : ''}`});
		if (wp && big && large) {
			const growth = ((big.rss - wp.rss) * 1048576) / (fs.statSync(large).size - fs.statSync(warAndPeacePath).size);
			rows.push({section: 'memory', label: 'RSS growth per byte of text beyond W&P', unit: 'B/B', samples: [growth], target: {limit: TARGET.perByte, text: `≤ ${TARGET.perByte}`}});
		}
		const wpIdle = mem('War and Peace, idle');
		const bigIdle = mem('20 MB, idle');
		if (wpIdle) rows.push({section: 'memory', label: `RSS, War and Peace open, idle ${IDLE_MS / 1000} s (MiB)`, unit: 'MiB', samples: [wpIdle.rss], target: {limit: TARGET.rss, text: `≤ ${TARGET.rss}`}});
		if (wpIdle && bigIdle && large) {
			const growth = ((bigIdle.rss - wpIdle.rss) * 1048576) / (fs.statSync(large).size - fs.statSync(warAndPeacePath).size);
			rows.push({section: 'memory', label: `RSS growth per byte beyond W&P, idle ${IDLE_MS / 1000} s`, unit: 'B/B', samples: [growth], target: {limit: TARGET.perByte, text: `≤ ${TARGET.perByte}`}});
		}
		const wpBook = books.find(book => book.name === 'War and Peace');
		if (wpBook) {
			const label = `RSS, War and Peace after ${LONG_READ.turns} page turns and ${LONG_READ.resizes} resizes, idle ${IDLE_MS / 1000} s`;
			for (const [firstTime, suffix] of [[false, ''], [true, ', first opened']]) {
				const long = await longRead(wpBook, firstTime);
				if (long) rows.push({section: 'memory', label: `${label}${suffix} (MiB)`, unit: 'MiB', samples: [long.rss], baseline: peak(long), target: {limit: TARGET.rss, text: `≤ ${TARGET.rss}`}});
			}
		}
		const wpFirst = mem('War and Peace, first opening');
		const bigFirst = mem('20 MB, first opening');
		if (wpFirst) rows.push({section: 'memory', label: 'RSS, War and Peace first opened (MiB)', unit: 'MiB', samples: [wpFirst.rss], baseline: peak(wpFirst)});
		if (bigFirst) rows.push({section: 'memory', label: 'RSS, 20 MB first opened (MiB)', unit: 'MiB', samples: [bigFirst.rss], baseline: peak(bigFirst)});
		if (wpFirst && bigFirst && large) {
			const growth = ((bigFirst.rss - wpFirst.rss) * 1048576) / (fs.statSync(large).size - fs.statSync(warAndPeacePath).size);
			rows.push({section: 'memory', label: 'RSS growth per byte beyond W&P, first opened', unit: 'B/B', samples: [growth]});
		}
		const small = mem('bundled story');
		if (small) rows.push({section: 'memory', label: 'RSS, bundled story open (MiB)', unit: 'MiB', samples: [small.rss], baseline: peak(small)});
	}
	if (sections.has('index') && large) {
		// The index figures are for the book opened again, from the story cache, as the sessions
		// leave it; run alone, the section opens it once first.
		if (!sections.has('session')) await firstOpening(bigBook, new Map());
		await measureIndex(large);
	}
	if (sections.has('install')) await measureInstall();

	console.log('');
	printTable();
	for (const note of notes) console.log(`\n${note}`);
	console.log(`\nbenchmark took ${((performance.now() - started) / 1000).toFixed(0)} s`);
	if (failures.length > 0) {
		console.log(`\n${failures.length} problem(s):`);
		const counts = new Map();
		for (const failure of failures) counts.set(failure, (counts.get(failure) ?? 0) + 1);
		for (const [failure, count] of counts) console.log(`  - ${count > 1 ? `(${count}×) ` : ''}${failure}`);
		process.exitCode = 1;
	}
} finally {
	fs.rmSync(tempRoot, {recursive: true, force: true});
}
