import {existsSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {bodyRows, readerSession, root, runPiped, status, statusRow} from './lectern.js';

const corpus = path.resolve(root, '..', 'shared', 'corpus');
const haveCorpus = existsSync(corpus);
if (!haveCorpus) {
	if (process.env['CI']) throw new Error(`The corpus is missing at ${corpus}`);
	console.warn(`skipped: ${corpus} not found`);
}

const session = readerSession();




describe.runIf(haveCorpus)('reading the reader’s own books', () => {
	it('opens an EPUB 3, lists its contents, jumps to a chapter, and searches it', async () => {
		const run = session.open([path.join(corpus, 'epub', 'moby-dick.epub')]);
		await run.waitFor(status(/^Moby-Dick.*\d+ of \d+ · \d+%$/));
		run.write('\t');
		await run.waitFor('Contents · Moby-Dick');
		expect(run.screenText()).toMatch(/ETYMOLOGY/);
		run.write('G');
		await run.waitFor(/›.*\d+%\s*$/m);
		run.write('\r');
		await run.waitFor((screen) => !screen.join('\n').includes('Contents ·') && /\d+%$/.test(statusRow(screen)));
		expect(Number(/(\d+)%$/.exec(statusRow(run.screen()))![1])).toBeGreaterThan(90);
		run.write('g');
		await run.waitFor(status(/ 0%$/));
		run.write('/');
		await run.waitFor(status(/^Search: /));
		run.write('white whale\r');
		await run.waitFor(status(/“white whale” 1 of \d+/));
		run.write('n');
		await run.waitFor(status(/“white whale” 2 of \d+/));
		run.write('N');
		run.write('N');
		await run.waitFor(status(/wrapped to the end/));
	});

	it('goes to a percent and shows the story card', async () => {
		const run = session.open([path.join(corpus, 'text', 'pride-and-prejudice-1342.txt')]);
		await run.waitFor(status(/^Pride and Prejudice.*\d+ of \d+ · 0%$/));
		run.write(':');
		await run.waitFor(status(/^Go to/));
		run.write('50%\r');
		await run.waitFor(status(/ (49|50)%$/));
		run.write(']');
		await run.waitFor((screen) => /^Chapter \d+$/.test(bodyRows(screen)[0] ?? ''));
		run.write('i');
		await run.waitFor('Jane Austen');
		expect(run.screenText()).toMatch(/Words\s*\n\s*12\d,\d{3}/);
		run.write('\u001B');
		await run.waitFor(status(/%$/));
		expect(bodyRows(run.screen()).length).toBeGreaterThan(5);
	});

	it.each([
		['text/pride-and-prejudice-1342.txt', /It is a truth universally acknowledged/],
		['html/pride-and-prejudice-1342.html', /It is a truth universally acknowledged/],
		['markdown/the-wind-in-the-willows.md', /The Mole had been working very hard all the morning/],
		['epub/gutenberg-alice-19033-epub2.epub', /Alice was beginning to get very tired/],
		['epub/malformed-alice-bad-ncx.epub', /Alice was beginning to get very tired/],
	])('prints %s as plain text through a pipe, without the Gutenberg licence', (file, opening) => {
		const result = runPiped([path.join(corpus, file)], session.config());
		expect(result.status).toBe(0);
		expect(result.stdout).toMatch(opening);
		expect(result.stdout).not.toMatch(/\u001B/);
		expect(result.stdout).not.toMatch(/START OF (THIS|THE) PROJECT GUTENBERG/);
		expect(Math.max(...result.stdout.split('\n').map((line) => line.length))).toBeLessThanOrEqual(80);
	});
});
