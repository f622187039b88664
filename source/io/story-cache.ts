/**
 * Parsed stories kept on disk, so a long book opens again without being parsed again: War and
 * Peace takes about 180 ms to parse on a 2-core machine, and about 10 ms to read back from here.
 *
 * One file per story file, in the user's cache folder (`lectern/stories/`): a line of JSON (what
 * the file was when it was parsed, and the story without its text), then the story's text. An entry
 * is used only when the file's size, modification time and inode are what they were, and the
 * parser is the one that wrote it; anything else (a missing, stale, half-written or hand-edited
 * entry) is a miss, and the file is parsed as if there were no cache. What is read back is
 * sanitised again, as text from any file is: the cache is never trusted more than the book.
 */
import {mkdirSync, readFileSync, readdirSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Block, Chapter, Span, Story} from '../core/story.js';
import {safeText} from '../formats/builder.js';

/** Files smaller than this parse faster than they read back (and most stories are): not cached. */
export const MIN_CACHED_BYTES = 256 * 1024;
/** How many stories are kept; the ones opened least recently go first. */
const KEEP = 8;
/** Bumped whenever the layout of an entry changes. */
const ENTRY_VERSION = 1;

/** What identifies the file an entry was parsed from. */
export type FileStamp = {readonly size: number; readonly mtimeMs: number; readonly ino: number};

/** Reads and writes parsed stories; `undefined` from `read` means "parse it". */
export type StoryCache = {
	read(file: string, stamp: FileStamp): Story | undefined;
	write(file: string, stamp: FileStamp, story: Story): void;
};

/** A cache that never has anything: for tests, and when caching is off. */
export const NO_STORY_CACHE: StoryCache = {read: () => undefined, write: () => undefined};

const KINDS: ReadonlyArray<Block['kind']> = ['paragraph', 'heading', 'break', 'note'];
const STYLES: ReadonlyArray<Span['style']> = ['italic', 'bold'];

type Header = {
	readonly version: number;
	readonly parser: string;
	readonly file: string;
	readonly stamp: FileStamp;
	readonly key: string;
	readonly title: string;
	readonly meta: Story['meta'];
	readonly chapters: readonly Chapter[];
	/** Four numbers a block: kind, start, end, line breaks (0 or 1). */
	readonly blocks: readonly number[];
	/** Three numbers a span: start, end, style; absent when the story has no spans. */
	readonly spans?: readonly number[];
	readonly textLength: number;
};

/**
 * The story cache in `dir` for stories parsed by `parser` (a hash of the parsing code, set by the
 * build); without a `dir` or a `parser` there is no cache.
 */
export function storyCache(dir: string | undefined, parser: string | undefined): StoryCache {
	if (!dir || !parser) return NO_STORY_CACHE;
	const entryFor = (file: string) => path.join(dir, `${pathHash(path.resolve(file))}.story`);
	return {
		read(file, stamp) {
			if (stamp.size < MIN_CACHED_BYTES) return undefined;
			try {
				return decodeEntry(readFileSync(entryFor(file)), path.resolve(file), stamp, parser);
			} catch {
				return undefined;
			}
		},
		write(file, stamp, story) {
			if (stamp.size < MIN_CACHED_BYTES) return;
			try {
				mkdirSync(dir, {recursive: true});
				const entry = entryFor(file);
				const temporary = `${entry}.${process.pid}`;
				writeFileSync(temporary, encodeEntry(story, path.resolve(file), stamp, parser));
				renameSync(temporary, entry);
				prune(dir);
			} catch {
				// No cache this time: the next start parses the file again.
			}
		},
	};
}

/** The user's cache folder for Lectern (as the platform names it), or undefined when there is no home. */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
	try {
		if (env['XDG_CACHE_HOME']) return path.join(env['XDG_CACHE_HOME'], 'lectern');
		if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'lectern');
		if (platform === 'win32') return path.join(env['LOCALAPPDATA'] ?? path.join(os.homedir(), 'AppData', 'Local'), 'lectern', 'Cache');
		return path.join(os.homedir(), '.cache', 'lectern');
	} catch {
		return undefined;
	}
}

/** The entry's bytes: a JSON line, then the text. Exported for tests. */
export function encodeEntry(story: Story, file: string, stamp: FileStamp, parser: string): Buffer {
	const blocks: number[] = [];
	for (const block of story.blocks) blocks.push(KINDS.indexOf(block.kind), block.start, block.end, block.lineBreaks ? 1 : 0);
	const spans: number[] = [];
	for (const span of story.spans ?? []) spans.push(span.start, span.end, STYLES.indexOf(span.style));
	const header: Header = {
		version: ENTRY_VERSION,
		parser,
		file,
		stamp: {size: stamp.size, mtimeMs: stamp.mtimeMs, ino: stamp.ino},
		key: story.key,
		title: story.title,
		meta: story.meta,
		chapters: story.chapters,
		blocks,
		...(story.spans ? {spans} : {}),
		textLength: story.text.length,
	};
	// JSON escapes every newline, so the first newline ends the header.
	return Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), Buffer.from(story.text)]);
}

/** The story in an entry, or undefined when the entry is not for this file as it is now. Exported for tests. */
export function decodeEntry(bytes: Buffer, file: string, stamp: FileStamp, parser: string): Story | undefined {
	const newline = bytes.indexOf(0x0a);
	if (newline < 0) return undefined;
	const header = JSON.parse(bytes.toString('utf8', 0, newline)) as Header;
	if (header.version !== ENTRY_VERSION || header.parser !== parser || header.file !== file) return undefined;
	if (header.stamp.size !== stamp.size || header.stamp.mtimeMs !== stamp.mtimeMs || header.stamp.ino !== stamp.ino) return undefined;
	const text = safeText(bytes.toString('utf8', newline + 1));
	if (text.length !== header.textLength || typeof header.key !== 'string' || typeof header.title !== 'string') return undefined;
	const blocks: Block[] = [];
	const numbers = header.blocks;
	let last = 0;
	for (let i = 0; i + 3 < numbers.length; i += 4) {
		const kind = KINDS[numbers[i]!];
		const start = numbers[i + 1]!;
		const end = numbers[i + 2]!;
		// Blocks must lie inside the text and in order, or the layout would read past its end.
		if (!kind || !Number.isInteger(start) || !Number.isInteger(end) || start < last || end < start || end > text.length) return undefined;
		last = end;
		blocks.push(numbers[i + 3] === 1 ? {kind, start, end, lineBreaks: true} : {kind, start, end});
	}
	const chapters = header.chapters.map((chapter) => ({title: safeText(String(chapter.title)), start: Math.min(text.length, Math.max(0, Number(chapter.start) || 0))}));
	let spans: Span[] | undefined;
	if (header.spans) {
		spans = [];
		for (let i = 0; i + 2 < header.spans.length; i += 3) {
			const style = STYLES[header.spans[i + 2]!];
			const start = header.spans[i]!;
			const end = header.spans[i + 1]!;
			if (!style || !Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start || end > text.length) return undefined;
			spans.push({start, end, style});
		}
	}
	return {
		key: header.key,
		title: safeText(header.title),
		text,
		blocks,
		chapters,
		meta: sanitizeStrings(header.meta) as Story['meta'],
		...(spans ? {spans} : {}),
	};
}

// A name for a path's entry: two 32-bit FNV-1a hashes. Not cryptographic (the entry records its
// path, which is checked), and it spares the start-up Node's crypto modules.
function pathHash(file: string): string {
	let a = 0x811c9dc5;
	let b = 0x01000193 ^ file.length;
	for (let i = 0; i < file.length; i++) {
		const c = file.charCodeAt(i);
		a = Math.imul(a ^ c, 0x01000193);
		b = Math.imul(b ^ c, 0x5bd1e995);
	}
	return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

// Every string in a JSON value, sanitised.
function sanitizeStrings(value: unknown): unknown {
	if (typeof value === 'string') return safeText(value);
	if (Array.isArray(value)) return value.map(sanitizeStrings);
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, sanitizeStrings(inner)]));
	return value;
}

// Keeps the entries used last; the rest are deleted.
function prune(dir: string): void {
	const entries = readdirSync(dir)
		.filter((name) => name.endsWith('.story'))
		.map((name) => {
			const file = path.join(dir, name);
			return {file, at: statSync(file).mtimeMs};
		})
		.sort((a, b) => b.at - a.at);
	for (const {file} of entries.slice(KEEP)) {
		try {
			unlinkSync(file);
		} catch {
			// Another reader tidied it already.
		}
	}
}
