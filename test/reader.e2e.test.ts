import {existsSync, readdirSync, writeFileSync, mkdirSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {bodyRows, readerSession, runPiped, status, statusRow, wordsOf} from './lectern.js';

const STORY = 'buffy-angel-untitled';
const session = readerSession();




describe('reading in a real terminal', () => {
	it('opens the bundled story full-screen, pages forward and back, and shows where the reader is', async () => {
		const run = session.open([STORY], session.config());
		await run.waitFor('SETTING: Post "Dead Things"');
		expect(run.isAlternateScreen()).toBe(true);
		expect(run.isCursorHidden()).toBe(true);
		await run.waitFor(status(/^Untitled\s+(?:\d+ min left · )?1 of \d+ · 0%$/));
		const first = bodyRows(run.screen());
		run.write(' ');
		await run.waitFor(status(/2 of \d+ · \d+%$/));
		const second = bodyRows(run.screen());
		expect(second[0]).not.toBe(first[0]);
		// Nothing is skipped: the first row of page 2 follows the last row of page 1 in the story.
		const story = runPiped([STORY, '--width', '68'], session.config()).stdout;
		const flat = wordsOf(story).join(' ');
		expect(flat).toContain(wordsOf(`${first.at(-1)} ${second[0]}`).join(' '));
		run.write('b');
		await run.waitFor(status(/1 of \d+ · 0%$/));
		expect(bodyRows(run.screen())).toEqual(first);
		run.write('G');
		await run.waitFor(status(/100%$/));
		expect(run.screenText()).toContain("She'd killed Spike.");
	});

	it('keeps the sentence that began the page on screen through 100x30 → 60x20 → 100x30', async () => {
		const run = session.open([STORY], session.config());
		await run.waitFor('SETTING:');
		run.write('  ');
		await run.waitFor(status(/3 of/));
		const before = bodyRows(run.screen());
		const opening = wordsOf(before[0]!).slice(0, 6).join(' ');
		run.resize(60, 20);
		// The row that holds the sentence may begin earlier in its paragraph: it must be in the first two rows.
		await run.waitFor((screen) => screen.every((row) => row.length <= 60) && wordsOf(bodyRows(screen).slice(0, 2).join(' ')).join(' ').includes(opening));
		expect(statusRow(run.screen())).toMatch(/\d+ of \d+ · \d+%$/);
		run.resize(100, 30);
		await run.waitFor((screen) => bodyRows(screen)[0] === before[0] && /3 of/.test(statusRow(screen)));
		expect(bodyRows(run.screen())).toEqual(before);
	});

	it('shows a notice on a terminal too small to read in, and reads again when it grows', async () => {
		const run = session.open([STORY], session.config());
		await run.waitFor('SETTING:');
		run.resize(15, 5);
		await run.waitFor('15x5 < 20x6');
		run.resize(20, 6);
		await run.waitFor((screen) => !screen.join('').includes('< 20x6') && /\d+%$/.test(statusRow(screen)));
		run.resize(100, 30);
		await run.waitFor('SETTING: Post "Dead Things"');
	});

	it('restores the terminal on q and resumes on the same sentence when reopened with no argument', async () => {
		const config = session.config();
		const run = session.open([STORY], config);
		await run.waitFor('SETTING:');
		run.write('   ');
		await run.waitFor(status(/4 of/));
		const page = bodyRows(run.screen());
		run.write('q');
		expect(await run.waitForExit()).toMatchObject({exitCode: 0});
		expect(run.isAlternateScreen()).toBe(false);
		expect(run.isCursorHidden()).toBe(false);

		const again = session.open([], config, {cols: 70, rows: 24});
		await again.waitFor((screen) => wordsOf(bodyRows(screen).slice(0, 2).join(' ')).join(' ').includes(wordsOf(page[0]!).slice(0, 6).join(' ')));
	});

	it('saves the place and restores the terminal on SIGTERM and SIGHUP', async () => {
		for (const [signal, code] of [
			['SIGTERM', 143],
			['SIGHUP', 129],
		] as const) {
			const config = session.config();
			const run = session.open([STORY], config);
			await run.waitFor('SETTING:');
			run.write('  ');
			await run.waitFor(status(/3 of/));
			const top = bodyRows(run.screen())[0]!;
			run.kill(signal);
			expect((await run.waitForExit()).exitCode).toBe(code);
			expect(run.isAlternateScreen()).toBe(false);
			expect(run.isCursorHidden()).toBe(false);
			const again = session.open([STORY], config);
			await again.waitFor((screen) => bodyRows(screen)[0] === top);
		}
	});

	it('opens the library when nothing was read, and opens a story from it', async () => {
		const run = session.open([], session.config());
		await run.waitFor('Library');
		expect(run.screenText()).toContain('Untitled');
		expect(run.screenText()).toContain('Buffy the Vampire Slayer / Angel · not started');
		run.write('\r');
		await run.waitFor('SETTING:');
		run.write('?');
		await run.waitFor('Lectern keys');
		expect(run.screenText()).toMatch(/Space PgDn → l f\s+Next page/);
		run.write('\u001B');
		await run.waitFor('SETTING:');
		run.write('o');
		await run.waitFor(/Untitled\s*\n.*0% read · just now/);
	});

	it('moves a corrupt config aside, says so once, and still reads', async () => {
		const config = session.config();
		mkdirSync(path.join(config, 'lectern'), {recursive: true});
		writeFileSync(path.join(config, 'lectern', 'library.json'), '{"stories": ');
		const run = session.open([STORY], config);
		await run.waitFor(/library file could not be read/);
		expect(readdirSync(path.join(config, 'lectern')).some((name) => /^library\.corrupt-.*\.json$/.test(name))).toBe(true);
		run.write(' ');
		await run.waitFor(status(/^Untitled\s+(?:\d+ min left · )?2 of/));
	});

	it('refuses an unknown story before drawing anything, naming what exists', async () => {
		const run = session.open(['no-such-story'], session.config());
		const exit = await run.waitForExit();
		expect(exit.exitCode).toBe(1);
		expect(run.raw()).not.toContain('\u001B[?1049h');
		expect(run.screen().join('').trim()).toBe('lectern: No story or file "no-such-story". Bundled stories: buffy-angel-untitled. Or give the path of a text file.');
	});
});

describe('scripts and pipes', () => {
	it('prints the story as plain text wrapped to 80 columns when stdout is not a terminal', () => {
		const result = runPiped([STORY], session.config());
		expect(result.status).toBe(0);
		expect(result.stdout).not.toMatch(/\u001B/);
		const lines = result.stdout.split('\n');
		expect(Math.max(...lines.map((line) => line.length))).toBeLessThanOrEqual(80);
		expect(lines[0]).toMatch(/^SETTING: Post "Dead Things"/);
		expect(result.stdout.trimEnd().endsWith("She'd killed Spike.")).toBe(true);
		expect(Math.max(...runPiped([STORY, '--width', '40'], session.config()).stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(40);
	});

	it('lists the bundled stories, prints usage and version', () => {
		const config = session.config();
		expect(runPiped(['--list'], config).stdout).toBe(`${STORY}\tUntitled\n`);
		const help = runPiped(['--help'], config).stdout;
		expect(help).toContain('Usage');
		expect(help).toContain('Next page');
		expect(runPiped(['--version'], config).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
	});

	it.each([
		[['missing-file.txt'], /^lectern: \S*missing-file\.txt: no such file\./],
		[['--width', '5', STORY], /^lectern: --width 5: give a whole number of at least 20 columns\.$/],
		[['a', 'b'], /^lectern: Give one story at a time/],
	])('exits with 1 and one line for %j', (args, message) => {
		const result = runPiped(args, session.config());
		expect(result.status).toBe(1);
		expect(result.stderr.trim().split('\n')).toHaveLength(1);
		expect(result.stderr.trim()).toMatch(message);
	});
});
