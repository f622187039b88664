import {describe, expect, it} from 'vitest';
import {parseText} from '../formats/text.js';
import {type Bookmark, defaultName, inReadingOrder, reanchor, snippetAt} from './bookmarks.js';
import {Layout} from './layout.js';
import {type ReaderAction, initialReaderState, readerReducer} from './reader.js';

const story = (text: string) => parseText(text, {key: 'k', title: 'T'});
const mark = (offset: number, snippet: string, name = 'n'): Bookmark => ({id: `${offset}`, name, offset, snippet, createdAt: 0});

describe('bookmark text', () => {
	it('keeps the next words as a snippet, whitespace collapsed', () => {
		expect(snippetAt('one  two\nthree', 0)).toBe('one two three');
	});

	it('names a bookmark after the opening words of the page, cut at a word', () => {
		expect(defaultName('The quick brown fox jumps over the lazy dog and keeps running far away', 4)).toBe('quick brown fox jumps over the lazy dog…');
		expect(defaultName('Short page.', 0)).toBe('Short page.');
	});

	it('orders bookmarks as they come in the story', () => {
		expect(inReadingOrder([mark(50, ''), mark(10, ''), mark(30, '')]).map((b) => b.offset)).toEqual([10, 30, 50]);
	});
});

describe('reanchor', () => {
	it('finds each bookmark by its snippet in a changed text', () => {
		const before = 'Alpha beta gamma.\n\nDelta epsilon zeta.';
		const after = story('A new opening paragraph.\n\nAlpha beta gamma.\n\nDelta   epsilon zeta.');
		const moved = reanchor([mark(19, snippetAt(before, 19))], before.length, after);
		expect(after.text.slice(moved[0]!.offset)).toMatch(/^Delta +epsilon/);
		expect(moved[0]!.approximate).toBeUndefined();
	});

	it('picks the occurrence nearest the old place when the snippet appears twice', () => {
		const text = story(`${'Filler words here. '.repeat(20)}\n\nRepeated line.\n\n${'More filler. '.repeat(40)}\n\nRepeated line.`);
		const late = text.text.lastIndexOf('Repeated line.');
		expect(reanchor([mark(late, 'Repeated line.')], text.text.length, text)[0]!.offset).toBe(late);
	});

	it('keeps the relative place and marks the bookmark approximate when its text is gone', () => {
		const after = story('Completely different words now.');
		const [moved] = reanchor([mark(50, 'vanished sentence')], 100, after);
		expect(moved).toMatchObject({offset: Math.round(after.text.length / 2), approximate: true});
	});
});

describe('reader: jumps and prompts', () => {
	const s = story(Array.from({length: 30}, (_, i) => `Paragraph ${i} with enough words to wrap at forty columns wide.`).join('\n\n'));
	const context = {layout: new Layout(s, 40), height: 8, libraryLength: 0, bookmarkCount: 3};
	const run = (actions: ReaderAction[], state = initialReaderState()) => actions.reduce((st, a) => readerReducer(st, a, context), state);

	it('remembers where a jump left, and ` goes back there and back again', () => {
		const jumped = run([{type: 'nextPage'}, {type: 'jump', offset: 500}]);
		const page2 = run([{type: 'nextPage'}]).offset;
		expect(jumped.offset).toBe(500);
		const back = readerReducer(jumped, {type: 'jumpBack'}, context);
		expect(back.offset).toBe(page2);
		expect(readerReducer(back, {type: 'jumpBack'}, context).offset).toBe(500);
	});

	it('counts start and end as jumps', () => {
		const atEnd = run([{type: 'nextPage'}, {type: 'end'}]);
		expect(readerReducer(atEnd, {type: 'jumpBack'}, context).offset).toBe(run([{type: 'nextPage'}]).offset);
	});

	it('says so when there is nowhere to go back to', () => {
		expect(run([{type: 'jumpBack'}]).notice).toMatch(/No earlier place/);
	});

	it('replaces the suggested name with the first key typed, and edits after that', () => {
		const typed = run([{type: 'openPrompt', prompt: {purpose: 'add', text: 'Suggested', offset: 0}}, {type: 'promptType', text: 'M'}, {type: 'promptType', text: 'y'}]);
		expect(typed.prompt).toMatchObject({text: 'My', pristine: false});
		expect(readerReducer(typed, {type: 'promptErase'}, context).prompt?.text).toBe('M');
		expect(readerReducer(typed, {type: 'closePrompt'}, context).prompt).toBeUndefined();
		const erased = run([{type: 'openPrompt', prompt: {purpose: 'rename', text: 'Old', id: 'x'}}, {type: 'promptErase'}]);
		expect(erased.prompt?.text).toBe('');
	});

	it('keeps the bookmark selection inside the list', () => {
		expect(run([{type: 'bookmarkMove', to: 9}]).bookmarkIndex).toBe(2);
		expect(run([{type: 'bookmarkMove', to: -3}]).bookmarkIndex).toBe(0);
	});
});
