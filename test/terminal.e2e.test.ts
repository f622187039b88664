import {afterEach, describe, expect, it} from 'vitest';
import type {PtyRun} from '../scripts/pty-harness.mjs';
import {spawnPty} from '../scripts/pty-harness.mjs';
import {bodyRows, bundle, startReader, statusRow, tempConfig, wordsOf} from './lectern.js';

const STORY = 'buffy-angel-untitled';
const runs: PtyRun[] = [];
const cleanups: Array<() => void> = [];
afterEach(async () => {
	for (const run of runs.splice(0)) {
		if (!run.hasExited()) {
			run.kill('SIGTERM');
			await run.waitForExit(3000).catch(() => undefined);
		}
		run.dispose();
	}
	for (const cleanup of cleanups.splice(0)) cleanup();
});

function config() {
	const made = tempConfig();
	cleanups.push(made.remove);
	return made.dir;
}

const track = (run: PtyRun) => {
	runs.push(run);
	return run;
};
const status = (pattern: RegExp) => (screen: string[]) => pattern.test(statusRow(screen));

describe('a terminal that misbehaves', () => {
	it('survives a storm of a hundred resizes, down to 1x1, and keeps the sentence', async () => {
		const run = track(startReader([STORY], config()));
		await run.waitFor(status(/1 of \d+/));
		run.write('  ');
		await run.waitFor(status(/3 of \d+/));
		const opening = wordsOf(bodyRows(run.screen())[0]!).slice(0, 5).join(' ');
		for (let i = 0; i < 100; i++) {
			const cols = i % 10 === 0 ? 1 : 10 + ((i * 37) % 150);
			const rows = i % 10 === 0 ? 1 : 3 + ((i * 11) % 50);
			run.resize(cols, rows);
			await new Promise((resolve) => setTimeout(resolve, 10));
		}
		run.resize(100, 30);
		await run.waitFor((screen) => wordsOf(bodyRows(screen).slice(0, 2).join(' ')).join(' ').includes(opening) && /3 of \d+/.test(statusRow(screen)));
		expect(run.hasExited()).toBe(false);
	});

	it('restores the terminal and saves the place on SIGINT', async () => {
		const dir = config();
		const run = track(startReader([STORY], dir));
		await run.waitFor(status(/1 of \d+/));
		run.write(' ');
		await run.waitFor(status(/2 of \d+/));
		run.kill('SIGINT');
		expect((await run.waitForExit()).exitCode).toBe(130);
		expect(run.isAlternateScreen()).toBe(false);
		expect(run.isCursorHidden()).toBe(false);
		const again = track(startReader([STORY], dir));
		await again.waitFor(status(/2 of \d+/));
	});

	it('restores the terminal, names the error and saves the place when it crashes', async () => {
		const dir = config();
		const run = track(spawnPty(process.execPath, [bundle, STORY], {env: {XDG_CONFIG_HOME: dir, LECTERN_TEST_CRASH_AFTER_MS: '1500'}}));
		await run.waitFor(status(/1 of \d+/));
		run.write(' ');
		await run.waitFor(status(/2 of \d+/));
		expect((await run.waitForExit(5000)).exitCode).toBe(1);
		expect(run.isAlternateScreen()).toBe(false);
		expect(run.isCursorHidden()).toBe(false);
		expect(run.screenText()).toContain('lectern: Error: crash requested by LECTERN_TEST_CRASH_AFTER_MS');
		const again = track(startReader([STORY], dir));
		await again.waitFor(status(/2 of \d+/));
	});

	it('prints plain text on a dumb terminal instead of drawing pages', async () => {
		const run = track(spawnPty(process.execPath, [bundle, STORY], {env: {XDG_CONFIG_HOME: config(), TERM: 'dumb'}}));
		expect((await run.waitForExit()).exitCode).toBe(0);
		expect(run.raw()).not.toContain('\u001B');
		expect(run.raw()).toContain("She'd killed Spike.");
	});
});
