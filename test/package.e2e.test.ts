/**
 * The package as people meet it: `npm pack` (whose prepack builds the bundle), then `npx` of the
 * tarball from an empty folder with an empty npm cache and no reachable registry, reading in a
 * real terminal. Plus the one-line refusal of a Node that is too old.
 */
import {spawnSync} from 'node:child_process';
import {cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {transform} from 'esbuild';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type PtyRun, spawnPty} from '../scripts/pty-harness.mjs';
import {root, statusRow} from './lectern.js';

const STORY = 'buffy-angel-untitled';
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {version: string; engines: {node: string}};
const work = mkdtempSync(path.join(tmpdir(), 'lectern-package-'));
const runs: PtyRun[] = [];
let tarball = '';
let packedBundle = '';

// The environment of an npm run that sees nothing of ours: no npm_* variables inherited from
// `npm test` (they would point npm at this repository), no user .npmrc, the cache given, and a
// registry that refuses every connection, so that any download fails at once.
function isolatedNpm(cache: string): Record<string, string | undefined> {
	const inherited = Object.keys(process.env).filter((name) => /^npm_/i.test(name));
	const userconfig = path.join(work, 'empty-npmrc');
	writeFileSync(userconfig, '');
	return {
		...Object.fromEntries(inherited.map((name) => [name, undefined])),
		npm_config_cache: cache,
		npm_config_userconfig: userconfig,
		npm_config_registry: 'http://127.0.0.1:9/',
		npm_config_fetch_retries: '0',
		npm_config_update_notifier: 'false',
		npm_config_audit: 'false',
		npm_config_fund: 'false',
		CI: undefined,
	};
}

function withoutUndefined(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
	return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined)) as NodeJS.ProcessEnv;
}

// npm and npx beside the node that runs the tests, so a machine with several Nodes uses one.
const npmBin = (name: string) => {
	const beside = path.join(path.dirname(process.execPath), name);
	return existsSync(beside) ? beside : name;
};

beforeAll(() => {
	// Packed from a copy: prepack rebuilds dist/lectern.js, which other test files are running.
	const stage = path.join(work, 'repo');
	mkdirSync(stage);
	for (const entry of readdirSync(root)) {
		if (['node_modules', '.git', 'dist', 'coverage', '.bench'].includes(entry) || entry.endsWith('.tgz')) continue;
		cpSync(path.join(root, entry), path.join(stage, entry), {recursive: true});
	}
	symlinkSync(path.join(root, 'node_modules'), path.join(stage, 'node_modules'), 'dir');
	const out = path.join(work, 'out');
	mkdirSync(out);
	const packed = spawnSync(npmBin('npm'), ['pack', '--json', '--pack-destination', out], {
		cwd: stage,
		encoding: 'utf8',
		env: withoutUndefined({...process.env, ...isolatedNpm(path.join(work, 'pack-cache'))}),
		timeout: 60_000,
	});
	if (packed.status !== 0) throw new Error(`npm pack failed (${packed.status}):\n${packed.stderr}`);
	// npm prints the build's output before the JSON: the JSON is the last top-level array.
	const json = packed.stdout.slice(packed.stdout.lastIndexOf('\n[') + 1);
	tarball = path.join(out, (JSON.parse(json) as Array<{filename: string}>)[0]!.filename);
	packedBundle = path.join(stage, 'dist', 'lectern.js');
}, 90_000);

afterAll(async () => {
	for (const run of runs.splice(0)) {
		if (!run.hasExited()) {
			run.kill('SIGTERM');
			await run.waitForExit(3000).catch(() => undefined);
		}
		run.dispose();
	}
	rmSync(work, {recursive: true, force: true, maxRetries: 10, retryDelay: 50});
});

describe('the npm package', () => {
	it('holds only the bundle, the stories, README, LICENSE and package.json', () => {
		const listed = spawnSync('tar', ['-tzf', tarball], {encoding: 'utf8'});
		expect(listed.status).toBe(0);
		const files = listed.stdout
			.split('\n')
			.filter(Boolean)
			.map((entry) => entry.replace(/^package\//, ''))
			.sort();
		const stories = readdirSync(path.join(root, 'stories')).map((name) => `stories/${name}`);
		expect(files).toEqual(['LICENSE', 'README.md', 'dist/lectern.js', 'dist/package.json', 'dist/reader.js', 'dist/start.js', 'package.json', ...stories].sort());
	});

	it('declares no dependency, and its bin is the bundle with a node shebang', () => {
		const manifest = JSON.parse(spawnSync('tar', ['-xzOf', tarball, 'package/package.json'], {encoding: 'utf8'}).stdout) as Record<string, unknown>;
		for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies']) expect(manifest[field]).toBeUndefined();
		expect(manifest['bin']).toEqual({lectern: 'dist/lectern.js'});
		expect(readFileSync(packedBundle, 'utf8').split('\n', 1)[0]).toBe('#!/usr/bin/env node');
	});

	it('runs with npx from an empty folder and an empty cache, offline, and quits cleanly', async () => {
		const empty = mkdtempSync(path.join(work, 'empty-'));
		const cache = mkdtempSync(path.join(work, 'cache-'));
		const config = mkdtempSync(path.join(work, 'config-'));
		const run = spawnPty(npmBin('npx'), ['--yes', `--package=${tarball}`, 'lectern', STORY], {
			cwd: empty,
			env: {...isolatedNpm(cache), XDG_CONFIG_HOME: config, XDG_CACHE_HOME: path.join(config, 'cache'), NO_COLOR: undefined},
		});
		runs.push(run);
		await run.waitFor('SETTING: Post "Dead Things"', 30_000);
		await run.waitFor((screen) => /^Untitled\b.*\b1 of \d+ · 0%$/.test(statusRow(screen)));
		expect(run.isAlternateScreen()).toBe(true);
		run.write('q');
		expect((await run.waitForExit(10_000)).exitCode).toBe(0);
		// The terminal is as it was: main screen, cursor shown, the story gone from it.
		expect(run.isAlternateScreen()).toBe(false);
		expect(run.isCursorHidden()).toBe(false);
		expect(run.screenText()).not.toContain('SETTING: Post');
		expect(existsSync(path.join(config, 'lectern', 'library.json'))).toBe(true);
		expect(readdirSync(empty)).toEqual([]);
		// npx installed Lectern and nothing else.
		const installs = readdirSync(path.join(cache, '_npx'));
		expect(installs).toHaveLength(1);
		const modules = path.join(cache, '_npx', installs[0]!, 'node_modules');
		expect(readdirSync(modules).filter((name) => !name.startsWith('.'))).toEqual(['lectern']);
	}, 60_000);
});

describe('an older Node', () => {
	const minimum = pkg.engines.node.match(/\d+(\.\d+)?/)![0];
	// Node with process.versions.node replaced before the bundle loads, as an older Node reports it.
	const runAs = (version: string, args: string[]) =>
		spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(`Object.defineProperty(process.versions, 'node', {value: '${version}'})`)}`, packedBundle, ...args], {
			encoding: 'utf8',
			env: withoutUndefined({...process.env, CI: undefined, XDG_CONFIG_HOME: path.join(work, 'old-node'), XDG_CACHE_HOME: path.join(work, 'old-node')}),
			timeout: 15_000,
		});

	it.each(['18.20.4', '20.18.3', '16.20.2'])('gets one line naming the Node it needs on %s, not a stack trace', (version) => {
		const run = runAs(version, [STORY]);
		expect(run.status).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toBe(`lectern needs Node.js ${minimum} or newer; this is Node.js ${version}. Get a current one from https://nodejs.org\n`);
	});

	it.each([`${minimum}.0`, '22.0.0', '100.1.0'])('lets %s through', (version) => {
		const run = runAs(version, ['--version']);
		expect(run.stderr).toBe('');
		expect(run.stdout.trim()).toBe(pkg.version);
	});

	it('uses no syntax that Node 18 cannot parse, so an old Node reaches the check', async () => {
		// esbuild lowers whatever a target cannot parse: lowering for Node 18 must change nothing.
		const code = readFileSync(packedBundle, 'utf8');
		const options = {format: 'esm', minifyWhitespace: true, logLevel: 'silent'} as const;
		const [asShipped, forNode18] = await Promise.all([transform(code, {...options, target: 'node20.19'}), transform(code, {...options, target: 'node18'})]);
		expect(forNode18.code === asShipped.code).toBe(true);
	});
});
