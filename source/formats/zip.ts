/**
 * A read-only zip archive for EPUBs, with the limits that keep a hostile file from hanging or
 * exhausting the reader. Entries are listed from the central directory and inflated only when
 * asked for, one by one. The sizes written in zip headers are never trusted: each entry is
 * inflated with a ceiling on its output (what is left of the total budget, and at most `ratio`
 * times its compressed size), and inflating stops as soon as the ceiling is reached.
 *
 * Inflating uses Node's zlib rather than fflate: it is native, so a book opens without waiting for
 * the JIT (fflate needed about 230 ms to inflate Moby-Dick's chapters in a fresh process, zlib a
 * few), and its `maxOutputLength` enforces the ceiling inside the inflater.
 */
import {inflateRawSync} from 'node:zlib';

/** How much an archive may hold before Lectern refuses it. */
export type ZipLimits = {
	/** Uncompressed bytes read from all entries together. */
	readonly totalBytes: number;
	/** Entries in the central directory. */
	readonly entries: number;
	/** Output/input ratio an entry may reach once it is larger than `ratioAfter` bytes. */
	readonly ratio: number;
	readonly ratioAfter: number;
};

/** Generous for real books (the largest corpus EPUB inflates to 2.4 MB), tight for bombs. */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {totalBytes: 256 * 1024 * 1024, entries: 10_000, ratio: 100, ratioAfter: 1024 * 1024};

/** Why an archive could not be read; `reason` completes "is not a valid EPUB (...)". */
export class ZipError extends Error {
	override readonly name = 'ZipError';
	/** True when the archive breaks a limit (a bomb), rather than being damaged. */
	readonly limit: boolean;

	constructor(message: string, limit = false) {
		super(message);
		this.limit = limit;
	}
}

type Entry = {readonly name: string; readonly method: number; readonly flags: number; readonly compressedSize: number; readonly offset: number};

/** The entries of a zip archive, inflated on demand within `limits`. */
export class ZipArchive {
	private readonly entries = new Map<string, Entry>();
	private readonly folded = new Map<string, string>();
	private inflated = 0;

	constructor(
		private readonly bytes: Uint8Array,
		private readonly limits: ZipLimits = DEFAULT_ZIP_LIMITS,
	) {
		const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
		const end = findEndOfDirectory(bytes, view);
		const count = view.getUint16(end + 10, true);
		let at = view.getUint32(end + 16, true);
		if (count === 0xffff || at === 0xffffffff) throw new ZipError('zip64 archives are not supported');
		if (count > limits.entries) throw new ZipError(`more than ${limits.entries} files inside`, true);
		const names = new TextDecoder('utf-8');
		for (let i = 0; i < count; i++) {
			if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new ZipError('its file list is damaged');
			const nameLength = view.getUint16(at + 28, true);
			const extraLength = view.getUint16(at + 30, true);
			const commentLength = view.getUint16(at + 32, true);
			if (at + 46 + nameLength > bytes.length) throw new ZipError('its file list is damaged');
			const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength)).replaceAll('\\', '/');
			if (name.startsWith('/') || /^[a-z]:/i.test(name) || name.split('/').includes('..')) {
				throw new ZipError(`the entry "${name.slice(0, 80)}" points outside the book`, true);
			}
			const entry = {
				name,
				flags: view.getUint16(at + 8, true),
				method: view.getUint16(at + 10, true),
				compressedSize: view.getUint32(at + 20, true),
				offset: view.getUint32(at + 42, true),
			};
			this.entries.set(name, entry);
			if (!this.folded.has(name.toLowerCase())) this.folded.set(name.toLowerCase(), name);
			at += 46 + nameLength + extraLength + commentLength;
		}
	}

	/** The entry names, in directory order. */
	get names(): string[] {
		return [...this.entries.keys()];
	}

	/** The stored name for `name`, matched exactly or, as some books need, ignoring case. */
	resolve(name: string): string | undefined {
		return this.entries.has(name) ? name : this.folded.get(name.toLowerCase());
	}

	/** True when the archive holds `name` (ignoring case). */
	has(name: string): boolean {
		return this.resolve(name) !== undefined;
	}

	/** The uncompressed bytes of `name`; throws ZipError when damaged or over a limit. */
	read(name: string): Uint8Array {
		const stored = this.resolve(name);
		const entry = stored === undefined ? undefined : this.entries.get(stored);
		if (!entry) throw new ZipError(`"${name}" is missing`);
		if (entry.flags & 1) throw new ZipError(`"${name}" is encrypted`);
		const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
		if (entry.offset + 30 > this.bytes.length || view.getUint32(entry.offset, true) !== 0x04034b50) throw new ZipError(`"${name}" is damaged`);
		const start = entry.offset + 30 + view.getUint16(entry.offset + 26, true) + view.getUint16(entry.offset + 28, true);
		// The declared size may lie; the data can only run to the end of the file.
		const data = this.bytes.subarray(start, Math.min(this.bytes.length, start + entry.compressedSize));
		if (entry.method === 0) return this.count(data.slice());
		if (entry.method !== 8) throw new ZipError(`"${name}" uses an unsupported compression method (${entry.method})`);
		return this.inflate(name, data);
	}

	private inflate(name: string, data: Uint8Array): Uint8Array {
		const budget = this.limits.totalBytes - this.inflated;
		const ratioCap = Math.max(this.limits.ratioAfter, data.length * this.limits.ratio);
		let out: Uint8Array;
		try {
			out = inflateRawSync(data, {maxOutputLength: Math.max(1, Math.min(budget, ratioCap))});
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') {
				throw new ZipError(`"${name}" is ${(error as NodeJS.ErrnoException).code === 'Z_BUF_ERROR' ? 'cut short' : 'damaged'}`);
			}
			if (budget <= ratioCap) throw this.tooBig();
			throw new ZipError(`"${name}" expands more than ${this.limits.ratio} times: a zip bomb`, true);
		}
		this.inflated += out.length;
		return out;
	}

	private count(data: Uint8Array): Uint8Array {
		this.inflated += data.length;
		if (this.inflated > this.limits.totalBytes) throw this.tooBig();
		return data;
	}

	private tooBig(): ZipError {
		return new ZipError(`it unpacks to more than ${Math.round(this.limits.totalBytes / 1048576)} MB`, true);
	}
}

// The end-of-central-directory record sits in the last 64 KB + 22 bytes, after any comment.
function findEndOfDirectory(bytes: Uint8Array, view: DataView): number {
	const lowest = Math.max(0, bytes.length - 65_557);
	for (let at = bytes.length - 22; at >= lowest; at--) {
		if (view.getUint32(at, true) === 0x06054b50) return at;
	}
	throw new ZipError(bytes.length < 22 ? 'the file is too short to be a zip archive' : 'no zip directory: the file may be cut short');
}
