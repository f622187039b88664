import {Deflate, strToU8, unzipSync, zipSync} from 'fflate';
import {describe, expect, it} from 'vitest';
import {LecternError} from '../io/errors.js';
import {parseFile} from './index.js';
import {corpusFile} from './testkit.js';
import {ZipArchive, ZipError} from './zip.js';

describe('ZipArchive', () => {
	const archive = new ZipArchive(zipSync({'OPS/Chapter One.xhtml': strToU8('<p>deflated</p>'.repeat(100)), 'stored.txt': [strToU8('kept as is'), {level: 0}]}));

	it('lists entries and reads stored and deflated ones', () => {
		expect(archive.names).toEqual(['OPS/Chapter One.xhtml', 'stored.txt']);
		expect(new TextDecoder().decode(archive.read('stored.txt'))).toBe('kept as is');
		expect(archive.read('OPS/Chapter One.xhtml')).toHaveLength(1500);
	});

	it('finds an entry whose name differs only in case, as some books need', () => {
		expect(archive.resolve('ops/chapter one.XHTML')).toBe('OPS/Chapter One.xhtml');
		expect(archive.has('nothing.xhtml')).toBe(false);
		expect(() => archive.read('nothing.xhtml')).toThrow(ZipError);
	});

	it('lets an entry expand past the ratio only while it stays small', () => {
		const zeros = (size: number) => zipSync({'z.xhtml': new Uint8Array(size)});
		const limits = {totalBytes: 1e9, entries: 10, ratio: 100, ratioAfter: 1024 * 1024};
		expect(new ZipArchive(zeros(1024 * 1024), limits).read('z.xhtml')).toHaveLength(1024 * 1024);
		expect(() => new ZipArchive(zeros(4 * 1024 * 1024), limits).read('z.xhtml')).toThrow(/expands more than 100 times: a zip bomb/);
		// Noise does not compress, so only the total budget can stop it.
		let seed = 1;
		const noise = Uint8Array.from({length: 3 * 1024 * 1024}, () => (seed = (seed * 1_103_515_245 + 12_345) >>> 0) >>> 24);
		expect(() => new ZipArchive(zipSync({'n.xhtml': noise}), {...limits, totalBytes: 2 * 1024 * 1024}).read('n.xhtml')).toThrow(/unpacks to more than 2 MB/);
	});

	it('reports a damaged entry as damaged, not as a crash', () => {
		const bytes = zipSync({'a.xhtml': strToU8('<p>hello hello hello hello</p>'.repeat(50))});
		const view = new DataView(bytes.buffer);
		// The first byte of the deflate stream: a final block of the reserved type 3.
		bytes[30 + view.getUint16(26, true) + view.getUint16(28, true)] = 0xff;
		expect(() => new ZipArchive(bytes).read('a.xhtml')).toThrow(/"a\.xhtml" is damaged/);
	});
});

const moby = corpusFile('epub/moby-dick.epub');
const mobyFiles = moby ? unzipSync(moby) : {};
const read = (bytes: Uint8Array, name = 'variant.epub') => parseFile(bytes, name);
const withFile = (name: string, data: Uint8Array) => zipSync({...mobyFiles, [name]: data}, {level: 0});

describe.skipIf(!moby)('a hostile or broken zip', () => {
	it('refuses a truncated zip or a file that is not a zip with a one-line error', () => {
		expect(() => read(moby!.subarray(0, Math.floor(moby!.length * 0.6)))).toThrow(/variant\.epub: is not a valid EPUB \(no zip directory/);
		expect(() => read(strToU8('just some text, not a zip'))).toThrow(/variant\.epub: is not a valid EPUB/);
		expect(() => read(moby!.subarray(0, 3))).toThrow(LecternError);
	});

	it('refuses entry names that climb out of the book', () => {
		const bytes = withFile('../../evil.xhtml', strToU8('<p>x</p>'));
		expect(() => read(bytes)).toThrow(/variant\.epub: Lectern will not open this EPUB \(the entry "\.\.\/\.\.\/evil\.xhtml" points outside the book\)\./);
	});

	it('refuses a zip bomb (300 MB of zeros in one entry) instead of inflating it', () => {
		expect(() => read(mobyWithBomb(300))).toThrow(/variant\.epub: Lectern will not open this EPUB \("OPS\/chapter_001\.xhtml" expands more than 100 times: a zip bomb\)\./);
	});

	it('refuses an archive over the size or entry-count limit', () => {
		expect(() => parseFile(moby!, 'big.epub', {limits: {totalBytes: 200_000}})).toThrow(/big\.epub: Lectern will not open this EPUB \(it unpacks to more than/);
		expect(() => parseFile(moby!, 'many.epub', {limits: {entries: 50}})).toThrow(/many\.epub: Lectern will not open this EPUB \(more than 50 files inside\)/);
	});
});

// `megabytes` MB of zeros as one deflate stream, built from one sync-flushed 1 MB block repeated:
// deflating 300 MB for real takes seconds.
function zerosDeflated(megabytes: number): Uint8Array {
	const out: Uint8Array[] = [];
	const deflate = new Deflate({level: 1}, (chunk) => out.push(chunk));
	const mb = new Uint8Array(1024 * 1024);
	deflate.push(mb);
	deflate.flush(true);
	const first = concat(out.splice(0));
	deflate.push(mb);
	deflate.flush(true);
	const block = concat(out.splice(0));
	deflate.push(new Uint8Array(0), true);
	return concat([first, ...Array.from({length: megabytes - 1}, () => block), ...out]);
}

type RawEntry = {readonly name: string; readonly data: Uint8Array; readonly method: 0 | 8; readonly size: number};

// A zip written by hand, so that an entry can be stored already deflated and claim any size.
// CRCs are left at zero: Lectern does not check them.
function zipRaw(entries: readonly RawEntry[]): Uint8Array {
	const parts: Uint8Array[] = [];
	const directory: Uint8Array[] = [];
	let offset = 0;
	for (const {name, data, method, size} of entries) {
		const nameBytes = strToU8(name);
		const header = (signature: number, length: number) => {
			const view = new DataView(new ArrayBuffer(length));
			view.setUint32(0, signature, true);
			return view;
		};
		const local = header(0x04034b50, 30);
		local.setUint16(4, 20, true);
		local.setUint16(8, method, true);
		local.setUint32(18, data.length, true);
		local.setUint32(22, size, true);
		local.setUint16(26, nameBytes.length, true);
		const central = header(0x02014b50, 46);
		central.setUint16(6, 20, true);
		central.setUint16(10, method, true);
		central.setUint32(20, data.length, true);
		central.setUint32(24, size, true);
		central.setUint16(28, nameBytes.length, true);
		central.setUint32(42, offset, true);
		parts.push(new Uint8Array(local.buffer), nameBytes, data);
		directory.push(new Uint8Array(central.buffer), nameBytes);
		offset += 30 + nameBytes.length + data.length;
	}
	const directorySize = directory.reduce((sum, part) => sum + part.length, 0);
	const end = new DataView(new ArrayBuffer(22));
	end.setUint32(0, 0x06054b50, true);
	end.setUint16(8, entries.length, true);
	end.setUint16(10, entries.length, true);
	end.setUint32(12, directorySize, true);
	end.setUint32(16, offset, true);
	return concat([...parts, ...directory, new Uint8Array(end.buffer)]);
}

// Moby-Dick with one chapter replaced by `megabytes` MB of deflated zeros.
function mobyWithBomb(megabytes: number): Uint8Array {
	const entries: RawEntry[] = Object.entries(mobyFiles).map(([name, data]) =>
		name === 'OPS/chapter_001.xhtml' ? {name, data: zerosDeflated(megabytes), method: 8, size: megabytes * 1024 * 1024} : {name, data, method: 0, size: data.length},
	);
	return zipRaw(entries);
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
	let at = 0;
	for (const part of parts) {
		out.set(part, at);
		at += part.length;
	}
	return out;
}
