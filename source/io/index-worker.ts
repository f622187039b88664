/**
 * The whole-book index (page count, time left) of a very long book from the story cache, counted on
 * a worker thread. Counted on the event loop a slice of 3 ms at a time, a key pressed meanwhile
 * waited for the rest of the slice and, early in the count, for a young-generation collection on top
 * of it, which also waited for the optimising compiler's thread (compiling the count's own code) to
 * reach a safe point. On a thread of its own, the count's code is compiled and its memory collected
 * apart from the reader's. Indexing 20 MB, the longest wait per opening was 8.3 ms in the median of
 * 20 openings, and over 10 ms in 4 of them (on the event loop: 8.8 ms, and 8 of 20). Since then the
 * frame that shows the page count draws only its status line (build patch 8), and the threads the
 * worker shares with the reader run at the worker's priority (`lowerSharedThreads`): 5-6 ms, over
 * 10 ms in 0-1 of 16. What is left is the collection of what start-up left behind, now and then.
 *
 * The worker loads dist/start.js again (it holds the core and the story cache) and reads the book
 * through the file the reader's story holds open (io/index-count.ts). Stories not read from the
 * cache (a book opened for the first time, a short story), shorter books, and any count the worker
 * fails to make are counted on the event loop.
 */
import {existsSync, readdirSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {Worker} from 'node:worker_threads';
import type {Story} from '../core/story.js';
import type {Typography} from '../core/typeset.js';
import type {IndexCounts, IndexJob} from './index-count.js';
import {entryOf} from './story-cache.js';

export type {IndexCounts} from './index-count.js';

/** What the reader asks to have counted elsewhere. */
export type IndexRequest = {
	readonly story: Story;
	readonly width: number;
	readonly typography: Typography;
	/** Count the story's words too (once per story; a new width needs only rows). */
	readonly words: boolean;
	/** Find the page starts for pages of this many rows too. */
	readonly height: number | undefined;
};

/** A count under way: its result (undefined if it failed: then count here), and how to stop it. */
export type IndexTask = {readonly counts: Promise<IndexCounts | undefined>; cancel(): void};

/** Counts elsewhere (a worker thread), giving way to the reader's own work. */
export type IndexOffload = {
	/** Starts counting `request`; undefined when it cannot be, or the book is not long enough to be worth it (then count here). */
	count(request: IndexRequest): IndexTask | undefined;
	/**
	 * Pauses the count while the reader answers a key: on a machine of two cores the count, the
	 * reader and the terminal drawing the reader's frames would otherwise take turns on them (page
	 * turns while indexing 20 MB: median 7 ms, worst 25-30; held, 5 and 18-28). The count goes on
	 * in the next turn of the event loop, once the key's frame is drawn.
	 */
	hold(): void;
};

// How the build names the modules start.js holds (scripts/build.mjs), and the one the worker runs.
const REGISTRY = '__lecternModules';
const COUNT_MODULE = 'source/io/index-count.ts';

// The flags the reader and the worker share: whether the reader holds the count, and the first job
// not stopped (jobs are numbered as they are asked for).
const HOLD = 0;
const FIRST_LIVE_JOB = 1;

// The lowest priority (nice value) there is: the worker's, and that of the threads it shares with the reader.
const WORKER_NICE = 19;

// The worker: start.js run as the entry runs it (a function of require and import.meta; its quick
// first page does nothing, LECTERN_QUICK_START=0), then a count for each job posted to it, posted
// back without a copy. On Linux it runs at the lowest priority, so that the reader's thread gets a
// core whenever it has work (a nice value is a thread's own there; elsewhere it is the process's,
// so it is left alone). Every thousand characters or so a count looks at the flags: while the reader
// holds it, it waits (up to 50 ms at a time); once its job is stopped, it gives up.
const WORKER_SOURCE = `
const {parentPort, workerData} = require('node:worker_threads');
const {readFileSync} = require('node:fs');
const {Script} = require('node:vm');
const {script, meta, flags} = workerData;
if (process.platform === 'linux') try { require('node:os').setPriority(${WORKER_NICE}); } catch {}
new Script(readFileSync(script, 'latin1'), {filename: script}).runInThisContext()(require, meta);
const {countIndex} = globalThis.${REGISTRY}[${JSON.stringify(COUNT_MODULE)}];
const stopped = new Error('stopped');
const pause = (id) => () => {
	if (Atomics.load(flags, ${HOLD}) !== 0) Atomics.wait(flags, ${HOLD}, 1, 50);
	if (id < Atomics.load(flags, ${FIRST_LIVE_JOB})) throw stopped;
};
const post = (id, counts) => parentPort.postMessage({id, counts}, counts ? [counts.rows, counts.words, counts.pages && counts.pages.starts].filter(Boolean).map((array) => array.buffer) : []);
parentPort.on('message', ({id, job}) => countIndex(job, pause(id)).then((counts) => post(id, counts), () => post(id, undefined)));
`;

// How long a worker with nothing to count is kept: long enough for the next of a few resizes, and
// then its memory is given back (while it lives, the reader takes 15-25 MB more: War and Peace's
// whole reader is 65 MB).
const IDLE_MS = 2000;

// Books shorter than this (in characters) are counted on the event loop: War and Peace (3.2 million)
// is counted there in about 100 ms of slices, less than a worker takes to start (about 100 ms, and
// 15-20 MB). A book of 20 MB takes 600 ms of slices, which the worker takes off the event loop.
const MIN_CHARS = 8 * 1024 * 1024;

/**
 * Counts on a worker thread the books of at least `minChars` characters, when the reader runs from
 * the bundle (`script` is dist/start.js, beside the running reader.js); undefined otherwise (the
 * tests of the source, which count here).
 *
 * A worker is started for a count (about 100 ms before it counts), serves the counts that follow
 * (a resize, a change of typography), and is stopped once it has had nothing to count for
 * `idleMs`. A count that is no longer wanted is given up by the worker itself, at its next look at
 * the flags: ending a worker instead, and starting another, made the reader's frames slower
 * meanwhile (10-20 ms, from 5-10).
 */
export function indexOnWorker(script = bundledStartScript(), {idleMs = IDLE_MS, minChars = MIN_CHARS} = {}): IndexOffload | undefined {
	if (!script) return undefined;
	const meta = {url: pathToFileURL(script).href, filename: script};
	const flags = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
	let holding = false;
	let worker: IndexWorker | undefined;
	let jobs = 0;
	return {
		count({story, width, typography, words, height}) {
			const ref = entryOf(story);
			if (!ref || ref.length < minChars) return undefined;
			worker ??= startWorker(script, meta, flags, idleMs, () => (worker = undefined));
			if (!worker) return undefined;
			const id = jobs++;
			const job: IndexJob = {ref, width, typography, words, ...(height === undefined ? {} : {height})};
			const counts = worker.count(id, job);
			// The story is kept from collection, which would close the file the worker reads, until the
			// worker has answered (the reaction holds it, and the worker's pending answer the reaction).
			void counts.then(() => story.key);
			return {
				counts,
				cancel() {
					// Jobs are made one after another: this one, and any before it, are no longer wanted.
					if (Atomics.load(flags, FIRST_LIVE_JOB) <= id) Atomics.store(flags, FIRST_LIVE_JOB, id + 1);
				},
			};
		},
		hold() {
			// No worker (nothing counted lately): nothing to hold, and no timer on a page turn.
			if (holding || !worker) return;
			holding = true;
			Atomics.store(flags, HOLD, 1);
			// A timer runs in the next turn of the event loop: after the key's frame, which React draws
			// in an immediate of this one.
			setTimeout(() => {
				holding = false;
				Atomics.store(flags, HOLD, 0);
				Atomics.notify(flags, HOLD);
			}, 0);
		},
	};
}

type IndexWorker = {count(id: number, job: IndexJob): Promise<IndexCounts | undefined>};

// A worker, or undefined when none can be started; `ended` is called once it has stopped or failed.
function startWorker(script: string, meta: {url: string; filename: string}, flags: Int32Array, idleMs: number, ended: () => void): IndexWorker | undefined {
	let worker: Worker;
	try {
		// stdout and stderr of its own: nothing the worker might print reaches the reader's screen.
		worker = new Worker(WORKER_SOURCE, {eval: true, workerData: {script, meta, flags}, env: {...process.env, LECTERN_QUICK_START: '0'}, stdout: true, stderr: true});
	} catch {
		return undefined;
	}
	// A reader quitting does not wait for it.
	worker.unref();
	worker.once('online', lowerSharedThreads);
	const waiting = new Map<number, (counts: IndexCounts | undefined) => void>();
	let idle: NodeJS.Timeout | undefined;
	let stopped = false;
	const stop = () => {
		if (stopped) return;
		stopped = true;
		clearTimeout(idle);
		ended();
		void worker.terminate();
	};
	worker.on('message', (message: unknown) => {
		const {id, counts} = (message ?? {}) as {id?: unknown; counts?: unknown};
		if (typeof id !== 'number') return;
		waiting.get(id)?.(isCounts(counts) ? counts : undefined);
		waiting.delete(id);
		if (waiting.size === 0 && !stopped) idle = setTimeout(stop, idleMs).unref();
	});
	// A worker that failed answers each count it had with none: they are made here instead.
	const end = () => {
		stop();
		for (const resolve of waiting.values()) resolve(undefined);
		waiting.clear();
	};
	worker.on('error', end);
	worker.on('exit', end);
	return {
		count(id, job) {
			clearTimeout(idle);
			const counts = new Promise<IndexCounts | undefined>((resolve) => waiting.set(id, resolve));
			worker.postMessage({id, job});
			return counts;
		},
	};
}

// The worker's own thread runs at the lowest priority, but the threads Node shares between the
// reader and its workers (V8's helpers for compiling hot code and collecting garbage, Node's timer
// thread) run the worker's compiling and collecting at the reader's priority: on two cores the
// reader's thread, idle, waited 3-9 ms behind them for a core now and then (perf sched: runnable,
// while they ran the worker's collections and compiles), and its own frames were slowed meanwhile.
// They are lowered to the worker's priority once the first worker is running, for the rest of the
// session: Linux lets a process lower a thread's priority, not raise it back without privilege.
// Not before the worker runs: lowered while it started (at the reader's priority), they made the
// reader's own young collections wait for them (11-12 ms). Only on Linux, where a nice value is a
// thread's own; elsewhere it would be the whole process's.
// The longest block while indexing 20 MB, per opening, in two rounds of 16 openings each way: median
// 7.7 and 7.1 ms, 3 and 1 of 16 over 10 ms; lowered, 5.8 and 5.0, 1 and none (the worst 12.3 and 8.0).
let sharedThreadsLowered = false;
function lowerSharedThreads(): void {
	if (sharedThreadsLowered || process.platform !== 'linux') return;
	sharedThreadsLowered = true;
	let threads: string[];
	try {
		threads = readdirSync('/proc/self/task');
	} catch {
		return;
	}
	for (const thread of threads) {
		const id = Number(thread);
		if (id === process.pid) continue; // the reader's own thread
		try {
			os.setPriority(id, WORKER_NICE);
		} catch {
			// A thread gone meanwhile: nothing to lower.
		}
	}
}

// dist/start.js, when this runs from dist/reader.js (whose modules come from start.js's registry).
function bundledStartScript(): string | undefined {
	if (!(globalThis as Record<string, unknown>)[REGISTRY]) return undefined;
	const script = path.join(path.dirname(fileURLToPath(import.meta.url)), 'start.js');
	return existsSync(script) ? script : undefined;
}

function isCounts(value: unknown): value is IndexCounts {
	if (!value || typeof value !== 'object') return false;
	const {rows, words, pages} = value as Record<string, unknown>;
	const pagesFit = pages === undefined || (typeof pages === 'object' && pages !== null && typeof (pages as Record<string, unknown>)['height'] === 'number' && (pages as Record<string, unknown>)['starts'] instanceof Float64Array);
	return rows instanceof Float64Array && (words === undefined || words instanceof Float64Array) && pagesFit;
}
