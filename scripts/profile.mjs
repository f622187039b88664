// Profiles one start of the reader in a real pty: `node scripts/profile.mjs [lectern args...]`.
// Runs the bundle under `node --cpu-prof`, waits for the first text, optionally presses keys, quits,
// and prints the functions that took the most time (self and inclusive). PROFILE_KEYS=" b" presses
// keys after the first page; PROFILE_TOP sets how many rows to print; the .cpuprofile is kept
// (its path is printed) for Chrome DevTools.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {spawnPty} from './pty-harness.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const app = path.resolve(repoRoot, process.env.BENCH_APP ?? 'dist/lectern.js');
const top = Number.parseInt(process.env.PROFILE_TOP ?? '30', 10);
const keys = process.env.PROFILE_KEYS ?? '';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-profile-'));
const config = fs.mkdtempSync(path.join(os.tmpdir(), 'lectern-profile-config-'));

const run = spawnPty(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '--cpu-prof-interval=100', app, ...process.argv.slice(2)], {
	cols: 100,
	rows: 30,
	cwd: repoRoot,
	env: {XDG_CONFIG_HOME: config},
});
const proseRows = screen => screen.filter(row => (row.match(/\p{L}/gu)?.length ?? 0) >= 12).length >= 2;
const at = await run.waitFor(proseRows, 20_000);
console.log(`first text after ${(at - run.startedAt).toFixed(1)} ms (profiled, so slower than a real start)`);
for (const key of keys) {
	await new Promise(resolve => setTimeout(resolve, 300));
	run.write(key);
}
await new Promise(resolve => setTimeout(resolve, 300));
run.write('q');
await run.waitForExit(10_000);
run.dispose();
fs.rmSync(config, {recursive: true, force: true});

const file = fs.readdirSync(dir).find(name => name.endsWith('.cpuprofile'));
if (!file) throw new Error(`no profile written in ${dir}`);
const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8'));
const nodes = new Map(profile.nodes.map(node => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
const selfTime = new Map();
profile.samples.forEach((id, i) => selfTime.set(id, (selfTime.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const name = node => {
	const {functionName, url, lineNumber, columnNumber} = node.callFrame;
	return `${functionName || '(anonymous)'} ${url.split('/').at(-1)}:${lineNumber + 1}:${columnNumber + 1}`;
};
const self = new Map();
const inclusive = new Map();
for (const [id, time] of selfTime) {
	self.set(name(nodes.get(id)), (self.get(name(nodes.get(id))) ?? 0) + time);
	const seen = new Set();
	for (let current = id; current !== undefined; current = parent.get(current)) {
		const key = name(nodes.get(current));
		if (seen.has(key)) continue;
		seen.add(key);
		inclusive.set(key, (inclusive.get(key) ?? 0) + time);
	}
}
const print = (title, table) => {
	console.log(`\n${title}`);
	for (const [key, time] of [...table].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${(time / 1000).toFixed(1).padStart(8)} ms  ${key}`);
};
print('self time', self);
print('inclusive time', inclusive);
console.log(`\nprofile: ${path.join(dir, file)}`);
