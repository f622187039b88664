/**
 * The only code that touches conf (through conf-store.ts). Two stores in the platform's config
 * folder under `lectern`: `library.json` (each story's place and bookmarks, and the story read
 * last) and `settings.json`, kept apart so that a bad setting can never cost a bookmark.
 */
import path from 'node:path';
import {type Bookmark, inReadingOrder} from '../core/bookmarks.js';
import {type ReaderSettings, checkSettings} from '../core/settings.js';
import {type Data, type Store, cannotSave, openStore} from './conf-store.js';
import {SCHEMA_VERSION, isRecord, validRecord} from './store-file.js';
import type {StorySource} from './stories.js';

/** Where the reader was in one story. */
export type ProgressEntry = {
	readonly offset: number;
	/** Length of the story's text when saved: lets the library show progress without loading it. */
	readonly length: number;
	readonly title: string;
	readonly source: StorySource;
	/** Milliseconds since the epoch. */
	readonly readAt: number;
	/** Author or fandom, for the library. */
	readonly byline?: string;
};

/** Everything kept about one story. */
export type StoryRecord = ProgressEntry & {readonly bookmarks: readonly Bookmark[]};

/** What a new record needs to know about its story. */
export type StoryInfo = Pick<ProgressEntry, 'title' | 'source' | 'length'> & {readonly byline?: string};

/** The reader's settings that persist between runs (each one may be missing). */
export type Settings = Partial<ReaderSettings>;

/** The JSON that `--export` writes and `--import` reads. */
export type ExportFile = {readonly lectern: 'export'; readonly schemaVersion: number; readonly stories: Readonly<Record<string, StoryRecord>>};

/** What an import did. */
export type ImportReport = {readonly stories: number; readonly added: number; readonly skipped: number};

/** What the app needs from storage; the UI tests pass an in-memory one. */
export interface Storage {
	progress(key: string): ProgressEntry | undefined;
	allProgress(): Readonly<Record<string, StoryRecord>>;
	saveProgress(key: string, entry: ProgressEntry): void;
	lastRead(): string | undefined;
	/** A story's bookmarks, in reading order. */
	bookmarks(key: string): Bookmark[];
	/** Applies `change` to the story's bookmarks as they are on disk now (another window's included). */
	changeBookmarks(key: string, info: StoryInfo, change: (bookmarks: readonly Bookmark[]) => readonly Bookmark[]): void;
	/** Moves a story's record to a new key (its file's content changed), rebasing its bookmarks. */
	rekey(from: string, to: string, rebase: (record: StoryRecord) => StoryRecord): void;
	/** Removes a story from the library (never the file). */
	forget(key: string): void;
	settings(): Settings;
	saveSettings(settings: Settings): void;
	exportData(): ExportFile;
	/** Merges an export in: adds what is new, never overwrites what is there. */
	importData(file: ExportFile): ImportReport;
	/** Messages to show once: a store that was moved aside, or one that cannot be written. */
	readonly notices: string[];
}

export {SCHEMA_VERSION} from './store-file.js';

// Each migration turns a file of the version before into its version. Version 0 is a file
// written before versions existed (or by hand).
const MIGRATIONS: Record<number, (data: Data) => Data> = {
	1: (data) => data,
};

/** Brings a store's data up to `SCHEMA_VERSION`; returns undefined for a file from a newer Lectern. */
export function migrate(data: Data): Data | undefined {
	let version = typeof data['schemaVersion'] === 'number' ? data['schemaVersion'] : 0;
	if (version > SCHEMA_VERSION) return undefined;
	let migrated = data;
	while (version < SCHEMA_VERSION) {
		version++;
		migrated = {...MIGRATIONS[version]!(migrated), schemaVersion: version};
	}
	return migrated;
}

/** Opens the real stores; `cwd` (for tests) overrides the platform's config folder. */
export function openStorage(options: {cwd?: string; now?: () => Date} = {}): Storage {
	const notices: string[] = [];
	const note = (message: string) => {
		if (!notices.includes(message)) notices.push(message);
	};
	const library = openStore('library', options, note);
	const settings = openStore('settings', options, note);
	let writable = true;

	const read = (store: Store | undefined): Data => (store ? (migrate(store.read()) ?? store.read()) : {});
	const write = (store: Store | undefined, change: (data: Data) => void) => {
		if (!store || !writable) return;
		try {
			store.update((data) => {
				const current = migrate(data);
				if (!current) throw new Error(`${path.basename(store.path)} is from a newer Lectern`);
				Object.assign(data, current);
				change(data);
				data['schemaVersion'] = SCHEMA_VERSION;
			});
		} catch (error) {
			writable = false;
			note(cannotSave(error));
		}
	};
	const records = (): Record<string, StoryRecord> => {
		const stories = read(library)['stories'];
		const result: Record<string, StoryRecord> = {};
		if (!isRecord(stories)) return result;
		for (const [key, value] of Object.entries(stories)) {
			const record = validRecord(value);
			if (record) result[key] = record;
		}
		return result;
	};
	const changeStories = (change: (stories: Record<string, unknown>) => void) =>
		write(library, (data) => {
			const stories = isRecord(data['stories']) ? {...data['stories']} : {};
			change(stories);
			data['stories'] = stories;
		});

	return {
		notices,
		progress: (key) => records()[key],
		allProgress: records,
		saveProgress(key, entry) {
			write(library, (data) => {
				const stories = isRecord(data['stories']) ? {...data['stories']} : {};
				stories[key] = {...entry, bookmarks: validRecord(stories[key])?.bookmarks ?? []};
				data['stories'] = stories;
				data['last'] = key;
			});
		},
		lastRead() {
			const last = read(library)['last'];
			return typeof last === 'string' ? last : undefined;
		},
		bookmarks: (key) => inReadingOrder(records()[key]?.bookmarks ?? []),
		changeBookmarks(key, info, change) {
			changeStories((stories) => {
				const record = validRecord(stories[key]) ?? {offset: 0, readAt: 0, ...info, bookmarks: []};
				stories[key] = {...record, bookmarks: inReadingOrder(change(record.bookmarks))};
			});
		},
		rekey(from, to, rebase) {
			changeStories((stories) => {
				const record = validRecord(stories[from]);
				if (!record) return;
				stories[to] = rebase(record);
				delete stories[from];
			});
			write(library, (data) => {
				if (data['last'] === from) data['last'] = to;
			});
		},
		forget(key) {
			changeStories((stories) => {
				delete stories[key];
			});
		},
		settings: () => checkSettings(read(settings)),
		saveSettings(next) {
			write(settings, (data) => Object.assign(data, next));
		},
		exportData: () => ({lectern: 'export', schemaVersion: SCHEMA_VERSION, stories: records()}),
		importData(file) {
			let report: ImportReport = {stories: 0, added: 0, skipped: 0};
			changeStories((stories) => {
				const current: Record<string, StoryRecord> = {};
				for (const [key, value] of Object.entries(stories)) {
					const record = validRecord(value);
					if (record) current[key] = record;
				}
				const merged = mergeExport(current, file);
				Object.assign(stories, merged.stories);
				report = merged.report;
			});
			return report;
		},
	};
}

/** Merges an export into `stories`: new stories and new bookmarks are added, nothing is overwritten. */
export function mergeExport(stories: Readonly<Record<string, StoryRecord>>, file: ExportFile): {stories: Record<string, StoryRecord>; report: ImportReport} {
	const result = {...stories};
	let added = 0;
	let skipped = 0;
	for (const [key, record] of Object.entries(file.stories)) {
		const existing = result[key];
		if (!existing) {
			result[key] = record;
			added += record.bookmarks.length;
			continue;
		}
		const known = existing.bookmarks;
		const fresh = record.bookmarks.filter((b) => !known.some((k) => k.id === b.id || (k.offset === b.offset && k.name === b.name)));
		skipped += record.bookmarks.length - fresh.length;
		added += fresh.length;
		result[key] = {...existing, bookmarks: inReadingOrder([...known, ...fresh])};
	}
	return {stories: result, report: {stories: Object.keys(file.stories).length, added, skipped}};
}

/** Checks an import file's shape; returns a one-line reason when it is not a Lectern export. */
export function validateExport(value: unknown): ExportFile | string {
	if (!isRecord(value) || value['lectern'] !== 'export') return 'not a Lectern export (no "lectern": "export")';
	if (typeof value['schemaVersion'] !== 'number' || value['schemaVersion'] > SCHEMA_VERSION) return 'written by a newer Lectern';
	if (!isRecord(value['stories'])) return 'no "stories" object';
	const stories: Record<string, StoryRecord> = {};
	for (const [key, record] of Object.entries(value['stories'])) {
		const valid = validRecord(record);
		if (!valid) return `story "${key.slice(0, 40)}" is malformed`;
		stories[key] = valid;
	}
	return {lectern: 'export', schemaVersion: SCHEMA_VERSION, stories};
}

/** A storage that keeps everything in memory: for tests and for print mode. */
export function memoryStorage(initial: {stories?: Record<string, StoryRecord>; last?: string; settings?: Settings} = {}): Storage {
	const stories: Record<string, StoryRecord> = {...initial.stories};
	let last = initial.last;
	let settings: Settings = {...initial.settings};
	return {
		notices: [],
		progress: (key) => stories[key],
		allProgress: () => stories,
		saveProgress(key, entry) {
			stories[key] = {...entry, bookmarks: stories[key]?.bookmarks ?? []};
			last = key;
		},
		lastRead: () => last,
		bookmarks: (key) => inReadingOrder(stories[key]?.bookmarks ?? []),
		changeBookmarks(key, info, change) {
			const record = stories[key] ?? {offset: 0, readAt: 0, ...info, bookmarks: []};
			stories[key] = {...record, bookmarks: inReadingOrder(change(record.bookmarks))};
		},
		rekey(from, to, rebase) {
			const record = stories[from];
			if (!record) return;
			stories[to] = rebase(record);
			delete stories[from];
			if (last === from) last = to;
		},
		forget(key) {
			delete stories[key];
		},
		settings: () => settings,
		saveSettings(next) {
			settings = {...settings, ...next};
		},
		exportData: () => ({lectern: 'export', schemaVersion: SCHEMA_VERSION, stories: {...stories}}),
		importData(file) {
			const merged = mergeExport(stories, file);
			Object.assign(stories, merged.stories);
			return merged.report;
		},
	};
}
