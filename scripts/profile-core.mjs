// In-process timings of the pure core on a large text, without a terminal: parsing, the whole-book
// index, and the layout work a page turn and a resize do. `node scripts/profile-core.mjs [file.txt]`
// (default: War and Peace repeated to 20 MB). Add --cpu-prof to node's flags to profile it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {fileURLToPath, pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import v8 from 'node:v8';
import {writeLargeText} from './bench-corpus.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceRoot = process.env.CORE_ROOT ?? repoRoot; // another checkout's sources, to compare before and after
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-core-'));
const entry = `
export {parseFile} from './source/formats/index.js';
export {Layout} from './source/core/layout.js';
export {progressAt, pageLines} from './source/core/screen.js';
`;
const outfile = path.join(temp, 'core.mjs');
await build({stdin: {contents: entry, resolveDir: sourceRoot, loader: 'ts'}, bundle: true, platform: 'node', format: 'esm', outfile, logLevel: 'warning'});
const {parseFile, Layout, progressAt, pageLines} = await import(pathToFileURL(outfile).href);

const file = process.argv[2] ?? writeLargeText(path.join(repoRoot, '..', 'shared', 'corpus', 'text', 'war-and-peace-2600.txt'), temp, 20 * 1024 * 1024);
const mib = bytes => (bytes / 1048576).toFixed(1);
const memory = label => {
	const {rss, heapUsed, external, arrayBuffers} = process.memoryUsage();
	console.log(`  memory ${label}: rss ${mib(rss)} MiB, heap ${mib(heapUsed)}, external ${mib(external)} (array buffers ${mib(arrayBuffers)})`);
};
const time = (label, work) => {
	const started = performance.now();
	const result = work();
	console.log(`${label}: ${(performance.now() - started).toFixed(1)} ms`);
	return result;
};

memory('at start');
const bytes = time('read', () => fs.readFileSync(file));
const story = time(`parse ${mib(bytes.length)} MiB`, () => parseFile(bytes, file));
console.log(`  ${story.text.length} characters, ${story.blocks.length} blocks, ${story.chapters.length} chapters`);
memory('after parse');
globalThis.gc?.();
memory('after parse and gc');
if (process.env.PROFILE_SPACES) for (const space of v8.getHeapSpaceStatistics()) console.log(`    ${space.space_name}: used ${mib(space.space_used_size)} MiB of ${mib(space.space_size)}`);

const layout = new Layout(story, 68);
time('first page', () => pageLines(layout, layout.page(0, 27).rows));
time('whole-book index', () => layout.buildIndex(Number.POSITIVE_INFINITY));
console.log(`  ${layout.totalRows()} rows, ${layout.wrappedChars} characters wrapped`);
time('page starts', () => layout.pageStarts(27));
const startsTimes = [];
for (let height = 10; height < 17; height++) {
	const started = performance.now();
	layout.pageStarts(height);
	startsTimes.push(performance.now() - started);
}
startsTimes.sort((a, b) => a - b);
console.log(`page starts, other heights, median of 7: ${startsTimes[3].toFixed(2)} ms`);
const again = [];
for (let i = 0; i < 7; i++) {
	const fresh = new Layout(story, 60 + i);
	const started = performance.now();
	fresh.buildIndex(Number.POSITIVE_INFINITY);
	again.push(performance.now() - started);
}
again.sort((a, b) => a - b);
console.log(`whole-book index, warm, median of 7: ${again[3].toFixed(1)} ms (min ${again[0].toFixed(1)})`);
memory('after index');
globalThis.gc?.();
memory('after index and gc');

let offset = Math.floor(story.text.length / 2);
const turns = [];
for (let i = 0; i < 50; i++) {
	const started = performance.now();
	offset = layout.scroll(offset, 27);
	pageLines(layout, layout.page(offset, 27).rows);
	progressAt(layout, offset, 27);
	turns.push(performance.now() - started);
}
turns.sort((a, b) => a - b);
console.log(`page turn (layout only), median of 50: ${turns[25].toFixed(3)} ms, max ${turns.at(-1).toFixed(3)} ms`);
const narrow = new Layout(story, 60);
time('resize (new layout, same offset, first page)', () => {
	pageLines(narrow, narrow.page(offset, 17).rows);
	progressAt(narrow, offset, 17);
});
fs.rmSync(temp, {recursive: true, force: true});
