import {mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {spawnPty} from '../scripts/pty-harness.mjs';
import {bodyRows, bundle, readerSession, runPiped, status, statusRow, wordsOf} from './lectern.js';

const STORY = 'buffy-angel-untitled';
const session = readerSession();

describe('settings that last', () => {
	it('keeps a theme and double spacing chosen in the reader, and the same sentence, after a restart', async () => {
		const dir = session.config();
		const run = session.open([STORY], dir);
		await run.waitFor(status(/1 of \d+/));
		run.write('  ');
		await run.waitFor(status(/3 of \d+/));
		const opening = wordsOf(bodyRows(run.screen())[0]!).slice(0, 5).join(' ');
		run.write('c');
		await run.waitFor(status(/^Theme: Dark/));
		run.write('S');
		await run.waitFor(/› Theme/);
		run.write('jj');
		await run.waitFor(/› Line spacing\s+‹ single ›/);
		run.write('l');
		await run.waitFor(/› Line spacing\s+‹ double ›/);
		run.write('\u001B');
		await run.waitFor((screen) => !screen.join('\n').includes('Line spacing') && wordsOf(bodyRows(screen).slice(0, 2).join(' ')).join(' ').includes(opening));
		// Double spacing: a blank row between every two rows of text.
		const page = run.screen().slice(1, 8);
		expect(page.filter((row) => row.trim() === '').length).toBeGreaterThanOrEqual(3);
		run.write('q');
		await run.waitForExit();
		expect(JSON.parse(readFileSync(path.join(dir, 'lectern', 'settings.json'), 'utf8'))).toMatchObject({theme: 'dark', spacing: 2});

		const again = session.open([], dir);
		await again.waitFor((screen) => wordsOf(bodyRows(screen).slice(0, 2).join(' ')).join(' ').includes(opening));
		expect(again.screen().slice(1, 8).filter((row) => row.trim() === '').length).toBeGreaterThanOrEqual(3);
		expect(statusRow(again.screen())).toMatch(/%$/);
	});

	it('starts with justified text when justification was chosen in an earlier run (the reader alone, without the quick page)', async () => {
		const dir = session.config();
		mkdirSync(path.join(dir, 'lectern'), {recursive: true});
		writeFileSync(path.join(dir, 'lectern', 'settings.json'), JSON.stringify({justify: true, width: 40}));
		const run = session.track(spawnPty(process.execPath, [bundle, STORY], {cols: 60, rows: 20, env: {XDG_CONFIG_HOME: dir, LECTERN_QUICK_START: '0'}}));
		await run.waitFor(status(/1 of \d+/));
		// Justified: every full row of a paragraph but its last reaches the column's right edge.
		const rows = run.screen().filter((row) => row.trim().split(/\s+/).length > 4);
		expect(rows.filter((row) => row.trimEnd().length === 10 + 40).length).toBeGreaterThan(rows.length / 2);
		expect(rows.some((row) => /\S {2,}\S/.test(row.trim()))).toBe(true);
	});

	it('refuses an unknown theme in one line that lists the themes', () => {
		const result = runPiped(['--theme', 'neon', STORY], session.config());
		expect(result.status).toBe(1);
		expect(result.stderr.trim()).toBe('lectern: --theme neon: no such theme. Themes: terminal, dark, light, sepia, solarized-dark, solarized-light, nord, high-contrast.');
	});
});
