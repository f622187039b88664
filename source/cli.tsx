/**
 * Entry point: flags, validation and one-line errors, then either print mode (stdout is not a
 * terminal) or the full-screen reader. The only file that reads process.argv or calls exit.
 */
import {existsSync} from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import chalk from 'chalk';
import {render} from 'ink';
import meow from 'meow';
import {App, type Session} from './app.js';
import {helpRows} from './core/keymap.js';
import {chalkLevel, detectColorLevel} from './core/color.js';
import {loadHyphenation} from './core/hyphenate.js';
import {libraryItems} from './core/library.js';
import {DEFAULT_SETTINGS, MAX_WIDTH, MIN_WIDTH, type ReaderSettings} from './core/settings.js';
import {findTheme, themeNames} from './core/themes.js';
import {type Story, storyLength} from './core/story.js';
import {LecternError} from './io/errors.js';
import {indexOnWorker} from './io/index-worker.js';
import {type ProgressEntry, type Storage, openStorage} from './io/storage.js';
import {type StorySource, bundledKey, findStoriesDir, listBundled, looksLikePath, withProgressLine} from './io/stories.js';
import {loadSource} from './io/load.js';
import {SIGNAL_EXIT_CODES, enterFullscreen, italicFallbackFor} from './io/terminal.js';
import {exportTo, importFrom, listBookmarks, storyInfo} from './commands.js';
import {runCompletion} from './completion.js';
import {openStory} from './io/identity.js';
import {printLines} from './print.js';
import {type QuickStart, takeQuickStart} from './start.js';
import {streamSize} from './ui/size.js';

/** Set by the build from package.json. */
declare const LECTERN_VERSION: string | undefined;

const keys = helpRows('reader')
	.concat(helpRows('global'))
	.map((row) => `    ${row.keys.padEnd(28)}${row.help}`)
	.join('\n');

const cli = meow(
	`
  Usage
    $ lectern                 resume the story you read last (or open the library)
    $ lectern <story-id>      open a bundled story
    $ lectern <file>          open a story file: .txt, .md, .html (AO3 too) or .epub
    $ lectern completion bash|zsh|fish   print a shell completion script (see the README)
    $ lectern bookmarks [story]   list bookmarks (all, or one story's); --json for scripts

  Options
    --list         list the bundled stories (id and title) and exit
    --width N      text column width in cells (20 or more; default 68)
    --theme NAME   ${themeNames().join(', ')}
    --justify      justified text (--no-justify: ragged right)
    --hyphenate    hyphenate English words (--no-hyphenate: never)
    --spacing S    single or double line spacing
    --paragraphs P spaced (a blank line between) or indented (first-line indent)
                   These settings apply to this run; changes made in the reader are kept.
    --json         with "bookmarks": print JSON
    --info         print a story's metadata and contents as JSON: lectern --info FILE
    --export FILE  write every story's place and bookmarks to FILE (JSON)
    --import FILE  merge an export back in (adds what is new, overwrites nothing)
    --version      print the version
    --help         print this help

  Keys
${keys}

  When the output is not a terminal (or TERM=dumb), the story is printed as
  plain text, wrapped to --width (or 80) columns.

  Examples
    $ lectern buffy-angel-untitled
    $ lectern ~/books/story.txt
    $ lectern buffy-angel-untitled | less
`,
	{
		importMeta: import.meta,
		// Otherwise meow reports every boolean flag not given as false, and --justify and --hyphenate,
		// absent, would switch off the stored settings for the run.
		booleanDefault: undefined,
		// The bundle carries its own version, so meow need not look for package.json at start-up.
		pkg: {name: 'lectern', version: typeof LECTERN_VERSION === 'string' ? LECTERN_VERSION : '0.0.0-dev'},
		flags: {
			list: {type: 'boolean', default: false},
			json: {type: 'boolean', default: false},
			theme: {type: 'string'},
			justify: {type: 'boolean'},
			hyphenate: {type: 'boolean'},
			spacing: {type: 'string'},
			paragraphs: {type: 'string'},
			export: {type: 'string'},
			info: {type: 'boolean', default: false},
			import: {type: 'string'},
			width: {type: 'number'},
		},
	},
);

// The page start.ts drew before this bundle was loaded, if it drew one.
const quick = takeQuickStart();

async function main(): Promise<void> {
	const storiesDir = findStoriesDir();
	if (quick) {
		// Drawn from the stored settings and place, for a plain `lectern [STORY]`: go on from there.
		const storage = openStorage();
		const settings = {...DEFAULT_SETTINGS, ...storage.settings()};
		// A long book is still being read from the story cache; if that failed, it is opened as usual.
		const story = (await quick.story) ?? openStory(storage, storiesDir, quick.source);
		return runReader(storage, storiesDir, {source: quick.source, story}, storage.notices.join(' ') || undefined, settings, quick);
	}
	if (cli.input[0] === 'completion') return void process.stdout.write(runCompletion(cli.input[1], storiesDir));
	if (cli.flags.list) {
		for (const story of listBundled(storiesDir)) process.stdout.write(`${story.id}\t${story.title}\n`);
		return;
	}
	const flags = settingsFromFlags();
	const width = flags.width;
	const storage = openStorage();
	if (cli.flags.export !== undefined) return void process.stdout.write(exportTo(storage, cli.flags.export));
	if (cli.flags.import !== undefined) return void process.stdout.write(importFrom(storage, cli.flags.import));
	if (cli.input[0] === 'bookmarks') {
		const target = cli.input[1];
		const key = target === undefined ? undefined : openStory(storage, storiesDir, sourceFor(target, storiesDir)).key;
		return void process.stdout.write(listBookmarks(storage, key, cli.flags.json));
	}
	if (cli.flags.info) {
		const target = cli.input[0];
		if (target === undefined) throw new LecternError('--info needs a story: lectern --info FILE (or a bundled story id).');
		return void process.stdout.write(storyInfo(loadSource(storiesDir, sourceFor(target, storiesDir))));
	}
	if (cli.input.length > 1) throw new LecternError(`Give one story at a time (got ${cli.input.length}). Run "lectern --help" for usage.`);

	// A dumb terminal cannot move the cursor or switch screens: it gets the story as plain text.
	const printing = !process.stdout.isTTY || process.env['TERM'] === 'dumb';
	const argument = cli.input[0];
	const source = argument === undefined ? undefined : sourceFor(argument, storiesDir);
	let opened = source ? {source, story: withProgressLine(source, () => openStory(storage, storiesDir, source))} : undefined;
	let notice = storage.notices.join(' ') || undefined;
	if (!opened) {
		const resumed = resumeLast(storage, storiesDir);
		opened = resumed.opened;
		notice = resumed.notice ?? notice;
	}

	if (printing) {
		const story = opened?.story ?? firstBundled(storiesDir);
		if (!story) throw new LecternError('No story to print: the stories folder is empty. Give the path of a text file.');
		process.stdout.on('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'EPIPE') process.exit(0);
			throw error;
		});
		for (const line of printLines(story, width ?? 80)) process.stdout.write(`${line}\n`);
		return;
	}

	const settings = {...DEFAULT_SETTINGS, ...storage.settings(), ...flags};
	// Loaded before the first frame, so the first page is already hyphenated.
	if (settings.hyphenate) await loadHyphenation();
	runReader(storage, storiesDir, opened, notice, settings);
}

function runReader(
	storage: Storage,
	storiesDir: string,
	opened: {source: StorySource; story: Story} | undefined,
	notice: string | undefined,
	settings: ReaderSettings,
	quick?: QuickStart,
): void {
	const colorLevel = detectColorLevel(process.env, Boolean(process.stdout.isTTY), process.platform);
	// Ink colours through chalk, which picks its own level and ignores NO_COLOR: set it ourselves.
	// Without colour the page still needs bold, italic, underline and inverse, which need level 1;
	// the theme resolved for no colour sets no colour at all, so none can appear.
	chalk.level = Math.max(1, chalkLevel(colorLevel)) as 1 | 2 | 3;
	const session: Session = {};
	const save = (story: Story, source: StorySource, offset: number) => {
		const entry: ProgressEntry = {offset, length: storyLength(story), title: story.title, source, readAt: Date.now()};
		storage.saveProgress(story.key, entry);
	};
	const saveNow = () => {
		if (session.current) save(session.current.story, session.current.source, session.current.offset);
	};
	const screen = quick?.screen ?? enterFullscreen(process.stdout, process.stdin);
	const size = streamSize(process.stdout);
	const offset = quick?.offset ?? (opened ? (storage.progress(opened.story.key)?.offset ?? 0) : 0);
	// A very long book's whole-book index is counted on a worker thread (io/index-worker.ts).
	// LECTERN_INDEX_WORKER=0 counts every book on the event loop, =1 every book from the story cache on
	// the worker. (Started with the reader instead, the worker's loading slowed the reader's.)
	const workerSetting = process.env['LECTERN_INDEX_WORKER'];
	const offloadIndex = workerSetting === '0' ? undefined : indexOnWorker(undefined, workerSetting === '1' ? {minChars: 0} : {});
	const instance = render(
		<App
			{...(opened ? {story: opened.story, source: opened.source, offset} : {})}
			{...(quick?.prepared ? {prepared: quick.prepared} : {})}
			size={size}
			settings={settings}
			saveSettings={(changed) => storage.saveSettings(changed)}
			colorLevel={colorLevel}
			italicFallback={italicFallbackFor(process.env['TERM'])}
			library={() => libraryFor(storage, storiesDir)}
			open={(source) => {
				const story = openStory(storage, storiesDir, source);
				return {story, offset: storage.progress(story.key)?.offset ?? 0};
			}}
			save={save}
			session={session}
			marks={storage}
			{...(offloadIndex ? {offloadIndex} : {})}
			{...(notice ? {notice} : {})}
		/>,
		// maxFps 0: no throttle. Ink draws a commit at once only if its last frame is older than
		// 1000/maxFps ms; a key pressed sooner (the next page turn, a key as the page count arrives)
		// waited for the rest of that interval: the second of two page turns sent back to back took
		// 17.7 ms at 120 frames a second, 8.9 ms unthrottled. A key is one commit and one frame either way.
		{stdin: screen.stdin, exitOnCtrlC: false, patchConsole: false, maxFps: 0},
	);
	let finished = false;
	const finish = (code: number, error?: unknown) => {
		if (finished) return;
		finished = true;
		try {
			saveNow();
		} finally {
			try {
				instance.unmount();
			} catch {
				// Already unmounted.
			}
			screen.restore();
			// An expected failure says what to do in one line; anything else is a bug, with its stack.
			if (error) process.stderr.write(`lectern: ${error instanceof LecternError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
			process.exit(code);
		}
	};
	for (const signal of ['SIGTERM', 'SIGHUP', 'SIGINT'] as const) process.on(signal, () => finish(SIGNAL_EXIT_CODES[signal]));
	process.on('uncaughtException', (error) => finish(1, error));
	process.on('unhandledRejection', (error) => finish(1, error));
	quick?.release();
	// Lets the end-to-end tests prove that a crash still restores the terminal and saves the place.
	const crashAfter = Number(process.env['LECTERN_TEST_CRASH_AFTER_MS']);
	if (crashAfter > 0) setTimeout(() => {
		throw new Error('crash requested by LECTERN_TEST_CRASH_AFTER_MS');
	}, crashAfter);
	instance.waitUntilExit().then(
		() => finish(0),
		(error: unknown) => finish(1, error),
	);
}

// The settings given as flags, checked: a bad value is a one-line error naming what is allowed.
function settingsFromFlags(): Partial<ReaderSettings> {
	const {width, theme, justify, hyphenate, spacing, paragraphs} = cli.flags;
	const result: {-readonly [K in keyof ReaderSettings]?: ReaderSettings[K]} = {};
	if (width !== undefined) {
		if (!Number.isInteger(width) || width < MIN_WIDTH) throw new LecternError(`--width ${String(width)}: give a whole number of at least ${MIN_WIDTH} columns.`);
		result.width = Math.min(width, MAX_WIDTH);
	}
	if (theme !== undefined) {
		const found = findTheme(theme);
		if (!found) throw new LecternError(`--theme ${theme}: no such theme. Themes: ${themeNames().join(', ')}.`);
		result.theme = found.name;
	}
	if (justify !== undefined) result.justify = justify;
	if (hyphenate !== undefined) result.hyphenate = hyphenate;
	if (spacing !== undefined) {
		if (spacing !== 'single' && spacing !== 'double') throw new LecternError(`--spacing ${spacing}: give single or double.`);
		result.spacing = spacing === 'double' ? 2 : 1;
	}
	if (paragraphs !== undefined) {
		if (paragraphs !== 'spaced' && paragraphs !== 'indented') throw new LecternError(`--paragraphs ${paragraphs}: give spaced or indented.`);
		result.paragraphStyle = paragraphs;
	}
	return result;
}

function sourceFor(argument: string, storiesDir: string): StorySource {
	if (looksLikePath(argument) || existsSync(argument)) return {kind: 'file', path: path.resolve(argument)};
	const ids = listBundled(storiesDir).map((story) => story.id);
	if (!ids.includes(argument)) {
		throw new LecternError(`No story or file "${argument}". Bundled stories: ${ids.join(', ') || 'none'}. Or give the path of a text file.`);
	}
	return {kind: 'bundled', id: argument};
}

function resumeLast(storage: Storage, storiesDir: string): {opened?: {source: StorySource; story: Story}; notice?: string} {
	const last = storage.lastRead();
	const entry = last ? storage.progress(last) : undefined;
	if (!entry) return {};
	try {
		return {opened: {source: entry.source, story: openStory(storage, storiesDir, entry.source)}};
	} catch (error) {
		if (error instanceof LecternError) return {notice: error.message};
		throw error;
	}
}

function libraryFor(storage: Storage, storiesDir: string) {
	const bundled = listBundled(storiesDir).map((story) => ({
		key: bundledKey(story.id),
		title: story.title,
		...(story.meta.author ? {author: story.meta.author} : {}),
		...(story.meta.fandom ? {fandom: story.meta.fandom} : {}),
		source: {kind: 'bundled', id: story.id} as StorySource,
	}));
	return libraryItems(bundled, storage.allProgress(), (source) => source.kind === 'file' && !existsSync(source.path));
}

function firstBundled(storiesDir: string): Story | undefined {
	const first = listBundled(storiesDir)[0];
	return first ? loadSource(storiesDir, {kind: 'bundled', id: first.id}) : undefined;
}

main().catch((error: unknown) => {
	// The quick page's screen goes first, or the message would be written on it and vanish.
	quick?.screen.restore();
	if (error instanceof LecternError) {
		process.stderr.write(`lectern: ${error.message}\n`);
		process.exit(1);
	}
	throw error;
});
