/**
 * The only code that touches conf. Two stores in the platform's config folder under `lectern`:
 * `settings.json` and `library.json` (progress), kept apart so that a bad setting can never cost
 * a reading position. A store that cannot be parsed is moved aside to a dated backup, never
 * deleted, and the reader starts on defaults and says so once.
 */
import {renameSync} from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import envPaths from 'env-paths';
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
};

/** The reader's settings that persist between runs. */
export type Settings = {
	readonly width?: number;
};

/** What the app needs from storage; the UI tests pass an in-memory one. */
export interface Storage {
	progress(key: string): ProgressEntry | undefined;
	allProgress(): Readonly<Record<string, ProgressEntry>>;
	saveProgress(key: string, entry: ProgressEntry): void;
	lastRead(): string | undefined;
	settings(): Settings;
	saveSettings(settings: Settings): void;
	/** Messages to show once: a store that was moved aside, or one that cannot be written. */
	readonly notices: string[];
}

/** Version of the files' layout; migrations key off it. */
export const SCHEMA_VERSION = 1;

/** Opens the real stores; `cwd` (for tests) overrides the platform's config folder. */
export function openStorage(options: {cwd?: string; now?: () => Date} = {}): Storage {
	const notices: string[] = [];
	const note = (message: string) => {
		if (!notices.includes(message)) notices.push(message);
	};
	const library = openStore('library', options, note);
	const settings = openStore('settings', options, note);
	let writable = true;

	const write = (store: Conf<Record<string, unknown>> | undefined, apply: (data: Record<string, unknown>) => void) => {
		if (!store || !writable) return;
		try {
			// Re-read before writing so that another Lectern window's changes are merged, not lost.
			const data = {...store.store};
			apply(data);
			data['schemaVersion'] = SCHEMA_VERSION;
			store.store = data;
		} catch (error) {
			writable = false;
			note(cannotSave(error));
		}
	};

	return {
		notices,
		progress: (key) => validEntry(storiesOf(library)[key]),
		allProgress: () => {
			const result: Record<string, ProgressEntry> = {};
			for (const [key, value] of Object.entries(storiesOf(library))) {
				const entry = validEntry(value);
				if (entry) result[key] = entry;
			}
			return result;
		},
		saveProgress(key, entry) {
			write(library, (data) => {
				data['stories'] = {...(isRecord(data['stories']) ? data['stories'] : {}), [key]: entry};
				data['last'] = key;
			});
		},
		lastRead() {
			const last = library ? safeRead(library)['last'] : undefined;
			return typeof last === 'string' ? last : undefined;
		},
		settings() {
			const data = settings ? safeRead(settings) : {};
			const width = data['width'];
			return typeof width === 'number' && Number.isInteger(width) && width >= 20 && width <= 1000 ? {width} : {};
		},
		saveSettings(next) {
			write(settings, (data) => Object.assign(data, next));
		},
	};
}

function openStore(
	name: string,
	options: {cwd?: string; now?: () => Date},
	note: (message: string) => void,
): Conf<Record<string, unknown>> | undefined {
	const create = () =>
		new Conf<Record<string, unknown>>({
			projectName: 'lectern',
			projectSuffix: '',
			configName: name,
			accessPropertiesByDotNotation: false,
			deserialize: parseStoreFile,
			...(options.cwd ? {cwd: options.cwd} : {}),
		});
	let store: Conf<Record<string, unknown>>;
	try {
		store = create();
		void store.store;
		return store;
	} catch (error) {
		const file = storePath(name, options.cwd);
		const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
		const backup = file.replace(/\.json$/, `.corrupt-${stamp}.json`);
		try {
			renameSync(file, backup);
		} catch {
			note(cannotSave(error));
			return undefined;
		}
		note(`Your ${name} file could not be read; it was moved to ${backup} and defaults are used.`);
		try {
			return create();
		} catch {
			return undefined;
		}
	}
}

/** Nesting deeper than this is not something Lectern wrote: the file is treated as corrupt. */
const MAX_DEPTH = 32;

// Parses a store file, refusing anything but a plain object of modest depth: a hand-broken
// or hostile file must not crash the reader later (JSON.stringify of deep nesting overflows).
function parseStoreFile(text: string): Record<string, unknown> {
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

function storePath(name: string, cwd: string | undefined): string {
	// The folder conf itself picks (env-paths, no "-nodejs" suffix), so a broken file can be moved aside.
	return path.join(cwd ?? envPaths('lectern', {suffix: ''}).config, `${name}.json`);
}

function safeRead(store: Conf<Record<string, unknown>>): Record<string, unknown> {
	try {
		return store.store;
	} catch {
		return {};
	}
}

function storiesOf(store: Conf<Record<string, unknown>> | undefined): Record<string, unknown> {
	const stories = store ? safeRead(store)['stories'] : undefined;
	return isRecord(stories) ? stories : {};
}

function validEntry(value: unknown): ProgressEntry | undefined {
	if (!isRecord(value)) return undefined;
	const {offset, length, title, source, readAt} = value;
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
	};
}

function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function cannotSave(error: unknown): string {
	const reason = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message.split('\n')[0]!.slice(0, 60)) : String(error);
	return `Your place cannot be saved (${reason}); reading on without saving.`;
}

/** A storage that keeps everything in memory: for tests and for print mode. */
export function memoryStorage(initial: {stories?: Record<string, ProgressEntry>; last?: string; settings?: Settings} = {}): Storage {
	const stories: Record<string, ProgressEntry> = {...initial.stories};
	let last = initial.last;
	let settings: Settings = {...initial.settings};
	return {
		notices: [],
		progress: (key) => stories[key],
		allProgress: () => stories,
		saveProgress(key, entry) {
			stories[key] = entry;
			last = key;
		},
		lastRead: () => last,
		settings: () => settings,
		saveSettings(next) {
			settings = {...settings, ...next};
		},
	};
}
