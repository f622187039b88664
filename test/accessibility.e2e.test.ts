/** Reading without colour, through plain output, and by keys alone, in a real terminal. */
import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {spawnPty} from '../scripts/pty-harness.mjs';
import {bundle, readerSession, status} from './lectern.js';

const STORY = 'buffy-angel-untitled';
const session = readerSession();
const config = session.config;

// The SGR parameters that set a colour: 30-49 (including 38;… and 48;…) and the bright 90-107.
function colourCodes(raw: string): string[] {
	return [...raw.matchAll(/\u001B\[([\d;:]*)m/g)].map((match) => match[1]!).filter((params) => params.split(/[;:]/).some((p) => /^(3\d|4\d|9[0-7]|10[0-7])$/.test(p)));
}

describe('without colour', () => {
	it('draws no colour at all with NO_COLOR, even in a coloured theme on a truecolor terminal, on every screen', async () => {
		const run = spawnPty(process.execPath, [bundle, '--theme', 'sepia', STORY], {env: {XDG_CONFIG_HOME: config(), NO_COLOR: '1', COLORTERM: 'truecolor', FORCE_COLOR: undefined}});
		session.track(run);
		await run.waitFor(status(/1 of \d+ · 0%$/));
		// The library, the settings, the theme picker and help: each opened and closed by keys alone.
		run.write('o');
		await run.waitFor(/^\s*Library/m);
		// The selected story is marked by a character, not only by a colour or inverse.
		expect(run.screenText()).toMatch(/^\s*› \S/m);
		run.write('\u001B');
		await run.waitFor(status(/%$/));
		run.write('S');
		await run.waitFor(/› Theme/);
		run.write('\u001B');
		await run.waitFor(status(/%$/));
		run.write('C');
		await run.waitFor(/Theme ‹ \w+/);
		run.write('\u001B');
		await run.waitFor(status(/%$/));
		run.write('?');
		await run.waitFor('Lectern keys');
		run.write('q');
		expect((await run.waitForExit()).exitCode).toBe(0);
		expect(colourCodes(run.raw())).toEqual([]);
		// Without colour, the status bar is still a bar (inverse) and the selected setting still stands out.
		expect(run.raw()).toContain('\u001B[7m');
	});

	it('does draw the theme when colour is allowed (so the test above can fail)', async () => {
		const run = spawnPty(process.execPath, [bundle, '--theme', 'sepia', STORY], {env: {XDG_CONFIG_HOME: config(), NO_COLOR: undefined, COLORTERM: 'truecolor'}});
		session.track(run);
		await run.waitFor(status(/1 of \d+ · 0%$/));
		run.write('q');
		await run.waitForExit();
		expect(colourCodes(run.raw()).length).toBeGreaterThan(0);
	});
});

describe('plain output', () => {
	it('prints the story with no escape sequence when piped, whatever the theme and FORCE_COLOR', () => {
		const run = spawnSync(process.execPath, [bundle, '--theme', 'nord', STORY], {
			encoding: 'utf8',
			env: {...process.env, XDG_CONFIG_HOME: config(), FORCE_COLOR: '3', COLORTERM: 'truecolor', CI: undefined},
			timeout: 15_000,
		});
		expect(run.status).toBe(0);
		expect(run.stdout).toContain('SETTING: Post "Dead Things"');
		expect(run.stdout).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/);
		expect(run.stdout.split('\n').every((line) => line.length <= 80)).toBe(true);
	});

	it('prints plain text in a terminal that says TERM=dumb, and takes no key', async () => {
		const run = spawnPty(process.execPath, [bundle, STORY], {env: {XDG_CONFIG_HOME: config(), TERM: 'dumb', NO_COLOR: undefined}});
		session.track(run);
		expect((await run.waitForExit(10_000)).exitCode).toBe(0);
		expect(run.raw()).toContain("She'd killed Spike.");
		expect(run.raw()).not.toContain('\u001B');
		expect(run.isAlternateScreen()).toBe(false);
	});
});
