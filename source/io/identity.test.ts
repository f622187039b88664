import {mkdtempSync, renameSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {snippetAt} from '../core/bookmarks.js';
import {openStory} from './identity.js';
import {openStorage} from './storage.js';
import {findStoriesDir} from './stories.js';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'lectern-identity-'));
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

const storiesDir = findStoriesDir();
const paragraphs = (words: string[]) => words.map((word, i) => `Paragraph ${i} is about ${word}, and goes on for a while.`).join('\n\n');

function bookmarkAt(file: string, phrase: string) {
	const storage = openStorage({cwd: path.join(dir, 'config')});
	const source = {kind: 'file', path: file} as const;
	const story = openStory(storage, storiesDir, source);
	const offset = story.text.indexOf(phrase);
	storage.saveProgress(story.key, {offset, length: story.text.length, title: story.title, source, readAt: 1});
	storage.changeBookmarks(story.key, {title: story.title, source, length: story.text.length}, (list) => [
		...list,
		{id: 'b', name: 'here', offset, snippet: snippetAt(story.text, offset), createdAt: 1},
	]);
	return {storage, source, key: story.key};
}

describe('story identity', () => {
	it('keeps a file’s bookmarks when the file is renamed or moved: they follow its content', () => {
		const file = path.join(dir, 'story.txt');
		writeFileSync(file, paragraphs(['cats', 'dogs', 'owls']));
		const {storage, key} = bookmarkAt(file, 'Paragraph 1');
		const moved = path.join(dir, 'renamed.txt');
		renameSync(file, moved);
		const story = openStory(storage, storiesDir, {kind: 'file', path: moved});
		expect(story.key).toBe(key);
		expect(storage.bookmarks(story.key).map((b) => b.name)).toEqual(['here']);
	});

	it('re-anchors bookmarks by their text when the file’s content changes, and marks lost ones approximate', () => {
		const file = path.join(dir, 'story.txt');
		writeFileSync(file, paragraphs(['cats', 'dogs', 'owls']));
		const {storage, key} = bookmarkAt(file, 'Paragraph 1');
		storage.changeBookmarks(key, {title: 't', source: {kind: 'file', path: file}, length: 1}, (list) => [
			...list,
			{id: 'gone', name: 'gone', offset: 5, snippet: 'a sentence that will not survive the edit', createdAt: 2},
		]);
		writeFileSync(file, `A new first paragraph.\n\n${paragraphs(['cats', 'dogs', 'owls'])}`);
		const story = openStory(storage, storiesDir, {kind: 'file', path: file});
		expect(story.key).not.toBe(key);
		expect(storage.progress(key)).toBeUndefined();
		const [here, gone] = ['here', 'gone'].map((name) => storage.bookmarks(story.key).find((b) => b.name === name)!);
		expect(story.text.slice(here!.offset)).toMatch(/^Paragraph 1 is about dogs/);
		expect(here!.approximate).toBeUndefined();
		expect(gone!.approximate).toBe(true);
	});
});
