/**
 * Reading Lectern's store files without conf: the checks every read goes through (a plain object,
 * not nested too deeply; records and bookmarks of the right shapes), and where the files are.
 * conf-store.ts writes through conf with these; the quick first page (start.ts) only reads, before
 * conf is loaded.
 */
import path from 'node:path';
import envPaths from 'env-paths';
import type {Bookmark} from '../core/bookmarks.js';
import type {StoryRecord} from './storage.js';
import type {StorySource} from './stories.js';

/** Version of the files' layout. */
export const SCHEMA_VERSION = 1;

/** A JSON object as stored. */
export type Data = Record<string, unknown>;

/** Nesting deeper than this is not something Lectern wrote: the file is treated as corrupt. */
const MAX_DEPTH = 32;

// Parses a store file, refusing anything but a plain object of modest depth: a hand-broken
// or hostile file must not crash the reader later (JSON.stringify of deep nesting overflows).
export function parseStoreFile(text: string): Data {
	let depth = 0;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (inString) {
			if (c === 0x5c) i++;
			else if (c === 0x22) inString = false;
		} else if (c === 0x22) inString = true;
		else if (c === 0x7b || c === 0x5b) {
			if (++depth > MAX_DEPTH) throw new SyntaxError('nested too deeply');
		} else if (c === 0x7d || c === 0x5d) depth--;
	}
	const value: unknown = JSON.parse(text);
	if (!isRecord(value)) throw new SyntaxError('not a JSON object');
	return value;
}

/** Where conf keeps `NAME.json` (or in `cwd`, for tests). */
export function storePath(name: string, cwd: string | undefined): string {
	// The folder conf itself picks (env-paths, no "-nodejs" suffix), so a broken file can be moved aside.
	return path.join(cwd ?? envPaths('lectern', {suffix: ''}).config, `${name}.json`);
}

/** A story record as read from disk, or undefined when it is not one. */
export function validRecord(value: unknown): StoryRecord | undefined {
	if (!isRecord(value)) return undefined;
	const {offset, length, title, source, readAt, bookmarks, byline} = value;
	if (typeof offset !== 'number' || !Number.isFinite(offset) || offset < 0) return undefined;
	if (!isRecord(source)) return undefined;
	const validSource =
		(source['kind'] === 'bundled' && typeof source['id'] === 'string') || (source['kind'] === 'file' && typeof source['path'] === 'string');
	if (!validSource) return undefined;
	return {
		offset: Math.floor(offset),
		length: typeof length === 'number' && length > 0 ? length : 0,
		title: typeof title === 'string' ? title : '',
		source: source as StorySource,
		readAt: typeof readAt === 'number' ? readAt : 0,
		...(typeof byline === 'string' ? {byline} : {}),
		bookmarks: Array.isArray(bookmarks) ? bookmarks.flatMap((b) => validBookmark(b) ?? []) : [],
	};
}

function validBookmark(value: unknown): Bookmark | undefined {
	if (!isRecord(value)) return undefined;
	const {id, name, offset, snippet, createdAt, approximate} = value;
	if (typeof id !== 'string' || typeof name !== 'string' || typeof offset !== 'number' || !Number.isFinite(offset) || offset < 0) return undefined;
	return {
		id,
		name,
		offset: Math.floor(offset),
		snippet: typeof snippet === 'string' ? snippet : '',
		createdAt: typeof createdAt === 'number' ? createdAt : 0,
		...(approximate === true ? {approximate} : {}),
	};
}

/** True for a plain JSON object. */
export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
