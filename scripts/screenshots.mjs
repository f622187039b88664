// `npm run screenshots`: runs the built reader in a pseudo-terminal, drives it with keys, and
// draws what the terminal shows into docs/*.svg for the README, so the pictures always show the
// product as it is. Run `npm run build` first (the npm script does).
import {copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {spawnPty} from './pty-harness.mjs';
import {readScreen, replay, screenToSvg} from './terminal-svg.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bundle = path.join(root, 'dist', 'lectern.js');
const docs = path.join(root, 'docs');
const COLS = 100;
const ROWS = 30;
const STORY = 'buffy-angel-untitled';

const statusRow = (screen) => [...screen].reverse().find((row) => row.trim() !== '')?.trim() ?? '';
const onPage = (page) => (screen) => new RegExp(`\\b${page} of \\d+ · \\d+%$`).test(statusRow(screen));
const settle = () => new Promise((resolve) => setTimeout(resolve, 250));

/**
 * Each picture: the file it becomes, what it shows (its SVG title, for screen readers), the
 * arguments, and the keys that lead to the moment it shows. They run in order in one config
 * folder, so the library and the bookmark list show what the earlier runs did.
 */
const SCENES = [
	{
		file: 'reader-sepia.svg',
		title: 'Lectern showing the first page of a story in the sepia theme: a centred column of text and a status line with the title, time left, page and percent read.',
		args: ['--theme', 'sepia', STORY],
		steps: [{wait: onPage(1)}],
	},
	{
		file: 'reader-light-justified.svg',
		title: 'Lectern in the light theme with justified, hyphenated text and first-line paragraph indents.',
		args: ['--theme', 'light', '--justify', '--hyphenate', '--paragraphs', 'indented', STORY],
		steps: [{wait: onPage(1)}, {keys: ' ', wait: onPage(2)}],
	},
	{
		file: 'reader-nord.svg',
		title: 'Lectern in the Nord theme reading an Archive of Our Own HTML download: a chapter heading, chapter notes and a scene break.',
		args: ['--theme', 'nord', 'ferry-timetables.html'],
		steps: [{wait: onPage(1)}],
	},
	{
		file: 'contents.svg',
		title: 'The contents of a three-chapter story in the terminal theme, which keeps the terminal’s own colours: each chapter with where it starts.',
		args: ['ferry-timetables.html'],
		steps: [{wait: onPage(1)}, {keys: '\t', wait: /Contents · /}],
	},
	{
		file: 'search.svg',
		title: 'A search in the high-contrast theme: every hit on the page highlighted, and the hit count in the status line.',
		args: ['--theme', 'high-contrast', STORY],
		steps: [
			{keys: 'g', wait: onPage(1)},
			{keys: '/', wait: (screen) => statusRow(screen).startsWith('Search:')},
			{keys: 'Spike', wait: (screen) => statusRow(screen).includes('Spike')},
			{keys: '\r', wait: /“Spike” \d+ of \d+/},
		],
	},
	{
		// Read a second story to its end, so that the library has more than one to list.
		args: ['lamplighters-almanac.html'],
		steps: [{wait: onPage(1)}, {keys: 'G', wait: (screen) => statusRow(screen).endsWith('100%')}],
	},
	{
		file: 'bookmarks.svg',
		title: 'The bookmark list in the Solarized dark theme: named bookmarks with how far into the story each one is, and the keys to jump, rename, delete and undo.',
		args: ['--theme', 'solarized-dark', STORY],
		steps: [
			// The story opens where the last run left it: start from its beginning.
			{keys: 'g', wait: onPage(1)},
			{keys: '  ', wait: onPage(3)},
			{keys: 'm', wait: (screen) => statusRow(screen).startsWith('Bookmark: ')},
			{keys: 'In the alley', wait: (screen) => statusRow(screen).includes('In the alley')},
			{keys: '\r', wait: (screen) => statusRow(screen).startsWith('Bookmarked')},
			{keys: '   ', wait: onPage(6)},
			{keys: 'm', wait: (screen) => statusRow(screen).startsWith('Bookmark: ')},
			{keys: '\r', wait: (screen) => statusRow(screen).startsWith('Bookmarked')},
			{keys: 'B', wait: /Bookmarks · /},
		],
	},
	{
		file: 'library.svg',
		title: 'The library in the dark theme: each story with its author or fandom, percent read, bookmarks and when it was last read.',
		args: ['--theme', 'dark', STORY],
		steps: [{wait: (screen) => statusRow(screen).endsWith('%')}, {keys: 'o', wait: /^\s*Library/m}],
	},
	{
		file: 'settings.svg',
		title: 'The settings panel in the Solarized light theme: theme, column width, line spacing, paragraphs, alignment and hyphenation.',
		args: ['--theme', 'solarized-light', STORY],
		steps: [{keys: 'g', wait: onPage(1)}, {keys: 'S', wait: /Column width/}],
	},
];

async function shoot(scene, env, cwd) {
	const run = spawnPty(process.execPath, [bundle, ...scene.args], {cols: COLS, rows: ROWS, cwd, env});
	try {
		for (const step of scene.steps) {
			if (step.keys) run.write(step.keys);
			await run.waitFor(step.wait, 10_000);
		}
		// Let a frame that follows the matching one arrive before the screen is drawn.
		await settle();
		if (scene.file) {
			const terminal = await replay(run.raw(), COLS, ROWS);
			const svg = screenToSvg(readScreen(terminal), {title: scene.title, caption: `lectern ${scene.args.join(' ')}`});
			terminal.dispose();
			writeFileSync(path.join(docs, scene.file), svg);
			process.stdout.write(`docs/${scene.file}\n`);
		}
		run.write('q');
		const exit = await run.waitForExit(10_000);
		if (exit.exitCode !== 0) throw new Error(`lectern ${scene.args.join(' ')} exited with ${exit.exitCode}`);
	} finally {
		run.dispose();
	}
}

if (!existsSync(bundle)) {
	process.stderr.write('dist/lectern.js is missing: run "npm run build" first (npm run screenshots does).\n');
	process.exit(1);
}
const work = mkdtempSync(path.join(tmpdir(), 'lectern-screenshots-'));
try {
	// The AO3 pictures read the test fixtures, under the names a download would have.
	const books = path.join(work, 'books');
	mkdirSync(books);
	copyFileSync(path.join(root, 'test', 'fixtures', 'ao3-multi-chapter.html'), path.join(books, 'ferry-timetables.html'));
	copyFileSync(path.join(root, 'test', 'fixtures', 'ao3-single-chapter.html'), path.join(books, 'lamplighters-almanac.html'));
	mkdirSync(docs, {recursive: true});
	const env = {XDG_CONFIG_HOME: path.join(work, 'config'), XDG_CACHE_HOME: path.join(work, 'cache'), COLORTERM: 'truecolor', TERM: 'xterm-256color', NO_COLOR: undefined, FORCE_COLOR: undefined, TZ: 'UTC'};
	for (const scene of SCENES) await shoot(scene, env, books);
} finally {
	// A reader that has just quit may still be finishing its last save.
	rmSync(work, {recursive: true, force: true, maxRetries: 10, retryDelay: 50});
}
