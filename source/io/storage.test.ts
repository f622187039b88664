import {chmodSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {type ProgressEntry, openStorage, validateExport} from './storage.js';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'lectern-storage-'));
});
afterEach(() => {
	chmodSync(dir, 0o700);
	rmSync(dir, {recursive: true, force: true});
});

const entry = (offset: number, title = 'A story'): ProgressEntry => ({
	offset,
	length: 1000,
	title,
	source: {kind: 'bundled', id: 'a'},
	readAt: 1,
});

describe('openStorage', () => {
	it('saves progress and the story read last, and reads them back in a new process-like instance', () => {
		openStorage({cwd: dir}).saveProgress('story-a', entry(42));
		const again = openStorage({cwd: dir});
		expect(again.progress('story-a')).toMatchObject(entry(42));
		expect(again.lastRead()).toBe('story-a');
		expect(JSON.parse(readFileSync(path.join(dir, 'library.json'), 'utf8')).schemaVersion).toBe(1);
	});

	it('keeps progress and settings in separate files', () => {
		const storage = openStorage({cwd: dir});
		storage.saveProgress('story-a', entry(1));
		storage.saveSettings({width: 60});
		expect(readdirSync(dir).sort()).toEqual(['library.json', 'settings.json']);
		expect(openStorage({cwd: dir}).settings()).toEqual({width: 60});
	});

	it('merges what another window saved instead of overwriting it', () => {
		const first = openStorage({cwd: dir});
		const second = openStorage({cwd: dir});
		first.saveProgress('story-a', entry(1));
		second.saveProgress('story-b', entry(2, 'B'));
		expect(Object.keys(openStorage({cwd: dir}).allProgress()).sort()).toEqual(['story-a', 'story-b']);
	});

	it('moves a corrupt file to a dated backup, starts on defaults and says so once', () => {
		writeFileSync(path.join(dir, 'library.json'), '{"stories": {"x": ');
		const storage = openStorage({cwd: dir, now: () => new Date('2026-11-25T10:00:00Z')});
		expect(storage.lastRead()).toBeUndefined();
		expect(storage.notices).toHaveLength(1);
		expect(storage.notices[0]).toContain('library.corrupt-2026-11-25T10-00-00-000Z.json');
		expect(readFileSync(path.join(dir, 'library.corrupt-2026-11-25T10-00-00-000Z.json'), 'utf8')).toBe('{"stories": {"x": ');
		storage.saveProgress('story-a', entry(5));
		expect(openStorage({cwd: dir}).progress('story-a')?.offset).toBe(5);
	});

	it.each([
		['deeply nested arrays', '['.repeat(200_000) + ']'.repeat(200_000)],
		['deeply nested objects', '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000)],
		['a top-level array', '[1, 2]'],
		['a top-level string', '"width"'],
	])('moves aside a settings file holding %s and starts on defaults', (_, content) => {
		writeFileSync(path.join(dir, 'settings.json'), content);
		const storage = openStorage({cwd: dir});
		expect(storage.settings()).toEqual({});
		storage.saveSettings({width: 50});
		expect(openStorage({cwd: dir}).settings()).toEqual({width: 50});
		expect(storage.notices.join(' ')).toMatch(/settings file could not be read; it was moved to .*settings\.corrupt-/);
	});

	it('ignores hand-edited values of the wrong type instead of failing', () => {
		writeFileSync(path.join(dir, 'library.json'), JSON.stringify({stories: {a: {offset: 'x'}, b: entry(3)}, last: 7}));
		writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({width: 'wide'}));
		const storage = openStorage({cwd: dir});
		expect(storage.progress('a')).toBeUndefined();
		expect(storage.progress('b')?.offset).toBe(3);
		expect(storage.lastRead()).toBeUndefined();
		expect(storage.settings()).toEqual({});
	});

	it('keeps reading when the folder cannot be written, and says once that progress is not saved', () => {
		openStorage({cwd: dir}).saveProgress('story-a', entry(9));
		chmodSync(dir, 0o500);
		chmodSync(path.join(dir, 'library.json'), 0o400);
		const storage = openStorage({cwd: dir});
		if (process.getuid?.() === 0) {
			// Root writes through permission bits; the fallback is covered by the unwritable path below.
			expect(storage.progress('story-a')?.offset).toBe(9);
			return;
		}
		storage.saveProgress('story-a', entry(10));
		storage.saveProgress('story-a', entry(11));
		expect(storage.notices).toHaveLength(1);
		expect(storage.progress('story-a')?.offset).toBe(9);
	});

	it('says once that nothing can be saved when the config path is not a folder', () => {
		const file = path.join(dir, 'not-a-folder');
		writeFileSync(file, 'x');
		const storage = openStorage({cwd: file});
		storage.saveProgress('story-a', entry(1));
		storage.saveProgress('story-a', entry(2));
		expect(storage.notices).toHaveLength(1);
		expect(storage.progress('story-a')).toBeUndefined();
	});
});

const info = {title: 'A story', source: {kind: 'bundled', id: 'a'} as const, length: 1000};
const mark = (id: string, offset: number, name = id) => ({id, name, offset, snippet: `text at ${offset}`, createdAt: offset});

describe('bookmarks', () => {
	it('adds, renames and deletes bookmarks, kept in reading order', () => {
		const storage = openStorage({cwd: dir});
		storage.changeBookmarks('story-a', info, (list) => [...list, mark('b', 50)]);
		storage.changeBookmarks('story-a', info, (list) => [...list, mark('a', 10)]);
		storage.changeBookmarks('story-a', info, (list) => list.map((b) => (b.id === 'b' ? {...b, name: 'Renamed'} : b)));
		expect(openStorage({cwd: dir}).bookmarks('story-a').map((b) => [b.id, b.name])).toEqual([
			['a', 'a'],
			['b', 'Renamed'],
		]);
		storage.changeBookmarks('story-a', info, (list) => list.filter((b) => b.id !== 'a'));
		expect(openStorage({cwd: dir}).bookmarks('story-a').map((b) => b.id)).toEqual(['b']);
	});

	it('never loses a bookmark another window added in between', () => {
		const first = openStorage({cwd: dir});
		const second = openStorage({cwd: dir});
		first.changeBookmarks('story-a', info, (list) => [...list, mark('one', 1)]);
		second.changeBookmarks('story-a', info, (list) => [...list, mark('two', 2)]);
		first.saveProgress('story-a', entry(7));
		expect(openStorage({cwd: dir}).bookmarks('story-a').map((b) => b.id)).toEqual(['one', 'two']);
		expect(openStorage({cwd: dir}).progress('story-a')?.offset).toBe(7);
	});

	it('keeps bookmarks when a corrupt settings file is moved aside', () => {
		openStorage({cwd: dir}).changeBookmarks('story-a', info, (list) => [...list, mark('kept', 3)]);
		writeFileSync(path.join(dir, 'settings.json'), '{oops');
		const storage = openStorage({cwd: dir});
		expect(storage.bookmarks('story-a').map((b) => b.id)).toEqual(['kept']);
		expect(storage.notices.join(' ')).toMatch(/settings file could not be read/);
	});

	it('moves a story to a new key with its bookmarks rebased', () => {
		const storage = openStorage({cwd: dir});
		storage.saveProgress('file-old', {...entry(5), source: {kind: 'file', path: '/x.txt'}});
		storage.changeBookmarks('file-old', info, (list) => [...list, mark('m', 5)]);
		storage.rekey('file-old', 'file-new', (record) => ({...record, bookmarks: record.bookmarks.map((b) => ({...b, offset: b.offset + 1}))}));
		const again = openStorage({cwd: dir});
		expect(again.progress('file-old')).toBeUndefined();
		expect(again.bookmarks('file-new')[0]?.offset).toBe(6);
		expect(again.lastRead()).toBe('file-new');
	});

	it('forgets a story without touching the others', () => {
		const storage = openStorage({cwd: dir});
		storage.saveProgress('a', entry(1));
		storage.saveProgress('b', entry(2));
		storage.forget('a');
		expect(Object.keys(openStorage({cwd: dir}).allProgress())).toEqual(['b']);
	});
});

describe('schema versions', () => {
	it('reads a file written before versions existed and stamps the current version on the next write', () => {
		writeFileSync(path.join(dir, 'library.json'), JSON.stringify({stories: {a: entry(4)}, last: 'a'}));
		const storage = openStorage({cwd: dir});
		expect(storage.progress('a')?.offset).toBe(4);
		storage.saveProgress('a', entry(5));
		expect(JSON.parse(readFileSync(path.join(dir, 'library.json'), 'utf8')).schemaVersion).toBe(1);
	});

	it('reads a file from a newer Lectern but never overwrites it', () => {
		const newer = JSON.stringify({schemaVersion: 99, stories: {a: entry(4)}, last: 'a'});
		writeFileSync(path.join(dir, 'library.json'), newer);
		const storage = openStorage({cwd: dir});
		expect(storage.progress('a')?.offset).toBe(4);
		storage.saveProgress('a', entry(5));
		expect(readFileSync(path.join(dir, 'library.json'), 'utf8')).toBe(newer);
		expect(storage.notices.join(' ')).toMatch(/newer Lectern/);
	});
});

describe('export and import', () => {
	it('gives the same bookmarks and progress when an export is imported into an empty config', () => {
		const storage = openStorage({cwd: dir});
		storage.saveProgress('story-a', entry(42));
		storage.changeBookmarks('story-a', info, (list) => [...list, mark('x', 10), mark('y', 20)]);
		const exported = JSON.parse(JSON.stringify(storage.exportData()));
		const other = mkdtempSync(path.join(tmpdir(), 'lectern-import-'));
		try {
			const target = openStorage({cwd: other});
			const file = validateExport(exported);
			if (typeof file === 'string') throw new Error(file);
			expect(target.importData(file)).toEqual({stories: 1, added: 2, skipped: 0});
			expect(openStorage({cwd: other}).allProgress()).toEqual(storage.allProgress());
			expect(target.importData(file)).toEqual({stories: 1, added: 0, skipped: 2});
		} finally {
			rmSync(other, {recursive: true, force: true});
		}
	});

	it.each([
		[[1, 2], /not a Lectern export/],
		[{lectern: 'export', schemaVersion: 1}, /no "stories"/],
		[{lectern: 'export', schemaVersion: 7, stories: {}}, /newer Lectern/],
		[{lectern: 'export', schemaVersion: 1, stories: {a: {offset: -1}}}, /story "a" is malformed/],
	])('refuses a bad import file with a reason: %j', (value, reason) => {
		expect(validateExport(value)).toMatch(reason);
	});
});
