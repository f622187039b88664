// Measures what a reader feels: time to first text, page-turn and resize latency, and resident memory.
// Runs the built CLI (or BENCH_APP) in a real pty mirrored into a headless xterm; prints medians of BENCH_RUNS runs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath} from 'node:url';
import {spawnPty} from './pty-harness.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number.parseInt(process.env.BENCH_RUNS ?? '15', 10);
if (!(runs > 0)) {
	console.error(`BENCH_RUNS must be a positive integer, got ${JSON.stringify(process.env.BENCH_RUNS)}`);
	process.exit(1);
}

const app = path.resolve(repoRoot, process.env.BENCH_APP ?? 'dist/lectern.js');
if (!fs.existsSync(app)) {
	console.error(`${path.relative(repoRoot, app) || app} not found: run npm run build first`);
	process.exit(1);
}

const COLS = 100;
const ROWS = 30;
const SMALL = [60, 20];
const TARGET = {firstText: 300, pageTurn: 30, resize: 60};
const WAIT_MS = 5000; // a wait longer than this counts as a failed run

const warAndPeacePath = path.resolve(repoRoot, '..', 'shared', 'corpus', 'text', 'war-and-peace-2600.txt');

/** Whether a screen shows running text: at least 3 rows with 20+ letters in 4+ words. */
function looksLikeProse(screen) {
	const proseRows = screen.filter(row => (row.match(/\p{L}/gu)?.length ?? 0) >= 20 && row.trim().split(/\s+/).length >= 4);
	return proseRows.length >= 3;
}

const books = [
	// Space at the end of a short story may change nothing, so its page turns go forward and back.
	{name: 'bundled story', args: ['buffy-angel-untitled'], ready: /Sunnydale|SETTING/, keys: [' ', 'b']},
	{name: 'War and Peace', args: [warAndPeacePath], ready: looksLikeProse, keys: [' '], missing: !fs.existsSync(warAndPeacePath)},
];

const tempRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-bench-'));
const failures = [];
const rows = []; // table rows: [label, samples, target]
const memory = []; // [label, {rss, hwm} | undefined]

// Starts the app on `book` with a fresh, empty config directory so nothing is resumed.
function openBook(book) {
	const configHome = fs.mkdtempSync(path.join(tempRoot, 'config-'));
	return spawnPty(process.execPath, [app, ...book.args], {cols: COLS, rows: ROWS, cwd: repoRoot, env: {XDG_CONFIG_HOME: configHome}});
}

// Quits with 'q' like a reader would; falls back to signals if the app does not exit.
async function quit(run) {
	try {
		if (!run.hasExited()) {
			run.write('q');
			await run.waitForExit(2000);
		}
	} catch {
		if (run.hasExited()) return; // exited on its own in the meantime
		failures.push(`${path.basename(app)} did not exit within 2 s of 'q'; killed it`);
		run.kill('SIGTERM');
		await run.waitForExit(1000).catch(() => {});
	} finally {
		run.dispose();
	}
}

// Waits until the screen text has not changed for `quietMs`; returns when the last change arrived (or undefined).
async function settle(run, quietMs = 80, maxMs = 2000) {
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

// Records a failed sample with the first lines of its error (which include the screen).
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

// Cold starts, interleaved (bare node, then each book) so that drift in machine load hits all alike.
async function measureFirstText(available) {
	const baseline = {label: 'first output: node -e (baseline)', ready: 'x', start: () => spawnPty(process.execPath, ['-e', "process.stdout.write('x')"], {cols: COLS, rows: ROWS})};
	const subjects = [baseline, ...available.map(book => ({label: `first text: ${book.name}`, ready: book.ready, start: () => openBook(book), target: TARGET.firstText}))];
	const samples = subjects.map(() => []);
	for (let i = 0; i <= runs; i++) {
		for (const [index, subject] of subjects.entries()) {
			const run = subject.start();
			try {
				const at = await run.waitFor(subject.ready, WAIT_MS);
				if (i > 0) samples[index].push(at - run.startedAt); // round 0 only warms the disk cache
			} catch (error) {
				fail(subject.label, error);
			} finally {
				await quit(run);
			}
		}
	}
	for (const [index, subject] of subjects.entries()) rows.push([subject.label, samples[index], subject.target]);
	return {baseline: samples[0], story: samples[1] ?? []};
}

// One session per book: memory once the first page is shown, then page turns, then resizes.
async function measureSession(book) {
	const run = openBook(book);
	try {
		try {
			await run.waitFor(book.ready, WAIT_MS);
		} catch (error) {
			fail(`open ${book.name}`, error);
			return;
		}

		await settle(run);
		memory.push([book.name, residentMemory(run.pid)]);

		const turns = [];
		const bodyOf = screen => screen.slice(0, -1).join('\n'); // every row but the status line
		for (let i = 0; i < runs; i++) {
			const key = book.keys[i % book.keys.length];
			const before = bodyOf(run.screen());
			const sent = performance.now();
			run.write(key);
			try {
				const at = await run.waitFor(screen => bodyOf(screen) !== before, WAIT_MS);
				turns.push(at - sent);
			} catch (error) {
				fail(`page turn (${JSON.stringify(key)}), ${book.name}`, error);
			}
			await settle(run);
		}
		rows.push([`page turn: ${book.name}`, turns, TARGET.pageTurn]);

		const firstRedraw = [];
		const settled = [];
		for (let i = 0; i < runs; i++) {
			const [cols, rowCount] = i % 2 === 0 ? SMALL : [COLS, ROWS];
			const started = performance.now();
			run.resize(cols, rowCount);
			// xterm clips or keeps the old frame at the new size by itself; only the app's own output counts.
			// (No row can be wider than the terminal here, so that check would prove nothing.)
			const clipped = run.screenText();
			const rawLength = run.raw().length;
			const redrawn = screen =>
				run.raw().length > rawLength && screen.join('\n') !== clipped && screen.filter(row => row.trim()).length >= 3;
			try {
				const at = await run.waitFor(redrawn, WAIT_MS);
				const last = await settle(run);
				firstRedraw.push(at - started);
				settled.push(Math.max(at, last ?? at) - started);
			} catch (error) {
				fail(`resize to ${cols}x${rowCount}, ${book.name}`, error);
				await settle(run);
			}
		}
		rows.push([`resize, first redraw: ${book.name}`, firstRedraw]);
		rows.push([`resize, settled: ${book.name}`, settled, TARGET.resize]);
	} finally {
		await quit(run);
	}
}

const median = values => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

function printTable() {
	const header = ['measurement (ms)', 'median', 'min', 'max', 'n', 'target', ''];
	const kinds = ['first', 'page turn', 'resize, first', 'resize, settled'];
	const kind = label => kinds.findLastIndex(prefix => label.startsWith(prefix));
	const ordered = rows.map((row, index) => ({row, index})).sort((a, b) => kind(a.row[0]) - kind(b.row[0]) || a.index - b.index);
	const lines = ordered.map(({row: [label, samples, target]}) => {
		if (samples.length === 0) return [label, 'failed', '', '', '0', target ? `≤ ${target}` : '', 'FAIL'];
		const mid = median(samples);
		const verdict = target === undefined ? '' : mid <= target ? 'ok' : 'OVER';
		return [
			label,
			mid.toFixed(1),
			Math.min(...samples).toFixed(1),
			Math.max(...samples).toFixed(1),
			String(samples.length),
			target ? `≤ ${target}` : '',
			verdict,
		];
	});
	const widths = header.map((_, column) => Math.max(...[header, ...lines].map(line => line[column].length)));
	const format = line => line.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column]))).join('  ');
	console.log(format(header));
	console.log(widths.map(width => '-'.repeat(width)).join('  '));
	for (const line of lines) console.log(format(line));
}

console.log(`Lectern benchmark: ${path.relative(repoRoot, app) || app}, ${COLS}x${ROWS} pty, ${runs} runs each, node ${process.version}`);
for (const book of books) if (book.missing) console.log(`${book.name}: skipped: ../shared/corpus not found (${warAndPeacePath})`);
try {
	const available = books.filter(book => !book.missing);
	const {baseline, story} = await measureFirstText(available);
	for (const book of available) await measureSession(book);

	console.log('');
	printTable();
	if (baseline.length > 0 && story.length > 0) {
		console.log(`\nbundled story first text minus bare node start (medians): ${(median(story) - median(baseline)).toFixed(1)} ms`);
	}

	console.log('\nresident memory once the first page is shown (MiB)');
	if (memory.length === 0) console.log('  none measured: no book opened');
	for (const [name, mem] of memory) {
		console.log(`  ${name.padEnd(14)} ${mem ? `VmRSS ${mem.rss.toFixed(1)}   peak VmHWM ${mem.hwm.toFixed(1)}` : 'n/a (no /proc)'}`);
	}

	for (const book of books) if (book.missing) console.log(`\n${book.name}: skipped: ../shared/corpus not found`);
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
