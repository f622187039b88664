// Preloaded by the benchmark (`node --import ./scripts/bench-probe.mjs dist/lectern.js ...`) to find
// how long the app's event loop is blocked, with no measuring code in the app but one performance
// mark, where the whole-book index starts (source/ui/use-index.ts). A 1 ms
// interval notes every gap longer than 2 ms between its ticks; at exit the blocks are written to
// $LECTERN_PROBE_OUT as JSON: {timeOrigin, blocks: [[start, duration], ...], gcs: [[start, duration], ...],
// marks: [[name, time], ...]}, times in ms since timeOrigin; gcs are the garbage collections longer
// than 2 ms, to tell them apart; marks are the app's performance marks (the whole-book index's start).
import fs from 'node:fs';
import {PerformanceObserver, performance} from 'node:perf_hooks';

const out = process.env.LECTERN_PROBE_OUT;
if (out) {
	const blocks = [];
	let last = performance.now();
	const timer = setInterval(() => {
		const now = performance.now();
		// The tick itself is due 1 ms after the last one: only the time beyond that was blocked.
		const blocked = now - last - 1;
		if (blocked > 2) blocks.push([Number(last.toFixed(2)), Number(blocked.toFixed(2))]);
		last = now;
	}, 1);
	timer.unref();
	const gcs = [];
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) if (entry.duration > 2) gcs.push([Number(entry.startTime.toFixed(2)), Number(entry.duration.toFixed(2))]);
	}).observe({entryTypes: ['gc']});
	const marks = [];
	new PerformanceObserver((list) => {
		for (const entry of list.getEntries()) marks.push([entry.name, Number(entry.startTime.toFixed(2))]);
	}).observe({entryTypes: ['mark']});
	process.on('exit', () => fs.writeFileSync(out, JSON.stringify({timeOrigin: performance.timeOrigin, blocks, gcs, marks})));
}
