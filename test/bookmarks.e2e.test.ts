import {spawn} from 'node:child_process';
import {writeFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {bodyRows, bundle, readerSession, runPiped, status, wordsOf} from './lectern.js';

const STORY = 'buffy-angel-untitled';
const session = readerSession();




describe('bookmarks in a real terminal', () => {
	it('adds, renames, survives a resize and a restart, jumps, deletes and undoes', async () => {
		const dir = session.config();
		const run = session.open([STORY], dir);
		await run.waitFor(status(/1 of \d+/));
		run.write('  ');
		await run.waitFor(status(/3 of \d+/));
		const marked = bodyRows(run.screen())[0]!;
		run.write('m');
		await run.waitFor(status(/^Bookmark: /));
		run.write('Alley');
		await run.waitFor(status(/^Bookmark: Alley▏/));
		run.write('\r');
		await run.waitFor(status(/^Bookmarked “Alley”/));

		run.write('g');
		await run.waitFor(status(/1 of \d+/));
		run.write('B');
		await run.waitFor('Bookmarks · Untitled');
		expect(run.screenText()).toMatch(/› Alley\s*\n\s*\d+%/);
		run.write('r');
		await run.waitFor(/Rename: Alley▏/);
		run.write('The alley');
		run.write('\r');
		await run.waitFor('› The alley');

		run.resize(60, 20);
		await run.waitFor((screen) => screen.every((row) => row.length <= 60) && screen.join('\n').includes('› The alley'));
		run.write('q');
		expect((await run.waitForExit()).exitCode).toBe(0);

		const again = session.open([STORY], dir, {cols: 60, rows: 20});
		await again.waitFor(status(/%$/));
		again.write("'");
		await again.waitFor('› The alley');
		again.write('\r');
		const opening = wordsOf(marked).slice(0, 5).join(' ');
		await again.waitFor((screen) => wordsOf(bodyRows(screen).slice(0, 2).join(' ')).join(' ').includes(opening));

		again.write('`');
		await again.waitFor(status(/%$/));
		again.write('B');
		await again.waitFor('› The alley');
		again.write('d');
		await again.waitFor(/Deleted “The alley” · u undoes/);
		expect(again.screenText()).toContain('No bookmarks yet. Press m while reading to add one.');
		again.write('u');
		await again.waitFor('› The alley');
		again.write('\u001B');
		await again.waitFor(status(/%$/));
		again.write('q');
		await again.waitForExit();
		const listed = runPiped(['bookmarks', STORY, '--json'], dir);
		expect(JSON.parse(listed.stdout)[0].bookmarks.map((b: {name: string}) => b.name)).toEqual(['The alley']);
	});

	it('cancels a new bookmark with Esc and keeps the suggested name with Enter', async () => {
		const dir = session.config();
		const run = session.open([STORY], dir);
		await run.waitFor(status(/1 of/));
		run.write('m');
		await run.waitFor(status(/^Bookmark: .*Post "Dead Things" and…▏/));
		run.write('\u001B');
		await run.waitFor(status(/1 of/));
		run.write('m');
		await run.waitFor(status(/^Bookmark: /));
		run.write('\r');
		await run.waitFor(status(/^Bookmarked “SETTING: Post/));
		run.write('q');
		await run.waitForExit();
		expect(runPiped(['bookmarks'], dir).stdout).toMatch(/^Untitled \(buffy-angel-untitled\)\n {4}0% {2}SETTING: Post/);
	});
});

describe('bookmarks from scripts', () => {
	it('never loses a bookmark when two processes write one store at once', async () => {
		const dir = session.config();
		// Each process imports five files of four bookmarks its own: a write lost to the other
		// process would lose that file's bookmarks for good.
		const filesOf = (n: number) =>
			Array.from({length: 5}, (_, k) => {
				const file = path.join(dir, `import-${n}-${k}.json`);
				const bookmarks = Array.from({length: 4}, (_, i) => ({id: `p${n}-${k}-${i}`, name: `P${n} ${k}.${i}`, offset: 100 * k + 10 * i + n, snippet: '', createdAt: i}));
				const story = {offset: 0, length: 7496, title: 'Untitled', source: {kind: 'bundled', id: STORY}, readAt: 1, bookmarks};
				writeFileSync(file, JSON.stringify({lectern: 'export', schemaVersion: 1, stories: {[`story-${STORY}`]: story}}));
				return file;
			});
		const runImports = (files: string[]) =>
			new Promise<void>((resolve, reject) => {
				const next = (index: number) => {
					if (index === files.length) return resolve();
					const child = spawn(process.execPath, [bundle, '--import', files[index]!], {env: {...process.env, XDG_CONFIG_HOME: dir}, stdio: 'ignore'});
					child.on('exit', (code) => (code === 0 ? next(index + 1) : reject(new Error(`import exited ${code}`))));
				};
				next(0);
			});
		await Promise.all([filesOf(0), filesOf(1)].map(runImports));
		const stored = JSON.parse(runPiped(['bookmarks', '--json'], dir).stdout)[0].bookmarks;
		expect(stored).toHaveLength(40);
	});

	it('exports and imports into an empty config, giving the same bookmarks, and refuses bad files', () => {
		const from = session.config();
		const to = session.config();
		const file = path.join(from, 'export.json');
		writeFileSync(
			path.join(from, 'seed.json'),
			JSON.stringify({
				lectern: 'export',
				schemaVersion: 1,
				stories: {[`story-${STORY}`]: {offset: 120, length: 7496, title: 'Untitled', source: {kind: 'bundled', id: STORY}, readAt: 5, bookmarks: [{id: 'a', name: 'A', offset: 99, snippet: 'x', createdAt: 1}]}},
			}),
		);
		expect(runPiped(['--import', path.join(from, 'seed.json')], from).stdout).toMatch(/1 bookmark added, 0 already there/);
		expect(runPiped(['--export', file], from).stdout).toMatch(/^Exported 1 bookmark and the place in 1 story to /);
		expect(runPiped(['--import', file], to).stdout).toMatch(/1 bookmark added/);
		expect(runPiped(['bookmarks', '--json'], to).stdout).toBe(runPiped(['bookmarks', '--json'], from).stdout);
		expect(runPiped(['--import', file], to).stdout).toMatch(/0 bookmarks added, 1 already there and skipped/);

		const before = runPiped(['bookmarks', '--json'], to).stdout;
		writeFileSync(path.join(from, 'bad.json'), '{"lectern": "export", "schemaVersion": 1, "stories": {"x": {"offset": -4}}}');
		const bad = runPiped(['--import', path.join(from, 'bad.json')], to);
		expect(bad.status).toBe(1);
		expect(bad.stderr.trim()).toMatch(/bad\.json: story "x" is malformed\. Nothing was changed\.$/);
		writeFileSync(path.join(from, 'notjson.json'), 'hello');
		expect(runPiped(['--import', path.join(from, 'notjson.json')], to).stderr).toMatch(/notjson\.json: not JSON/);
		expect(runPiped(['bookmarks', '--json'], to).stdout).toBe(before);
	});
});

describe('a store that survives kill -9', () => {
	it('is readable, and writable again at once, after a process is killed at any moment of a write', async () => {
		const dir = session.config();
		const file = path.join(dir, 'big.json');
		const bookmarks = Array.from({length: 3000}, (_, i) => ({id: `k${i}`, name: `Bookmark ${i}`, offset: i, snippet: 'x'.repeat(40), createdAt: i}));
		writeFileSync(file, JSON.stringify({lectern: 'export', schemaVersion: 1, stories: {[`story-${STORY}`]: {offset: 0, length: 7496, title: 'Untitled', source: {kind: 'bundled', id: STORY}, readAt: 1, bookmarks}}}));
		for (const delay of [60, 90, 120, 150, 180, 210]) {
			const child = spawn(process.execPath, [bundle, '--import', file], {env: {...process.env, XDG_CONFIG_HOME: dir}, stdio: 'ignore'});
			await new Promise((resolve) => setTimeout(resolve, delay));
			child.kill('SIGKILL');
			await new Promise((resolve) => child.on('exit', resolve));
			const listed = runPiped(['bookmarks', '--json'], dir);
			expect(listed.status).toBe(0);
			expect(() => JSON.parse(listed.stdout)).not.toThrow();
		}
		// A lock left by a killed writer must not stop the next one.
		const again = runPiped(['--import', file], dir);
		expect(again.status).toBe(0);
		expect(JSON.parse(runPiped(['bookmarks', '--json'], dir).stdout)[0].bookmarks).toHaveLength(3000);
	});
});
