/**
 * Parsed stories kept on disk, so a long book opens again without being parsed again: War and
 * Peace takes about 180 ms to parse on a 2-core machine, and about 10 ms to read back from here.
 *
 * One file per story file, in the user's cache folder (`lectern/stories/`): the length of a JSON
 * header (what the file was when it was parsed; title, metadata, chapters), the header, the blocks
 * and spans as 32-bit integers, then the text, in Latin-1 when every character fits, else UTF-16.
 * Nothing in it needs parsing but the small header: the bytes become the story's numbers and text
 * as they are (War and Peace's blocks as JSON took 8 ms to parse, its text as UTF-8 30 ms to decode). An entry
 * is used only when the file's size, modification time and inode are what they were, and the
 * parser is the one that wrote it; anything else (a missing, stale, half-written or hand-edited
 * entry) is a miss, and the file is parsed as if there were no cache. What is read back is
 * sanitised again, as text from any file is: the cache is never trusted more than the book.
 */
import {closeSync, fstatSync, mkdirSync, openSync, readSync, readdirSync, renameSync, statSync, unlinkSync, utimesSync, write, writeFileSync, writeSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {type Block, type Chapter, type Span, type Story, type TextPart, type TextParts, partBounds} from '../core/story.js';
import {safeText} from '../formats/builder.js';
import {LecternError} from './errors.js';

/** Files smaller than this parse faster than they read back (and most stories are): not cached. */
export const MIN_CACHED_BYTES = 256 * 1024;
/** How many stories are kept; the ones opened least recently go first. */
const KEEP = 8;
/** Bumped whenever the layout of an entry changes. */
const ENTRY_VERSION = 2;

/** What identifies the file an entry was parsed from. */
export type FileStamp = {readonly size: number; readonly mtimeMs: number; readonly ino: number};

/**
 * Reads and writes parsed stories; `undefined` from `read` means "parse it". A story read from
 * the cache keeps its text in the entry and reads it a part at a time (`Story.parts`): opening a
 * long book never waits for its whole text, nor holds it in memory (20 MB of text is 41 MB as a
 * JavaScript string, and making that string took about 180 ms on this project's CI machine class,
 * in one block of the event loop, most of it the cost of fresh memory).
 */
export type StoryCache = {
	read(file: string, stamp: FileStamp): Story | undefined;
	/** An entry opened without reading its text, to read a part of it (see `EntryPeek`). */
	peek(file: string, stamp: FileStamp): EntryPeek | undefined;
	write(file: string, stamp: FileStamp, story: Story): void;
	/**
	 * `write`, a piece at a time between other work (a long book's text is encoded and written in
	 * 256K-character pieces, each a few milliseconds, never one long pause). Returns what to call
	 * at exit: it writes the rest at once (or drops the entry when the rest is very long); never
	 * half an entry.
	 */
	writeInBackground(file: string, stamp: FileStamp, story: Story, finished?: () => void): () => void;
};

/**
 * What a cached story is, without its text: enough to know where the reader is in it, and to read
 * only the part of the text a page needs. Reading a long book whole is mostly the cost of fresh
 * memory (War and Peace: about 40 ms for its 6.6 MB entry on this project's CI machine class).
 */
export type EntryPeek = {
	readonly key: string;
	readonly title: string;
	readonly length: number;
	readonly chapters: readonly Chapter[];
	/**
	 * The whole blocks around `offset`: the one holding it and `after` more, or more still until
	 * they hold `chars` characters; as a story of its own, whose offsets start at `base` in the book.
	 */
	window(offset: number, after: number, chars: number): StoryWindow | undefined;
	/** The whole story, its text read a part at a time; undefined when the entry proves damaged. */
	story(): Story | undefined;
	/** `story`, its blocks made a slice at a time between other work (a long book has tens of thousands). */
	storyLater(): Promise<Story | undefined>;
};

/** A part of a story: `story.text` is the book's text from `base` on. */
export type StoryWindow = {readonly story: Story; readonly base: number};

/** A cache that never has anything: for tests, and when caching is off. */
export const NO_STORY_CACHE: StoryCache = {read: () => undefined, peek: () => undefined, write: () => undefined, writeInBackground: () => () => undefined};

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
	/** How many blocks (four integers each: kind, start, end, line breaks) and spans (three: start, end, style). */
	readonly blocks: number;
	readonly spans?: number;
	readonly textLength: number;
	readonly encoding: 'latin1' | 'utf16le';
};

/**
 * The story cache in `dir` for stories parsed by `parser` (a hash of the parsing code, set by the
 * build); without a `dir` or a `parser` there is no cache.
 */
export function storyCache(dir: string | undefined, parser: string | undefined): StoryCache {
	if (!dir || !parser) return NO_STORY_CACHE;
	const entryFor = (file: string) => path.join(dir, `${pathHash(path.resolve(file))}.story`);
	const peek = (file: string, stamp: FileStamp): EntryPeek | undefined => {
		if (stamp.size < MIN_CACHED_BYTES) return undefined;
		try {
			return opened(entryFor(file), peekEntry(entryFor(file), path.resolve(file), stamp, parser));
		} catch {
			return undefined;
		}
	};
	return {
		read: (file, stamp) => peek(file, stamp)?.story(),
		peek,
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
		writeInBackground(file, stamp, story, finished) {
			if (stamp.size < MIN_CACHED_BYTES) {
				finished?.();
				return () => undefined;
			}
			let fd: number;
			let temporary: string;
			let entry: string;
			let position: number;
			let encoding: Header['encoding'];
			try {
				mkdirSync(dir, {recursive: true});
				entry = entryFor(file);
				temporary = `${entry}.${process.pid}`;
				fd = openSync(temporary, 'w');
				const encoded = encodeHead(story, path.resolve(file), stamp, parser);
				encoding = encoded.encoding;
				position = writeSync(fd, encoded.head, 0, encoded.head.length, 0);
			} catch {
				finished?.();
				return () => undefined;
			}
			let done = false;
			// The piece being written in Node's thread pool, if any, and where.
			let pending: {piece: Buffer; at: number} | undefined;
			// The file is not closed while a piece may still be written to it from the thread pool: a
			// closed descriptor's number can be given to another file (this only happens at exit).
			const stop = (keep: boolean) => {
				if (done) return;
				done = true;
				finished?.();
				try {
					if (!pending) closeSync(fd);
					if (keep) {
						renameSync(temporary, entry);
						prune(dir);
					} else unlinkSync(temporary);
				} catch {
					// No cache this time.
				}
			};
			let next = 0;
			const step = () => {
				if (done) return;
				if (next >= story.text.length) return stop(true);
				const piece = Buffer.from(story.text.slice(next, next + PIECE_CHARS), encoding);
				next += PIECE_CHARS;
				pending = {piece, at: position};
				write(fd, piece, 0, piece.length, position, (error) => {
					pending = undefined;
					if (error) return stop(false);
					position += piece.length;
					// A timer between pieces, so that a key press is never queued behind two of them.
					setTimeout(step, 0).unref();
				});
			};
			step();
			// At exit nothing more runs in the background: the rest is written now (the piece in the
			// thread pool again too, in case it does not finish), or, for a very long rest, dropped.
			return () => {
				if (done) return;
				if (story.text.length - next > FINISH_AT_EXIT_CHARS) return stop(false);
				try {
					let at = position;
					if (pending) at = pending.at + writeSync(fd, pending.piece, 0, pending.piece.length, pending.at);
					for (; next < story.text.length; next += PIECE_CHARS) {
						const piece = Buffer.from(story.text.slice(next, next + PIECE_CHARS), encoding);
						at += writeSync(fd, piece, 0, piece.length, at);
					}
					stop(true);
				} catch {
					stop(false);
				}
			};
		},
	};
}

/** The most text left to write that a quitting reader still writes (20 MB: about 200 ms here); more is dropped. */
export const FINISH_AT_EXIT_CHARS = 24 * 1024 * 1024;

// Characters of text encoded and written at a time by writeInBackground: about 2 ms each.
const PIECE_CHARS = 256 * 1024;

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

/** The entry's bytes. Exported for tests. */
export function encodeEntry(story: Story, file: string, stamp: FileStamp, parser: string): Buffer {
	const {head, encoding} = encodeHead(story, file, stamp, parser);
	return Buffer.concat([head, Buffer.from(story.text, encoding)]);
}

// Everything in an entry but the text (which follows it, in `encoding`).
function encodeHead(story: Story, file: string, stamp: FileStamp, parser: string): {head: Buffer; encoding: Header['encoding']} {
	const spans = story.spans ?? [];
	const numbers = new Int32Array(story.blocks.length * 4 + spans.length * 3);
	let at = 0;
	for (const block of story.blocks) {
		numbers[at++] = KINDS.indexOf(block.kind);
		numbers[at++] = block.start;
		numbers[at++] = block.end;
		numbers[at++] = block.lineBreaks ? 1 : 0;
	}
	for (const span of spans) {
		numbers[at++] = span.start;
		numbers[at++] = span.end;
		numbers[at++] = STYLES.indexOf(span.style);
	}
	const encoding: Header['encoding'] = /^[\u0000-\u00ff]*$/.test(story.text) ? 'latin1' : 'utf16le';
	const header: Header = {
		version: ENTRY_VERSION,
		parser,
		file,
		stamp: {size: stamp.size, mtimeMs: stamp.mtimeMs, ino: stamp.ino},
		key: story.key,
		title: story.title,
		meta: story.meta,
		chapters: story.chapters,
		blocks: story.blocks.length,
		...(story.spans ? {spans: spans.length} : {}),
		textLength: story.text.length,
		encoding,
	};
	// The header is padded with spaces so that the integers after it start on a multiple of four.
	let json = JSON.stringify(header);
	const headerBytes = Buffer.byteLength(json);
	json += ' '.repeat((4 - ((4 + headerBytes) % 4)) % 4);
	const length = Buffer.alloc(4);
	length.writeUInt32LE(Buffer.byteLength(json));
	return {head: Buffer.concat([length, Buffer.from(json), Buffer.from(numbers.buffer, numbers.byteOffset, numbers.byteLength)]), encoding};
}

// Where the parts of an entry are, once its header has been read and checked.
type Layout = {readonly header: Header; readonly numbersAt: number; readonly textAt: number; readonly bytesPerChar: 1 | 2};

// The header of an entry whose first bytes are `head` (at least the length and the header), checked
// against the file as it is now; undefined when it is for another file, parser or version.
function readHeader(head: Buffer, size: number, file: string, stamp: FileStamp, parser: string): Layout | undefined {
	if (head.length < 4) return undefined;
	const headerLength = head.readUInt32LE(0);
	if (4 + headerLength > head.length || (4 + headerLength) % 4 !== 0) return undefined;
	const header = JSON.parse(head.toString('utf8', 4, 4 + headerLength)) as Header;
	if (header.version !== ENTRY_VERSION || header.parser !== parser || header.file !== file) return undefined;
	if (header.stamp.size !== stamp.size || header.stamp.mtimeMs !== stamp.mtimeMs || header.stamp.ino !== stamp.ino) return undefined;
	if (typeof header.key !== 'string' || typeof header.title !== 'string' || !Array.isArray(header.chapters)) return undefined;
	const blockCount = header.blocks;
	const spanCount = header.spans ?? 0;
	if (!Number.isInteger(blockCount) || !Number.isInteger(spanCount) || blockCount < 0 || spanCount < 0 || !Number.isInteger(header.textLength)) return undefined;
	const numbersAt = 4 + headerLength;
	const textAt = numbersAt + (blockCount * 4 + spanCount * 3) * 4;
	const bytesPerChar = header.encoding === 'latin1' ? 1 : header.encoding === 'utf16le' ? 2 : 0;
	if (bytesPerChar === 0 || textAt + header.textLength * bytesPerChar !== size) return undefined;
	return {header, numbersAt, textAt, bytesPerChar};
}

// Blocks [first, last) from the integers, rebased by `base`, checked to lie in order inside
// [from, base + length) (`from` is where the blocks before them ended).
function blocksOf(numbers: Int32Array, first: number, last: number, base: number, length: number, from = base): Block[] | undefined {
	const blocks: Block[] = [];
	let previous = from;
	for (let i = first; i < last; i++) {
		const at = i * 4;
		const kind = KINDS[numbers[at]!];
		const start = numbers[at + 1]!;
		const end = numbers[at + 2]!;
		// Blocks must lie inside the text and in order, or the layout would read past its end.
		if (!kind || start < previous || end < start || end > base + length) return undefined;
		previous = end;
		blocks.push(numbers[at + 3] === 1 ? {kind, start: start - base, end: end - base, lineBreaks: true} : {kind, start: start - base, end: end - base});
	}
	return blocks;
}

// Spans from the integers (after `blockCount` blocks) that touch [base, base + length), clipped and rebased.
function spansOf(numbers: Int32Array, blockCount: number, spanCount: number, base: number, length: number, total: number): Span[] | undefined {
	const spans: Span[] = [];
	for (let i = 0, at = blockCount * 4; i < spanCount; i++, at += 3) {
		const start = numbers[at]!;
		const end = numbers[at + 1]!;
		const style = STYLES[numbers[at + 2]!];
		if (!style || start < 0 || end < start || end > total) return undefined;
		if (end <= base || start >= base + length) continue;
		spans.push({start: Math.max(start, base) - base, end: Math.min(end, base + length) - base, style});
	}
	return spans;
}

function chaptersOf(header: Header): Chapter[] {
	return header.chapters.map((chapter) => ({title: safeText(String(chapter.title)), start: Math.min(header.textLength, Math.max(0, Number(chapter.start) || 0))}));
}

/**
 * Where a story read from the cache came from: enough for another thread of this process to read
 * the same entry (`peekEntryOf`), and to check that it found the same story.
 */
export type EntryRef = {
	/** The entry's file, open while the story is in use. */
	readonly fd: number;
	readonly entry: string;
	readonly file: string;
	readonly stamp: FileStamp;
	readonly parser: string;
	readonly blocks: number;
	readonly length: number;
};

const entries = new WeakMap<Story, EntryRef>();

/** The entry `story` is read from, when it is a story from the cache read a part at a time. */
export function entryOf(story: Story): EntryRef | undefined {
	return entries.get(story);
}

/** Opens the entry at `entry` to read parts of it; undefined when it is not for this file as it is now. Exported for tests. */
export function peekEntry(entry: string, file: string, stamp: FileStamp, parser: string): EntryPeek | undefined {
	return peekOpenEntry(openSync(entry, 'r'), true, entry, file, stamp, parser);
}

/**
 * The entry a story was read from (`entryOf`), again, through the file the story holds open: on
 * another thread of this process (a worker counting the whole-book index), the same bytes even if
 * the entry was replaced since. The file stays the story's to close; undefined when it is no longer
 * what the story was.
 */
export function peekEntryOf(ref: EntryRef): EntryPeek | undefined {
	return peekOpenEntry(ref.fd, false, ref.entry, ref.file, ref.stamp, ref.parser);
}

// Reads an entry's header from `fd`; the file is closed at once when it is not a good entry, or
// when the story no longer needs it, but only if it is the peek's `own`.
function peekOpenEntry(fd: number, own: boolean, entry: string, file: string, stamp: FileStamp, parser: string): EntryPeek | undefined {
	let kept = false;
	try {
		const size = fstatSync(fd).size;
		const first = Buffer.alloc(Math.min(size, 64 * 1024));
		readSync(fd, first, 0, first.length, 0);
		let layout = readHeader(first, size, file, stamp, parser);
		let head = first;
		if (!layout && first.length >= 4 && 4 + first.readUInt32LE(0) > first.length && 4 + first.readUInt32LE(0) <= size) {
			// A long header (a book with thousands of chapters): read it whole.
			head = Buffer.alloc(4 + first.readUInt32LE(0));
			readSync(fd, head, 0, head.length, 0);
			layout = readHeader(head, size, file, stamp, parser);
		}
		if (!layout) return undefined;
		const {header, numbersAt, textAt, bytesPerChar} = layout;
		// Read into memory of their own, so the integers are aligned for a view over them.
		const numbers = new Int32Array((textAt - numbersAt) / 4);
		readSync(fd, numbers, 0, numbers.byteLength, numbersAt);
		const source = new EntryText(fd, own, entry, file, header.encoding, bytesPerChar, textAt, header.textLength);
		kept = true;
		const title = safeText(header.title);
		const chapters = chaptersOf(header);
		const meta = sanitizeStrings(header.meta) as Story['meta'];
		const count = header.blocks;
		const spanCount = header.spans;
		const storyOf = (blocks: Block[] | undefined): Story | undefined => {
			const spans = spanCount === undefined ? undefined : spansOf(numbers, count, spanCount, 0, header.textLength, header.textLength);
			if (!blocks || (spanCount !== undefined && !spans)) return undefined;
			const parts = new EntryParts(source, blocks);
			const story: Story = {
				key: header.key,
				title,
				// Read whole only by what needs all of it at once (--info, re-anchoring bookmarks in a
				// changed book); layout, search and the card read parts.
				get text() {
					return parts.whole();
				},
				parts,
				blocks,
				chapters,
				meta,
				...(spans ? {spans} : {}),
			};
			entries.set(story, {fd, entry, file, stamp, parser, blocks: count, length: header.textLength});
			return story;
		};
		return {
			key: header.key,
			title,
			length: header.textLength,
			chapters,
			window(offset, after, chars) {
				if (count === 0) return undefined;
				const lo = Math.max(0, blockAt(numbers, count, offset));
				const base = numbers[lo * 4 + 1]!;
				let last = lo + 1;
				while (last < count && (last - lo <= after || numbers[(last - 1) * 4 + 2]! - base < chars)) last++;
				const end = numbers[(last - 1) * 4 + 2]!;
				if (base < 0 || end < base || end > header.textLength) return undefined;
				const text = source.read(base, end);
				const blocks = blocksOf(numbers, lo, last, base, text.length);
				const spans = spanCount === undefined ? undefined : spansOf(numbers, count, spanCount, base, text.length, header.textLength);
				if (!blocks || (spanCount !== undefined && !spans)) return undefined;
				const inside = chapters.filter((chapter) => chapter.start >= base && chapter.start < end).map((chapter) => ({...chapter, start: chapter.start - base}));
				return {base, story: {key: header.key, title, text, blocks, chapters: inside, meta, ...(spans ? {spans} : {})}};
			},
			story: () => storyOf(blocksOf(numbers, 0, count, 0, header.textLength)),
			storyLater: () =>
				new Promise((resolve) => {
					const blocks: Block[] = [];
					const more = (first: number) => {
						const last = Math.min(count, first + BLOCKS_AT_A_TIME);
						const made = blocksOf(numbers, first, last, 0, header.textLength, blocks.at(-1)?.end ?? 0);
						if (!made) return resolve(undefined);
						for (const block of made) blocks.push(block);
						if (last < count) setImmediate(more, last);
						else resolve(storyOf(blocks));
					};
					more(0);
				}),
		};
	} finally {
		if (!kept && own) closeSync(fd);
	}
}

// Blocks made per turn of the event loop by `storyLater`: about a millisecond.
const BLOCKS_AT_A_TIME = 4 * 1024;

// Index of the last block starting at or before `offset` (-1 when none does).
function blockAt(numbers: Int32Array, count: number, offset: number): number {
	let lo = -1;
	let hi = count - 1;
	while (lo < hi) {
		const mid = (lo + hi + 1) >> 1;
		if (numbers[mid * 4 + 1]! <= offset) lo = mid;
		else hi = mid - 1;
	}
	return lo;
}

// Each open entry's file is closed once nothing uses its story any more. Kept open until then, so
// that an entry written over it meanwhile (the book changed, and another reader parsed it again)
// never mixes its text with this one's.
const closeWhenCollected = new FinalizationRegistry<number>((fd) => {
	try {
		closeSync(fd);
	} catch {
		// Already closed.
	}
});

// The text of an entry, read from the entry's open file a stretch at a time, sanitised like any text.
class EntryText {
	private scratch = Buffer.alloc(0);

	constructor(
		private readonly fd: number,
		own: boolean,
		private readonly entry: string,
		private readonly file: string,
		private readonly encoding: Header['encoding'],
		private readonly bytesPerChar: 1 | 2,
		private readonly textAt: number,
		readonly length: number,
	) {
		if (own) closeWhenCollected.register(this, fd);
	}

	/**
	 * The text from `start` to `end`. Throws when the entry cannot be read: only when it was changed
	 * in place while open (Lectern replaces an entry, never writes into it).
	 */
	read(start: number, end: number): string {
		const size = (end - start) * this.bytesPerChar;
		// Small reads share one buffer; a large one (the whole text) has its own, let go after.
		if (size > SCRATCH_BYTES) return this.decode(Buffer.allocUnsafe(size), start, size, end - start);
		if (this.scratch.length < size) this.scratch = Buffer.allocUnsafe(SCRATCH_BYTES);
		return this.decode(this.scratch, start, size, end - start);
	}

	private decode(into: Buffer, start: number, size: number, length: number): string {
		const text = readSync(this.fd, into, 0, size, this.textAt + start * this.bytesPerChar) === size ? into.toString(this.encoding, 0, size) : undefined;
		if (text?.length !== length) {
			throw new LecternError(`${this.entry}: this cached copy of ${this.file} was changed while the book was open. Open the book again: Lectern will read the file anew.`);
		}
		return safeText(text);
	}
}

// Characters read at a time (the index walks a long book from start to end). Kept under 64K, so
// that a part (two bytes a character) is an ordinary young object: larger ones are each given
// fresh memory by V8, and the index then took twice as long.
const PART_CHARS = 16 * 1024;
const SCRATCH_BYTES = 4 * PART_CHARS;
// Parts kept: the one the background index is in, and a few around the page on screen.
const PARTS_KEPT = 4;

// A story's text kept in its entry (see TextParts). A part always holds whole blocks, so the part
// that holds a block's start holds all of it, and a character is never cut from its pair.
class EntryParts implements TextParts {
	readonly length: number;
	private recent: TextPart[] = [];
	private wholeText: TextPart | undefined;

	constructor(
		private readonly source: EntryText,
		private readonly blocks: readonly Block[],
	) {
		this.length = source.length;
	}

	around(start: number, end: number): TextPart {
		if (this.wholeText) return this.wholeText;
		for (const part of this.recent) if (part.base <= start && end <= part.base + part.text.length) return part;
		const {from, to} = partBounds(this.blocks, this.length, start, end, PART_CHARS);
		const part = {text: this.source.read(from, to), base: from};
		this.recent = [part, ...this.recent.slice(0, PARTS_KEPT - 1)];
		return part;
	}

	/** The whole text, read once. */
	whole(): string {
		this.wholeText ??= {text: this.source.read(0, this.length), base: 0};
		this.recent = [];
		return this.wholeText.text;
	}
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

// An entry that was used is marked as used now (its modification time), so that prune keeps it.
function opened<T>(entry: string, found: T | undefined): T | undefined {
	if (found !== undefined) {
		try {
			const now = new Date();
			utimesSync(entry, now, now);
		} catch {
			// Read-only cache: it is pruned by when it was written instead.
		}
	}
	return found;
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
