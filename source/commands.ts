/**
 * The CLI's non-interactive commands: listing bookmarks, exporting and importing everything
 * Lectern keeps. Each returns the text to print; failures are one-line LecternErrors.
 */
import {readFileSync, writeFileSync} from 'node:fs';
import {countWords} from './core/words.js';
import type {Story} from './core/story.js';
import {LecternError} from './io/errors.js';
import {type Storage, validateExport} from './io/storage.js';

/** Lists bookmarks (of one story, or of all), as text or as JSON for scripts. */
export function listBookmarks(storage: Storage, only: string | undefined, json: boolean): string {
	const records = Object.entries(storage.allProgress()).filter(([key, record]) => (only ? key === only : record.bookmarks.length > 0));
	if (json) {
		const stories = records.map(([key, record]) => ({story: key, title: record.title, source: record.source, length: record.length, bookmarks: storage.bookmarks(key)}));
		return `${JSON.stringify(stories, undefined, 2)}\n`;
	}
	if (records.length === 0) return only ? 'No bookmarks for this story yet. Press m while reading to add one.\n' : 'No bookmarks yet. Press m while reading to add one.\n';
	const lines: string[] = [];
	for (const [key, record] of records) {
		const where = record.source.kind === 'bundled' ? record.source.id : record.source.path;
		lines.push(`${record.title} (${where})`);
		const bookmarks = storage.bookmarks(key);
		if (bookmarks.length === 0) lines.push('  no bookmarks');
		for (const bookmark of bookmarks) {
			const percent = record.length > 0 ? Math.floor((100 * bookmark.offset) / record.length) : 0;
			lines.push(`  ${String(percent).padStart(3)}%  ${bookmark.name}${bookmark.approximate ? ' (approximate)' : ''}`);
		}
	}
	return `${lines.join('\n')}\n`;
}

/** Writes every story's place and bookmarks to `file` as JSON. */
export function exportTo(storage: Storage, file: string): string {
	const data = storage.exportData();
	try {
		writeFileSync(file, `${JSON.stringify(data, undefined, 2)}\n`);
	} catch (error) {
		throw new LecternError(`${file}: cannot write the export (${(error as NodeJS.ErrnoException).code ?? String(error)}).`);
	}
	const stories = Object.values(data.stories);
	const count = stories.reduce((sum, record) => sum + record.bookmarks.length, 0);
	return `Exported ${count} bookmark${count === 1 ? '' : 's'} and the place in ${stories.length} stor${stories.length === 1 ? 'y' : 'ies'} to ${file}.\n`;
}

/** Merges an export back in: adds what is new, skips what is already there, changes nothing on error. */
export function importFrom(storage: Storage, file: string): string {
	let raw: string;
	try {
		raw = readFileSync(file, 'utf8');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		throw new LecternError(`${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? String(error)})`}.`);
	}
	let value: unknown;
	try {
		value = JSON.parse(raw);
	} catch {
		throw new LecternError(`${file}: not JSON; give a file written by "lectern --export". Nothing was changed.`);
	}
	const valid = validateExport(value);
	if (typeof valid === 'string') throw new LecternError(`${file}: ${valid}. Nothing was changed.`);
	const report = storage.importData(valid);
	return `Imported ${file}: ${report.added} bookmark${report.added === 1 ? '' : 's'} added, ${report.skipped} already there and skipped, across ${report.stories} stor${report.stories === 1 ? 'y' : 'ies'}. Places you already had were kept.\n`;
}

/** The story's metadata and contents as JSON, for scripts. */
export function storyInfo(story: Story): string {
	const {text, chapters, meta, title} = story;
	const info = {
		title,
		...meta,
		words: countWords(text),
		length: text.length,
		chapters: chapters.map((chapter, index) => ({
			number: index + 1,
			title: chapter.title,
			offset: chapter.start,
			percent: Math.floor((100 * chapter.start) / Math.max(1, text.length)),
		})),
	};
	return `${JSON.stringify(info, undefined, 2)}\n`;
}
