/**
 * Finding and loading stories: the bundled ones in `stories/`, and the reader's own files.
 * Expected failures become one-line `LecternError`s that name the file and what to do.
 */
import {existsSync, readFileSync, readdirSync, statSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {UNTITLED, type Story, type StoryMeta} from '../core/story.js';
import {listField, parseFrontMatter} from '../formats/frontmatter.js';
import {parseText} from '../formats/text.js';
import {LecternError} from './errors.js';
import {withOwnHeapGrowth} from './heap-growth.js';
import {FINISH_AT_EXIT_CHARS, type FileStamp, type StoryCache, NO_STORY_CACHE, cacheDir, storyCache} from './story-cache.js';

/** Set by the build: a hash of the parsing code, which keys the story cache (none in tests). */
declare const LECTERN_PARSER: string | undefined;

/** A bundled story as the library lists it, before its text is parsed. */
export type BundledStory = {
	readonly id: string;
	readonly file: string;
	readonly title: string;
	readonly meta: StoryMeta;
};

/** Where a story came from: how to open it again. */
export type StorySource = {readonly kind: 'bundled'; readonly id: string} | {readonly kind: 'file'; readonly path: string};

/** The storage key of a bundled story. */
export function bundledKey(id: string): string {
	return `story-${id}`;
}

/** True for an argument that names a file rather than a bundled story: it has a folder or an extension. */
export function looksLikePath(argument: string): boolean {
	return /[/\\]/.test(argument) || /\.\w+$/.test(argument);
}

/** Files larger than this are refused rather than read into memory. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/** Locates the bundled `stories/` folder beside the bundle (dist/) or the sources (source/io/). */
export function findStoriesDir(from: string = import.meta.url): string {
	const here = path.dirname(fileURLToPath(from));
	for (const candidate of [path.resolve(here, '..', 'stories'), path.resolve(here, '..', '..', 'stories')]) {
		if (existsSync(candidate)) return candidate;
	}
	return path.resolve(here, '..', 'stories');
}

/** Lists the bundled stories, sorted by id; a new `.txt` file in the folder is a new story. */
export function listBundled(dir: string): BundledStory[] {
	let names: string[];
	try {
		names = readdirSync(dir).filter((name) => name.endsWith('.txt'));
	} catch {
		return [];
	}
	return names.sort().map((name) => {
		const file = path.join(dir, name);
		const {fields} = parseFrontMatter(readFileSync(file, 'utf8'));
		return {id: name.slice(0, -'.txt'.length), file, title: fields['title'] || UNTITLED, meta: metaFrom(fields)};
	});
}

/** Loads a bundled story by id; an unknown id is an error that lists the ids there are. */
export function loadBundled(dir: string, id: string): Story {
	const entry = listBundled(dir).find((story) => story.id === id);
	if (!entry) {
		const ids = listBundled(dir).map((story) => story.id);
		throw new LecternError(`No story "${id}". Bundled stories: ${ids.join(', ') || 'none'}. Or give the path of a text file.`);
	}
	const {body} = parseFrontMatter(readFileSync(entry.file, 'utf8'));
	return parseText(body, {key: bundledKey(entry.id), title: entry.title, meta: entry.meta});
}

/** Turns a file's bytes into a story (formats/index.ts parseFile, or the quick start's text-only reader). */
export type FileParser = (bytes: Buffer, file: string) => Story;

/** The story cache this process uses: in the user's cache folder, unless LECTERN_STORY_CACHE=0. */
export const STORY_CACHE: StoryCache =
	process.env['LECTERN_STORY_CACHE'] === '0' || typeof LECTERN_PARSER !== 'string'
		? NO_STORY_CACHE
		: storyCache(cacheDir() && path.join(cacheDir()!, 'stories'), LECTERN_PARSER);

/**
 * Loads a story file with `parse`; its key is a hash of its content, so it follows the file. A long
 * book comes from the story cache when it is there, and goes into it a moment after it is parsed.
 */
export function loadFileWith(file: string, parse: FileParser, cache: StoryCache = STORY_CACHE): Story {
	const stamp = statFile(file);
	const cached = cache.read(file, stamp);
	if (cached) return cached;
	const parsed = withOwnHeapGrowth(() => parse(readBytes(file), file));
	if (parsed.blocks.length === 0) throw new LecternError(`${file}: has no text to read (it is empty, or only white space).`);
	const story = parsed.meta.source ? parsed : {...parsed, meta: {...parsed.meta, source: path.resolve(file)}};
	// Written a second later, off the path to the first page, a piece at a time; what is left when
	// the reader quits (all of it, within the first second) is written then, after the terminal is
	// restored, unless it is too long to make quitting wait for it.
	if (cache !== NO_STORY_CACHE) {
		let finishNow: (() => void) | undefined;
		const atExit = () => {
			clearTimeout(timer);
			if (finishNow) finishNow();
			else if (story.text.length <= FINISH_AT_EXIT_CHARS) cache.write(file, stamp, story);
		};
		const timer = setTimeout(() => {
			finishNow = cache.writeInBackground(file, stamp, story, () => process.removeListener('exit', atExit));
		}, 1000).unref();
		process.once('exit', atExit);
	}
	return story;
}

/** The size, time and inode of a story file; a missing file or a folder is a one-line error. */
export function statFile(file: string): FileStamp {
	let stat;
	try {
		stat = statSync(file);
	} catch (error) {
		throw describe(file, error);
	}
	if (stat.isDirectory()) throw new LecternError(`${file}: is a folder. Give the path of a text file.`);
	if (stat.size > MAX_FILE_BYTES) {
		throw new LecternError(`${file}: ${Math.round(stat.size / 1048576)} MB is more than Lectern reads (${MAX_FILE_BYTES / 1048576} MB).`);
	}
	return {size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino};
}

function readBytes(file: string): Buffer {
	try {
		return readFileSync(file);
	} catch (error) {
		throw describe(file, error);
	}
}

function describe(file: string, error: unknown): Error {
	if (error instanceof LecternError) return error;
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') return new LecternError(`${file}: no such file. Check the path, or run "lectern --list" for the bundled stories.`);
	if (code === 'EACCES' || code === 'EPERM') return new LecternError(`${file}: permission denied. Check the file's permissions.`);
	if (code === 'EISDIR') return new LecternError(`${file}: is a folder. Give the path of a text file.`);
	return error instanceof Error ? error : new Error(String(error));
}

function metaFrom(fields: Readonly<Record<string, string>>): StoryMeta {
	const characters = listField(fields['characters']);
	return {
		...(fields['author'] ? {author: fields['author']} : {}),
		...(fields['fandom'] ? {fandom: fields['fandom']} : {}),
		...(characters.length > 0 ? {characters} : {}),
		...(fields['setting'] ? {setting: fields['setting']} : {}),
		...(fields['source'] ? {source: fields['source']} : {}),
	};
}

/** A book that takes more than a moment to open says so on stderr while it opens, never a frozen screen. */
export function withProgressLine<T>(source: StorySource, open: () => T): T {
	if (source.kind !== 'file' || !process.stderr.isTTY) return open();
	const size = fileSize(source.path);
	if (size < 2 * 1024 * 1024) return open();
	process.stderr.write(`Opening ${path.basename(source.path)} (${(size / 1048576).toFixed(1)} MB)…`);
	try {
		return open();
	} finally {
		process.stderr.write('\r\u001B[K');
	}
}

function fileSize(file: string): number {
	try {
		return statSync(file).size;
	} catch {
		return 0;
	}
}
