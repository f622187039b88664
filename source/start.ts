/**
 * The first code that runs: the quick first page, then the reader.
 *
 * Node itself takes about 100 ms to start here, and loading Ink, React and Yoga another 150; a
 * reader between two shell commands should not wait for the second. So when the command is a plain
 * `lectern` or `lectern STORY` in a terminal, this part (a small bundle of its own, dist/lectern.js)
 * reads the settings and the place from disk without conf, opens the story (from the story cache,
 * or as plain text), and draws the page the reader will show. Only then is the rest (dist/reader.js,
 * with Ink) loaded; Ink's first frame draws the same cells over it, and takes over the terminal and
 * the story from `QuickStart`. Keys typed meanwhile wait in the terminal, unechoed, for Ink.
 *
 * Anything unusual (flags, a pipe, a config file that needs repair, a format other than text, a
 * story that cannot be opened) means no quick page: the reader then starts exactly as it would
 * without this file, and reports what there is to report.
 */
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {detectColorLevel, resolveTheme} from './core/color.js';
import {Layout} from './core/layout.js';
import {WordIndex, timeLeft} from './core/pace.js';
import {QUICK_CHARS, indexShortStory} from './core/quick-index.js';
import {type PageLine, frameFor, pageLines, percentRead, progressAt, statusLine} from './core/screen.js';
import {DEFAULT_SETTINGS, type ReaderSettings, checkSettings} from './core/settings.js';
import {type Story, chapterAt} from './core/story.js';
import {THEMES, findTheme} from './core/themes.js';
import {detectFormat, fileKey, parseTextFile, refuseKnownBinaries} from './formats/detect.js';
import {STORY_CACHE, type StorySource, findStoriesDir, listBundled, loadBundled, loadFileWith, looksLikePath, statFile, withProgressLine} from './io/stories.js';
import {type Data, SCHEMA_VERSION, isRecord, parseStoreFile, storePath, validRecord} from './io/store-file.js';
import {type Fullscreen, SIGNAL_EXIT_CODES, enterFullscreen, italicFallbackFor} from './io/terminal.js';
import {paintReader} from './ui/paint.js';

/** What the quick first page hands to the reader: the story it drew, and the terminal it set up. */
export type QuickStart = {
	readonly source: StorySource;
	/**
	 * The story, or, for a long book drawn from a part of it, the whole book from the story cache
	 * (its text read a part at a time), its blocks still being made; undefined if the entry failed.
	 */
	readonly story: Story | Promise<Story | undefined>;
	readonly offset: number;
	/** The settings the page was drawn with (the stored ones: the quick page is never drawn with flags). */
	readonly settings: ReaderSettings;
	/** The layout and word index of the page drawn, when it was drawn from the whole story. */
	readonly prepared?: {readonly layout: Layout; readonly words: WordIndex};
	/** The alternate screen, entered; raw mode is on. */
	readonly screen: Fullscreen;
	/** Removes the quick page's signal handlers, once the reader has its own. */
	readonly release: () => void;
};

const GLOBAL_KEY = '__lecternQuickStart';

/** The quick start left for the reader, taken once (the reader's cli.tsx calls this). */
export function takeQuickStart(): QuickStart | undefined {
	const holder = globalThis as Record<string, unknown>;
	const quick = holder[GLOBAL_KEY] as QuickStart | undefined;
	delete holder[GLOBAL_KEY];
	return quick;
}

/** Draws the first page when it can, and leaves what it did for the reader. Never throws. */
export function quickFirstPage(argv: readonly string[] = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): void {
	try {
		const quick = tryQuickFirstPage(argv, env);
		if (quick) (globalThis as Record<string, unknown>)[GLOBAL_KEY] = quick;
	} catch {
		// No quick page: the reader opens the story itself and says what went wrong, if anything did.
	}
}

function tryQuickFirstPage(argv: readonly string[], env: NodeJS.ProcessEnv): QuickStart | undefined {
	const {stdout, stdin} = process;
	if (env['LECTERN_QUICK_START'] === '0' || !stdout.isTTY || !stdin.isTTY || env['TERM'] === 'dumb') return undefined;
	// Flags change what is drawn (or mean no reading at all): those runs take the ordinary path.
	if (argv.length > 1 || argv.some((arg) => arg.startsWith('-')) || argv[0] === 'completion' || argv[0] === 'bookmarks') return undefined;
	const library = readStore('library');
	const stored = readStore('settings');
	if (!library || !stored) return undefined;
	const settings: ReaderSettings = {...DEFAULT_SETTINGS, ...checkSettings(stored)};
	// Hyphenation patterns load asynchronously in the reader; its first frame is not hyphenated yet.
	if (settings.hyphenate) return undefined;
	const cols = stdout.columns || 80;
	const rows = stdout.rows || 24;
	const frame = frameFor(cols, rows, settings.width);
	if (!frame) return undefined;
	const storiesDir = findStoriesDir();
	const source = argv[0] === undefined ? lastSource(library) : sourceFor(argv[0], storiesDir);
	if (!source) return undefined;

	const stories = isRecord(library['stories']) ? library['stories'] : {};
	// The saved place in a story; undefined when the reader must first move a changed file's record
	// to its new key (identity.ts), which this part does not do.
	const placeOf = (key: string): number | undefined => {
		const record = validRecord(stories[key]);
		if (!record && source.kind === 'file' && Object.values(stories).some((value) => samePath(validRecord(value)?.source, source.path))) return undefined;
		return record?.offset ?? 0;
	};
	const {justify, hyphenate, paragraphStyle, spacing, notes} = settings;
	const typography = {justify, hyphenate, paragraphStyle, spacing, notes};
	const theme = resolveTheme(findTheme(settings.theme) ?? THEMES[0]!, detectColorLevel(env, true, process.platform));
	const paint = (lines: PageLine[], status: string) => paintReader({cols, rows, frame, lines, status, theme, italicFallback: italicFallbackFor(env['TERM'])});
	let quick: Pick<QuickStart, 'screen' | 'release'> | undefined;
	const show = (page: string) => {
		const screen = enterFullscreen(stdout, stdin);
		stdout.write(page);
		stdin.setRawMode(true);
		quick = {screen, release: guard(screen)};
	};

	let story: Story | Promise<Story | undefined>;
	let offset: number;
	let prepared: QuickStart['prepared'];
	const stamp = source.kind === 'file' ? statFile(source.path) : undefined;
	const peek = source.kind === 'file' && stamp ? STORY_CACHE.peek(source.path, stamp) : undefined;
	// (A story short enough to be counted at once is read whole: its first page has page numbers.)
	if (peek && peek.length > QUICK_CHARS && source.kind === 'file' && stamp) {
		// A long book from the story cache: the page is drawn from the few blocks around the place,
		// read alone; the whole book's blocks are made once the page is on screen.
		const place = placeOf(peek.key);
		if (place === undefined) return undefined;
		offset = Math.min(place, peek.length);
		const part = peek.window(offset, frame.body + 2, frame.body * frame.column * 2);
		if (!part) return undefined;
		const partLayout = new Layout(part.story, frame.column, typography);
		const page = partLayout.page(offset - part.base, frame.body);
		const start = page.start + part.base;
		// As progressAt says it while the whole-book index is not ready: percent and chapter.
		const percent = percentRead(start, peek.length, page.atEnd);
		const chapter = chapterAt(peek.chapters, start)?.title;
		show(paint(pageLines(partLayout, page.rows), statusLine(peek.title, chapter === undefined ? {percent} : {percent, chapter}, frame.column)));
		story = peek.storyLater();
	} else {
		const whole = source.kind === 'bundled' ? loadBundled(storiesDir, source.id) : withProgressLine(source, () => loadFileWith(source.path, textOnly));
		const place = placeOf(whole.key);
		if (place === undefined) return undefined;
		offset = place;
		const layout = new Layout(whole, frame.column, typography);
		const words = new WordIndex(whole);
		// As the reader's first frame does (ui/use-index.ts): a short story is counted at once.
		indexShortStory(layout, words);
		const page = layout.page(offset, frame.body);
		const status = statusLine(whole.title, progressAt(layout, offset, frame.body), frame.column, undefined, timeLeft(words, whole, page.start, settings.pace));
		show(paint(pageLines(layout, page.rows), status));
		story = whole;
		prepared = {layout, words};
	}
	// Lets the end-to-end tests look at the quick page alone, before the reader draws over it.
	const hold = Number(env['LECTERN_TEST_HOLD_READER_MS']);
	if (hold > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, hold);
	return {source, story, offset, settings, ...(prepared ? {prepared} : {}), ...quick!};
}

// Until the reader has its own handlers, a signal or an exit still gives the terminal back.
// Returns what removes them.
function guard(screen: Fullscreen): () => void {
	const handlers = (['SIGTERM', 'SIGHUP', 'SIGINT'] as const).map((signal) => {
		const handler = () => {
			screen.restore();
			process.exit(SIGNAL_EXIT_CODES[signal]);
		};
		process.on(signal, handler);
		return [signal, handler] as const;
	});
	const restoreOnExit = () => screen.restore();
	process.on('exit', restoreOnExit);
	return () => {
		for (const [signal, handler] of handlers) process.removeListener(signal, handler);
		process.removeListener('exit', restoreOnExit);
	};
}

// Only plain text is read here; other formats need parsers that live in the reader's bundle.
const NOT_TEXT = new Error('not plain text');
function textOnly(bytes: Buffer, file: string): Story {
	refuseKnownBinaries(bytes, file);
	if (detectFormat(bytes, file) !== 'text') throw NOT_TEXT;
	return parseTextFile(bytes, file, fileKey(bytes));
}

function readStore(name: 'library' | 'settings'): Data | undefined {
	let text: string;
	try {
		text = readFileSync(storePath(name, undefined), 'utf8');
	} catch (error) {
		// No file yet is an empty store; any other failure is for the reader to report.
		return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {} : undefined;
	}
	try {
		const data = parseStoreFile(text);
		const version = data['schemaVersion'];
		return typeof version === 'number' && version > SCHEMA_VERSION ? undefined : data;
	} catch {
		// The reader moves a broken file aside and says so.
		return undefined;
	}
}

function lastSource(library: Data): StorySource | undefined {
	const last = library['last'];
	const stories = library['stories'];
	if (typeof last !== 'string' || !isRecord(stories)) return undefined;
	return validRecord(stories[last])?.source;
}

// As the reader's cli.tsx reads its argument; an id that is not there is the reader's to report.
function sourceFor(argument: string, storiesDir: string): StorySource | undefined {
	if (looksLikePath(argument)) return {kind: 'file', path: path.resolve(argument)};
	if (listBundled(storiesDir).some((story) => story.id === argument)) return {kind: 'bundled', id: argument};
	// Could still be a file without an extension: the reader decides.
	return undefined;
}

function samePath(source: StorySource | undefined, file: string): boolean {
	return source?.kind === 'file' && path.resolve(source.path) === path.resolve(file);
}
