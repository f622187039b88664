/**
 * One conf store on disk, opened so that nothing the user has can be lost: a file that cannot be
 * read is moved aside to a dated backup (never deleted), and every change is a locked
 * read-modify-write, so two Lectern windows never overwrite each other's changes.
 */
import {accessSync, constants, existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import {isRecord, parseStoreFile, storePath} from './store-file.js';

import type {Data} from './store-file.js';

export type {Data} from './store-file.js';

/** A store that can be read, and changed under a lock. */
export type Store = {
	readonly path: string;
	/** The file's current content, read fresh (another window may have written it). */
	read(): Data;
	/** Re-reads, applies `change`, writes atomically, all under a lock. Throws when it cannot. */
	update(change: (data: Data) => void): void;
};

/** Opens `NAME.json`; on an unreadable file, moves it aside and reports that through `note`. */
export function openStore(name: string, options: {cwd?: string; now?: () => Date}, note: (message: string) => void): Store | undefined {
	const create = () =>
		new Conf<Data>({
			projectName: 'lectern',
			projectSuffix: '',
			configName: name,
			accessPropertiesByDotNotation: false,
			deserialize: parseStoreFile,
			...(options.cwd ? {cwd: options.cwd} : {}),
		});
	let conf: Conf<Data>;
	try {
		conf = create();
		void conf.store;
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
			conf = create();
		} catch (again) {
			note(cannotSave(again));
			return undefined;
		}
	}
	// conf retries a failed atomic write for about a second of busy CPU before giving up: find
	// out now, once, instead of freezing the reader on its first save.
	const writable = canWrite(conf.path);
	if (!writable) note(cannotSave(Object.assign(new Error('read-only'), {code: 'EACCES'})));
	return {
		path: conf.path,
		read: () => {
			try {
				return conf.store;
			} catch {
				return {};
			}
		},
		update(change) {
			if (!writable) throw Object.assign(new Error('read-only'), {code: 'EACCES'});
			withLock(`${conf.path}.lock`, () => {
				const data = {...conf.store};
				change(data);
				conf.store = data;
			});
		},
	};
}

/** The one-line notice for a store that cannot be written. */
export function cannotSave(error: unknown): string {
	const reason = error instanceof Error ? ((error as NodeJS.ErrnoException).code ?? error.message.split('\n')[0]!.slice(0, 60)) : String(error);
	return `Your place cannot be saved (${reason}); reading on without saving.`;
}

const LOCK_WAIT_MS = 2000;
const LOCK_STALE_MS = 10_000;
const pause = new Int32Array(new SharedArrayBuffer(4));

// A lock directory: mkdir is atomic on every file system. It holds the owner's pid, so a lock
// left by a killed process (kill -9) is seen as stale at once; one without a readable owner goes
// stale after a few seconds. Writes are a few milliseconds, so waiting briefly is enough.
function withLock(lock: string, action: () => void): void {
	const deadline = Date.now() + LOCK_WAIT_MS;
	for (;;) {
		try {
			mkdirSync(lock);
			writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			if (isStale(lock)) {
				rmSync(lock, {recursive: true, force: true});
				continue;
			}
			if (Date.now() > deadline) throw new Error('another Lectern window holds the lock');
			Atomics.wait(pause, 0, 0, 5);
		}
	}
	try {
		action();
	} finally {
		rmSync(lock, {recursive: true, force: true});
	}
}

function canWrite(file: string): boolean {
	try {
		accessSync(path.dirname(file), constants.W_OK);
		if (existsSync(file)) accessSync(file, constants.W_OK);
		return true;
	} catch {
		return false;
	}
}

function isStale(lock: string): boolean {
	try {
		const owner = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
		if (owner > 0 && !isAlive(owner)) return true;
	} catch {
		// No pid yet: the owner may be between mkdir and writing it; only age tells.
	}
	try {
		return Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS;
	} catch {
		return false;
	}
}

function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}
