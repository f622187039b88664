// Before/after: first text and page turns of several builds, interleaved so that the machine's
// load hits all of them alike. `node scripts/bench-compare.mjs old.js new.js [-- lectern args]`
// (default args: the bundled story). A build outside dist/ needs ../stories beside its folder.
// BENCH_RUNS samples each (default 15), `node -e ''` measured alongside.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {performance} from 'node:perf_hooks';
import {spawnPty} from './pty-harness.mjs';

const runs = Number.parseInt(process.env.BENCH_RUNS ?? '15', 10);
const split = process.argv.indexOf('--');
const apps = (split < 0 ? process.argv.slice(2) : process.argv.slice(2, split)).map(app => path.resolve(app));
const args = split < 0 ? ['buffy-angel-untitled'] : process.argv.slice(split + 1);
const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-compare-'));
const showsText = screen => screen.filter(row => (row.match(/\p{L}/gu)?.length ?? 0) >= 10).length >= 2;
const bodyOf = screen => screen.slice(0, -1).join('\n');
const median = values => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// BENCH_NICE=-10 runs every subject at that priority (as root), to compare builds on a busy machine.
const nice = process.env.BENCH_NICE;
async function once(command, commandArgs, ready, turns) {
	const run = spawnPty(nice ? 'nice' : command, nice ? ['-n', nice, command, ...commandArgs] : commandArgs, {cols: 100, rows: 30, env: {XDG_CONFIG_HOME: fs.mkdtempSync(path.join(temp, 'c-'))}});
	const at = await run.waitFor(ready, 10_000);
	const cpu = mainThreadCpu(run.pid);
	const latencies = [];
	for (let i = 0; i < turns; i++) {
		await new Promise(resolve => setTimeout(resolve, 60));
		const before = bodyOf(run.screen());
		const sent = performance.now();
		run.write(i % 2 === 0 ? ' ' : 'b');
		latencies.push((await run.waitFor(screen => bodyOf(screen) !== before, 5000)) - sent);
	}
	run.write('q');
	await run.waitForExit(3000).catch(() => run.kill());
	run.dispose();
	return {first: at - run.startedAt, cpu, latencies};
}

// Milliseconds the process's main thread has run on a CPU (Linux): start-up work without the waits for a CPU.
function mainThreadCpu(pid) {
	try {
		return Number(fs.readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[0]) / 1e6;
	} catch {
		return Number.NaN;
	}
}

const results = new Map([['node', {first: [], cpu: [], turns: []}], ...apps.map(app => [app, {first: [], cpu: [], turns: []}])]);
for (let i = 0; i <= runs; i++) {
	const base = await once(process.execPath, ['-e', "process.stdout.write('x')"], 'x', 0);
	if (i > 0) results.get('node').first.push(base.first);
	if (i > 0) results.get('node').cpu.push(base.cpu);
	for (const app of apps) {
		const {first, cpu, latencies} = await once(process.execPath, [app, ...args], showsText, 4);
		if (i === 0) continue;
		results.get(app).first.push(first);
		results.get(app).cpu.push(cpu);
		results.get(app).turns.push(...latencies);
	}
}
for (const [name, {first, cpu, turns}] of results) {
	console.log(`${name.padEnd(40)} first text ${median(first).toFixed(1).padStart(6)} ms (main thread on CPU ${median(cpu).toFixed(1).padStart(6)} ms)${turns.length ? `   page turn ${median(turns).toFixed(1).padStart(5)} ms (max ${Math.max(...turns).toFixed(1)})` : ''}`);
}
fs.rmSync(temp, {recursive: true, force: true});
