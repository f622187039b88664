import {chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, describe, expect, it} from 'vitest';
import {UNTITLED} from '../core/story.js';
import {parseFrontMatter} from '../formats/frontmatter.js';
import {LecternError} from './errors.js';
import {findStoriesDir, listBundled, loadBundled} from './stories.js';
import {loadFile} from './load.js';

const storiesDir = findStoriesDir();
const seedDir = path.resolve(storiesDir, '..', '..', 'shared', 'seed-story');
const temp = mkdtempSync(path.join(tmpdir(), 'lectern-stories-'));
afterAll(() => {
	chmodSync(temp, 0o700);
	rmSync(temp, {recursive: true, force: true});
});

describe('bundled stories', () => {
	it('bundles the seed story verbatim after its header', () => {
		if (!existsSync(seedDir)) {
			if (process.env['CI']) throw new Error(`shared/seed-story is missing at ${seedDir}`);
			console.warn(`skipped: ${seedDir} not found`);
			return;
		}
		const seed = readdirSync(seedDir).find((name) => name.endsWith('.txt'))!;
		const original = readFileSync(path.join(seedDir, seed));
		const bundled = readFileSync(path.join(storiesDir, 'buffy-angel-untitled.txt'), 'utf8');
		expect(Buffer.from(parseFrontMatter(bundled).body, 'utf8').equals(original)).toBe(true);
	});

	it('shows the seed story as Untitled with no invented author, and keeps what is known', () => {
		const [story] = listBundled(storiesDir);
		expect(story).toMatchObject({id: 'buffy-angel-untitled', title: UNTITLED});
		expect(story!.meta.author).toBeUndefined();
		expect(story!.meta.fandom).toBe('Buffy the Vampire Slayer / Angel');
		expect(story!.meta.characters).toEqual(['Angel', 'Spike', 'Buffy Summers']);
		expect(story!.meta.setting).toMatch(/^Post "Dead Things" and "Forgiving\."/);
	});

	it('discovers a new file in the folder as a new story', () => {
		const dir = path.join(temp, 'stories');
		cpSync(storiesDir, dir, {recursive: true});
		writeFileSync(path.join(dir, 'another.txt'), '---\ntitle: Another\n---\nSome text.');
		expect(listBundled(dir).map((s) => s.id)).toEqual(['another', 'buffy-angel-untitled']);
		expect(loadBundled(dir, 'another').title).toBe('Another');
	});

	it('names the stories there are when an id is unknown', () => {
		expect(() => loadBundled(storiesDir, 'nope')).toThrow(/No story "nope"\. Bundled stories: buffy-angel-untitled/);
	});
});

describe('loadFile', () => {
	it('reads a UTF-8 file and keys it by content, so a renamed copy is the same story', () => {
		const a = path.join(temp, 'a.txt');
		const b = path.join(temp, 'b.txt');
		writeFileSync(a, 'Hello there.\n\nGeneral Kenobi.');
		writeFileSync(b, 'Hello there.\n\nGeneral Kenobi.');
		expect(loadFile(a).key).toBe(loadFile(b).key);
		expect(loadFile(a).title).toBe('a');
		expect(loadFile(a).blocks).toHaveLength(2);
	});

	// A file written in the temporary folder when the case runs.
	const written = (name: string, content: string | Buffer) => () => {
		const file = path.join(temp, name);
		writeFileSync(file, content);
		return file;
	};

	it.each([
		['a missing file', () => path.join(temp, 'missing.txt'), /missing\.txt: no such file/],
		['a folder', () => temp, /is a folder/],
		['a binary file', written('binary.txt', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0x14, 0])), /looks like a binary file/],
		['an empty file', written('empty.txt', ''), /empty\.txt: has no text to read/],
		['a file of white space', written('blank.txt', ' \n\t\n  \n'), /blank\.txt: has no text to read/],
	])('refuses %s with a one-line error naming it', (_, make, message) => {
		const file = make();
		expect(() => loadFile(file)).toThrow(LecternError);
		expect(() => loadFile(file)).toThrow(message);
	});
});
