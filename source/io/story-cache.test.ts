import {mkdtempSync, readFileSync, readdirSync, rmSync, statSync, truncateSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {type Story, storyLength, textPart, textSlice} from '../core/story.js';
import {parseFile} from '../formats/index.js';
import {corpusFile, corpusPath} from '../formats/testkit.js';
import {Layout} from '../core/layout.js';
import {pageLines} from '../core/screen.js';
import {WordIndex} from '../core/pace.js';
import {cardFields} from '../core/card.js';
import {MIN_CACHED_BYTES, cacheDir, encodeEntry, type FileStamp, peekEntry, storyCache} from './story-cache.js';
import {loadFileWith} from './stories.js';
import {LecternError} from './errors.js';

const folders: string[] = [];
afterEach(() => {
	for (const folder of folders.splice(0)) rmSync(folder, {recursive: true, force: true});
});
function folder(): string {
	const made = mkdtempSync(path.join(tmpdir(), 'lectern-story-cache-'));
	folders.push(made);
	return made;
}

// A story as plain data, its text read whole: to compare one read from the cache with a parsed one.
function plain(story: Story | undefined): Story | undefined {
	if (!story) return undefined;
	const {parts: _parts, ...rest} = story;
	return {...rest, text: story.text};
}

// An entry's bytes read back as the reader reads them: from a file, the text a part at a time.
function decodeEntry(bytes: Buffer, file: string, stamp: FileStamp, parser: string): Story | undefined {
	const entry = path.join(folder(), 'entry.story');
	writeFileSync(entry, bytes);
	return plain(peekEntry(entry, file, stamp, parser)?.story());
}

const STAMP = {size: MIN_CACHED_BYTES, mtimeMs: 1_700_000_000_123.456, ino: 42};

// Every format, as the readers parse it: what comes back from the cache must be the same story.
const BOOKS = ['text/war-and-peace-2600.txt', 'html/pride-and-prejudice-1342.html', 'markdown/the-wind-in-the-willows.md', 'epub/moby-dick.epub'];

describe('the story cache', () => {
	for (const book of BOOKS) {
		it(`gives back exactly the story it was given: ${book}`, () => {
			const bytes = corpusFile(book);
			if (!bytes) return;
			const story = parseFile(bytes, corpusPath(book));
			const entry = encodeEntry(story, '/books/x', STAMP, 'parser-1');
			expect(decodeEntry(entry, '/books/x', STAMP, 'parser-1')).toEqual(story);
		});
	}

	const story: Story = {
		key: 'file-abc',
		title: 'A title',
		text: 'One.\n\nTwo, _italic_.',
		blocks: [
			{kind: 'paragraph', start: 0, end: 4},
			{kind: 'paragraph', start: 6, end: 20, lineBreaks: true},
		],
		chapters: [{title: 'One', start: 0}],
		meta: {author: 'Someone', characters: ['A', 'B']},
		spans: [{start: 12, end: 18, style: 'italic'}],
	};

	it.each([
		['another file', {file: '/books/y'}],
		['another parser', {parser: 'parser-2'}],
		['another size', {stamp: {...STAMP, size: STAMP.size + 1}}],
		['another modification time', {stamp: {...STAMP, mtimeMs: STAMP.mtimeMs + 1}}],
		['another inode (the file was replaced)', {stamp: {...STAMP, ino: 43}}],
	])('misses when the entry is for %s', (_, change: {file?: string; parser?: string; stamp?: typeof STAMP}) => {
		const entry = encodeEntry(story, '/books/x', STAMP, 'parser-1');
		expect(decodeEntry(entry, '/books/x', STAMP, 'parser-1')).toEqual(story);
		expect(decodeEntry(entry, change.file ?? '/books/x', change.stamp ?? STAMP, change.parser ?? 'parser-1')).toBeUndefined();
	});

	it('misses on a cut-off entry or blocks outside the text, and never lets a control character through', () => {
		const entry = encodeEntry(story, '/books/x', STAMP, 'parser-1');
		expect(decodeEntry(entry.subarray(0, entry.length - 3), '/books/x', STAMP, 'parser-1')).toBeUndefined();
		expect(decodeEntry(entry.subarray(0, 3), '/books/x', STAMP, 'parser-1')).toBeUndefined();
		const outside = {...story, blocks: [{kind: 'paragraph' as const, start: 0, end: 999}]};
		expect(decodeEntry(encodeEntry(outside, '/books/x', STAMP, 'parser-1'), '/books/x', STAMP, 'parser-1')).toBeUndefined();
		const backwards = {...story, blocks: [...story.blocks].reverse()};
		expect(decodeEntry(encodeEntry(backwards, '/books/x', STAMP, 'parser-1'), '/books/x', STAMP, 'parser-1')).toBeUndefined();
		// An entry written by hand, with escape sequences in it: sanitised like any file's text.
		const hostile = {...story, title: 'Evil\u001B]0;pwned\u0007', text: story.text.replace('One.', '\u001B[2J'), chapters: [{title: '\u009B31m', start: 0}]};
		const read = decodeEntry(encodeEntry(hostile, '/books/x', STAMP, 'parser-1'), '/books/x', STAMP, 'parser-1');
		expect(read).toBeDefined();
		expect(read!.title + read!.text + read!.chapters[0]!.title).not.toMatch(/[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/);
		expect(read!.text.length).toBe(story.text.length);
	});

	it('stores Latin-1 text in one byte a character and other text in two, and reads both back', () => {
		const latin = encodeEntry(story, '/books/x', STAMP, 'parser-1');
		const wide = {...story, text: story.text.replace('Two', 'Twö “2”')};
		const widened = encodeEntry({...wide, blocks: [story.blocks[0]!, {...story.blocks[1]!, end: wide.text.length}]}, '/books/x', STAMP, 'parser-1');
		expect(widened.length - latin.length).toBeGreaterThanOrEqual(story.text.length);
		expect(decodeEntry(widened, '/books/x', STAMP, 'parser-1')?.text).toBe(wide.text);
		expect(decodeEntry(latin, '/books/x', STAMP, 'parser-1')?.text).toBe(story.text);
	});

	it('keeps long books on disk, ignores short ones, and finds an entry only for the unchanged file', () => {
		const dir = folder();
		const cache = storyCache(path.join(dir, 'cache'), 'parser-1');
		const file = path.join(dir, 'book.txt');
		writeFileSync(file, 'word '.repeat(MIN_CACHED_BYTES / 4));
		const {size, mtimeMs, ino} = statSync(file);
		cache.write(file, {size, mtimeMs, ino}, story);
		expect(plain(cache.read(file, {size, mtimeMs, ino}))).toEqual(story);
		expect(cache.read(file, {size, mtimeMs: mtimeMs + 1000, ino})).toBeUndefined();
		cache.write(file, {size: 100, mtimeMs, ino}, story);
		expect(cache.read(file, {size: 100, mtimeMs, ino})).toBeUndefined();
		expect(storyCache(undefined, 'parser-1').read(file, {size, mtimeMs, ino})).toBeUndefined();
		expect(storyCache(path.join(dir, 'cache'), undefined).read(file, {size, mtimeMs, ino})).toBeUndefined();
	});

	it('writes a long book a piece at a time, and leaves nothing when the write is abandoned', async () => {
		const dir = folder();
		const cache = storyCache(dir, 'parser-1');
		const text = 'Twö “words” and more. '.repeat(60_000);
		const long: Story = {...story, text, blocks: [{kind: 'paragraph', start: 0, end: text.length}], spans: [{start: 5, end: 10, style: 'italic'}]};
		const stamp = {...STAMP, size: MIN_CACHED_BYTES * 4};
		let pieces = 0;
		const timers = setInterval(() => pieces++, 0);
		await new Promise<void>((resolve) => cache.writeInBackground('/books/long.txt', stamp, long, resolve));
		clearInterval(timers);
		// The event loop ran between pieces: the text (1.3M characters) was not written in one go.
		expect(pieces).toBeGreaterThan(2);
		expect(plain(cache.read('/books/long.txt', stamp))).toEqual(long);
		// Stopped after its first piece (a reader quitting): the rest is written at once, and whole.
		const finishNow = cache.writeInBackground('/books/other.txt', stamp, long);
		finishNow();
		expect(plain(cache.read('/books/other.txt', stamp))).toEqual(long);
		await new Promise((resolve) => setTimeout(resolve, 50));
		expect(plain(cache.read('/books/other.txt', stamp))).toEqual(long);
		expect(readdirSync(dir)).toHaveLength(2);
	});

	it('keeps the eight entries used last', async () => {
		const dir = folder();
		const cache = storyCache(dir, 'parser-1');
		// Apart in time by more than a file system's clock tick, so that their order is known.
		const tick = () => new Promise((resolve) => setTimeout(resolve, 15));
		for (let i = 0; i < 11; i++) {
			cache.write(`/books/${i}.txt`, STAMP, story);
			await tick();
		}
		expect(readdirSync(dir).filter((name) => name.endsWith('.story')).length).toBe(8);
		expect(cache.read('/books/2.txt', STAMP)).toBeUndefined();
		// The oldest one left is opened again: it outlives the ones written after it.
		expect(cache.peek('/books/3.txt', STAMP)).toBeDefined();
		await tick();
		for (let i = 11; i < 17; i++) {
			cache.write(`/books/${i}.txt`, STAMP, story);
			await tick();
		}
		expect(plain(cache.read('/books/3.txt', STAMP))).toEqual(story);
		expect(cache.read('/books/4.txt', STAMP)).toBeUndefined();
	});

	it('is what loadFileWith reads a long book from, without parsing it again', () => {
		const dir = folder();
		const cache = storyCache(path.join(dir, 'cache'), 'parser-1');
		const file = path.join(dir, 'book.txt');
		writeFileSync(file, 'A sentence of a long book.\n\n'.repeat(MIN_CACHED_BYTES / 20));
		let parses = 0;
		const parse = (bytes: Buffer, name: string) => {
			parses++;
			return parseFile(bytes, name);
		};
		const first = loadFileWith(file, parse, cache);
		const {size, mtimeMs, ino} = statSync(file);
		cache.write(file, {size, mtimeMs, ino}, first);
		expect(plain(loadFileWith(file, parse, cache))).toEqual(first);
		expect(parses).toBe(1);
		// The file changes: parsed again.
		writeFileSync(file, readFileSync(file, 'utf8').replace('A sentence', 'One sentence'));
		expect(loadFileWith(file, parse, cache).text).toMatch(/^One sentence/);
		expect(parses).toBe(2);
	});

	it('reads the part of a book a page needs, and that page is the one the whole book gives', () => {
		const book = 'text/war-and-peace-2600.txt';
		const bytes = corpusFile(book);
		if (!bytes) return;
		const whole = parseFile(bytes, corpusPath(book));
		const dir = folder();
		const entry = path.join(dir, 'entry.story');
		writeFileSync(entry, encodeEntry(whole, '/books/x', {...STAMP, size: bytes.length}, 'parser-1'));
		const peek = peekEntry(entry, '/books/x', {...STAMP, size: bytes.length}, 'parser-1')!;
		expect(peek).toMatchObject({key: whole.key, title: whole.title, length: whole.text.length, chapters: whole.chapters});
		expect(peekEntry(entry, '/books/y', {...STAMP, size: bytes.length}, 'parser-1')).toBeUndefined();
		const offsets = [0, 1, whole.chapters[40]!.start, Math.floor(whole.text.length / 2), whole.text.length - 500, whole.text.length];
		for (const [width, height] of [[68, 26], [30, 10], [100, 60]] as const) {
			const full = new Layout(whole, width, {justify: true});
			for (const offset of offsets) {
				const part = peek.window(offset, height + 2, height * width * 2)!;
				expect(whole.text.slice(part.base, part.base + part.story.text.length)).toBe(part.story.text);
				const layout = new Layout(part.story, width, {justify: true});
				const page = layout.page(offset - part.base, height);
				const expected = full.page(offset, height);
				expect(page.start + part.base).toBe(expected.start);
				expect(page.atEnd).toBe(expected.atEnd);
				expect(pageLines(layout, page.rows)).toEqual(pageLines(full, expected.rows));
			}
		}
	});

	it('gives a long book whose text is read a part at a time, and lays it out as the whole text does', async () => {
		const book = 'text/war-and-peace-2600.txt';
		const bytes = corpusFile(book);
		if (!bytes) return;
		const whole = parseFile(bytes, corpusPath(book));
		const stamp = {...STAMP, size: bytes.length};
		const entry = path.join(folder(), 'entry.story');
		writeFileSync(entry, encodeEntry(whole, '/books/x', stamp, 'parser-1'));
		const peek = peekEntry(entry, '/books/x', stamp, 'parser-1')!;
		const later = (await peek.storyLater())!;
		const parted = peek.story()!;
		expect(later.blocks).toEqual(whole.blocks);
		expect(later.spans).toEqual(whole.spans);
		for (const story of [later, parted]) {
			expect(storyLength(story)).toBe(whole.text.length);
			// Parts hold whole blocks, and are far shorter than the book.
			for (const block of [whole.blocks[0]!, whole.blocks[1000]!, whole.blocks.at(-1)!]) {
				const part = textPart(story, block.start, block.end);
				expect(part.text.length).toBeLessThan(whole.text.length / 10);
				expect(part.text.slice(block.start - part.base, block.end - part.base)).toBe(whole.text.slice(block.start, block.end));
			}
			for (const at of [0, 12_345, 1_000_000, whole.text.length - 100]) expect(textSlice(story, at, at + 300)).toBe(whole.text.slice(at, at + 300));
		}
		// The whole-book index, pages, time left and the card, all from parts: the same as from the text.
		const full = new Layout(whole, 68, {justify: true, paragraphStyle: 'indented'});
		const layout = new Layout(later, 68, {justify: true, paragraphStyle: 'indented'});
		expect(layout.buildIndex(Infinity)).toBe(true);
		expect(full.buildIndex(Infinity)).toBe(true);
		expect(layout.totalRows()).toBe(full.totalRows());
		expect(layout.pageStarts(26)).toEqual(full.pageStarts(26));
		for (const offset of [0, whole.chapters[100]!.start, Math.floor(whole.text.length / 3), whole.text.length]) {
			const page = layout.page(offset, 26);
			const expected = full.page(offset, 26);
			expect(page.start).toBe(expected.start);
			expect(pageLines(layout, page.rows)).toEqual(pageLines(full, expected.rows));
		}
		const words = new WordIndex(later);
		const wholeWords = new WordIndex(whole);
		expect(words.build(Infinity) && wholeWords.build(Infinity)).toBe(true);
		expect(words.wordsBefore(whole.text.length)).toBe(wholeWords.wordsBefore(whole.text.length));
		expect(cardFields(later)).toEqual(cardFields(whole));
		// Taken from the word index once it is built: the same count.
		expect(cardFields(parted, words)).toEqual(cardFields(whole));
		// Read whole on demand (a search), and then the same text.
		expect(later.text).toBe(whole.text);
	});

	it('says in one line what to do when its entry is cut short while the book is open', () => {
		const text = 'Word and word. '.repeat(20_000);
		const long: Story = {key: 'k', title: 'T', text, blocks: [{kind: 'paragraph', start: 0, end: 150_000}, {kind: 'paragraph', start: 150_000, end: text.length}], chapters: [], meta: {}};
		const entry = path.join(folder(), 'entry.story');
		writeFileSync(entry, encodeEntry(long, '/books/x', STAMP, 'parser-1'));
		const story = peekEntry(entry, '/books/x', STAMP, 'parser-1')!.story()!;
		expect(textSlice(story, 0, 10)).toBe('Word and w');
		// Lectern replaces entries (a new file renamed over the old one); only a hand can cut one.
		truncateSync(entry, 200_000);
		expect(() => textSlice(story, 290_000, 290_010)).toThrow(LecternError);
		expect(() => textSlice(story, 290_000, 290_010)).toThrow(/entry\.story: this cached copy of \/books\/x was changed while the book was open\. Open the book again/);
	});

	it('lives in the platform cache folder', () => {
		expect(cacheDir({XDG_CACHE_HOME: '/x/cache'}, 'linux')).toBe(path.join('/x/cache', 'lectern'));
		expect(cacheDir({}, 'linux')).toMatch(/\.cache[\\/]lectern$/);
		expect(cacheDir({}, 'darwin')).toMatch(/Library[\\/]Caches[\\/]lectern$/);
	});
});
