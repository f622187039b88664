/** Helpers for the I/O tests: a long book read back from a story cache entry, as a reopened book is. */
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach} from 'vitest';
import type {Story} from '../core/story.js';
import {parseText} from '../formats/text.js';
import {type FileStamp, encodeEntry, peekEntry} from './story-cache.js';

/** The stamp and parser the entries made here are written for. */
export const ENTRY_STAMP: FileStamp = {size: 300_000, mtimeMs: 1_700_000_000_000, ino: 7};
export const ENTRY_PARSER = 'parser-1';

const LONG_TEXT = Array.from({length: 1500}, (_, i) => (i % 50 === 0 ? `CHAPTER ${i / 50 + 1}.` : `Paragraph ${i}: ${'a few more words '.repeat(5 + (i % 17))}and its end.`)).join('\n\n');

/**
 * A long story (by default 1500 paragraphs in chapters, many 16K-character parts), parsed, and the same story
 * read back from a cache entry in a folder of its own; `remove` deletes the folder (the story's
 * entry stays open until the story is collected, as in the reader).
 */
export function cachedLongStory(text = LONG_TEXT): {parsed: Story; story: Story; remove: () => void} {
	const folder = mkdtempSync(path.join(tmpdir(), 'lectern-cached-story-'));
	const parsed = parseText(text, {key: 'long', title: 'Long'});
	const entry = path.join(folder, 'long.story');
	writeFileSync(entry, encodeEntry(parsed, '/books/long.txt', ENTRY_STAMP, ENTRY_PARSER));
	const story = peekEntry(entry, '/books/long.txt', ENTRY_STAMP, ENTRY_PARSER)!.story()!;
	return {parsed, story, remove: () => rmSync(folder, {recursive: true, force: true})};
}

/** `cachedLongStory` for one test file: each test's folders are removed after it. */
export function cachedStories(): (text?: string) => {parsed: Story; story: Story} {
	const removals: Array<() => void> = [];
	afterEach(() => {
		for (const remove of removals.splice(0)) remove();
	});
	return (text) => {
		const {remove, ...made} = cachedLongStory(text);
		removals.push(remove);
		return made;
	};
}
