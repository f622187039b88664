import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {spawnPty} from '../scripts/pty-harness.mjs';
import {bodyRows, bundle, readerSession, startReader, status, statusRow, wordsOf} from './lectern.js';

const STORY = 'buffy-angel-untitled';
const session = readerSession();



describe('a terminal that misbehaves', () => {
	it('survives a storm of a hundred resizes, down to 1x1, and keeps the sentence', async () => {
		const run = session.track(startReader([STORY], session.config()));
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
		const dir = session.config();
		const run = session.track(startReader([STORY], dir));
		await run.waitFor(status(/1 of \d+/));
		run.write(' ');
		await run.waitFor(status(/2 of \d+/));
		run.kill('SIGINT');
		expect((await run.waitForExit()).exitCode).toBe(130);
		expect(run.isAlternateScreen()).toBe(false);
		expect(run.isCursorHidden()).toBe(false);
		const again = session.track(startReader([STORY], dir));
		await again.waitFor(status(/2 of \d+/));
	});

	it('restores the terminal, names the error and saves the place when it crashes', async () => {
		const dir = session.config();
		const run = session.track(spawnPty(process.execPath, [bundle, STORY], {env: {XDG_CONFIG_HOME: dir, LECTERN_TEST_CRASH_AFTER_MS: '1500'}}));
		await run.waitFor(status(/1 of \d+/));
		run.write(' ');
		await run.waitFor(status(/2 of \d+/));
		expect((await run.waitForExit(5000)).exitCode).toBe(1);
		expect(run.isAlternateScreen()).toBe(false);
		expect(run.isCursorHidden()).toBe(false);
		expect(run.screenText()).toContain('lectern: Error: crash requested by LECTERN_TEST_CRASH_AFTER_MS');
		const again = session.track(startReader([STORY], dir));
		await again.waitFor(status(/2 of \d+/));
	});

	it('prints plain text on a dumb terminal instead of drawing pages', async () => {
		const run = session.track(spawnPty(process.execPath, [bundle, STORY], {env: {XDG_CONFIG_HOME: session.config(), TERM: 'dumb'}}));
		expect((await run.waitForExit()).exitCode).toBe(0);
		expect(run.raw()).not.toContain('\u001B');
		expect(run.raw()).toContain("She'd killed Spike.");
	});

	it('underlines emphasis on a terminal without italics (the Linux console)', async () => {
		const dir = session.config();
		const file = path.join(dir, 'em.txt');
		writeFileSync(file, 'Some _emphasis_ here, and more words after it.');
		const run = session.track(spawnPty(process.execPath, [bundle, file], {env: {XDG_CONFIG_HOME: dir, TERM: 'linux'}}));
		await run.waitFor('Some emphasis here');
		expect(run.raw()).toMatch(/\u001B\[4memphasis/);
		expect(run.raw()).not.toMatch(/\u001B\[3m/);
	});
});
