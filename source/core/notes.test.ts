import {describe, expect, it} from 'vitest';
import type {Story} from './story.js';
import {Layout, isTextRow} from './layout.js';
import {pageLines} from './screen.js';

// A chapter with a run of two author's notes before its text, built by hand as the AO3 reader does.
function story(): Story {
	const parts = ['Chapter Notes', 'Thanks to my beta reader.', 'The story begins here, at last.'];
	const text = parts.join('\n\n');
	let at = 0;
	const blocks = parts.map((part, i) => {
		const block = {kind: i < 2 ? ('note' as const) : ('paragraph' as const), start: at, end: at + part.length};
		at += part.length + 2;
		return block;
	});
	return {key: 'k', title: 'T', text, blocks, chapters: [], meta: {}};
}

describe('authors’ notes', () => {
	it('fold a run of notes into one row that names them and says how to open them', () => {
		const layout = new Layout(story(), 60, {notes: 'folded'});
		const page = layout.page(0, 10);
		const lines = pageLines(layout, page.rows).filter((line) => line.text.trim() !== '');
		expect(lines.map((line) => line.text)).toEqual(['▸ Chapter Notes · a shows notes', 'The story begins here, at last.']);
	});

	it('show every note in full when open', () => {
		const layout = new Layout(story(), 60, {notes: 'open'});
		const texts = pageLines(layout, layout.page(0, 10).rows).map((line) => line.text).filter(Boolean);
		expect(texts).toEqual(['Chapter Notes', 'Thanks to my beta reader.', 'The story begins here, at last.']);
	});

	it('keep paging and positions sound while folded', () => {
		const layout = new Layout(story(), 60, {notes: 'folded'});
		const textStart = story().blocks[2]!.start;
		expect(layout.page(textStart, 1).start).toBe(textStart);
		expect(layout.scroll(0, 1)).toBe(textStart);
		expect(layout.scroll(textStart, -1)).toBe(0);
		layout.buildIndex(Infinity);
		expect(layout.pageStarts(1)!.length).toBe(2);
		expect(layout.page(0, 10).rows.filter(isTextRow)).toHaveLength(2);
	});
});
