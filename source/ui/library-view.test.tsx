import {hintLine} from '../core/keymap.js';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {LibraryItem} from '../core/library.js';
import {cellWidth} from '../core/width.js';
import {LibraryView} from './library-view.js';

afterEach(cleanup);

const now = Date.UTC(2025, 5, 1, 12, 0);
const minute = 60_000;

const items: Array<LibraryItem<string>> = [
	{key: 'a', title: 'The Lighthouse', byline: 'V. Woolf', percent: 42, readAt: now - 5 * minute, source: 'a.txt'},
	{key: 'b', title: 'Untitled Ficlet', byline: 'Buffy the Vampire Slayer', source: 'b.txt'},
	{key: 'c', title: 'A Finished Book', percent: 100, readAt: now - 3 * 24 * 60 * minute, source: 'c.txt'},
];

function rowsOf(frame: string | undefined): string[] {
	return (frame ?? '').split('\n');
}

function show(props: {items?: ReadonlyArray<LibraryItem<string>>; selected?: number; cols?: number; rows?: number; notice?: string}) {
	const {lastFrame} = render(
		<LibraryView
			items={props.items ?? items}
			selected={props.selected ?? 0}
			cols={props.cols ?? 100}
			rows={props.rows ?? 30}
			now={now}
			{...(props.notice ? {notice: props.notice} : {})}
		/>,
	);
	return rowsOf(lastFrame());
}

describe('LibraryView', () => {
	it('lists every story with its title, then its byline, progress and when it was last read', () => {
		const rows = show({}).map((row) => row.trim());
		expect(rows[0]).toBe('Library');
		expect(rows).toContain('› The Lighthouse');
		expect(rows).toContain('V. Woolf · 42% read · 5 min ago');
		expect(rows).toContain('Untitled Ficlet');
		expect(rows).toContain('Buffy the Vampire Slayer · not started');
		expect(rows).toContain('A Finished Book');
		expect(rows).toContain('100% read · 3 days ago');
	});

	it('puts each story\'s details on the row under its title', () => {
		const rows = show({}).map((row) => row.trim());
		expect(rows[rows.indexOf('Untitled Ficlet') + 1]).toBe('Buffy the Vampire Slayer · not started');
	});

	it('says "not started" for a story that was never opened, and "0% read" for one opened at its start', () => {
		const rows = show({items: [{key: 'z', title: 'Opened', percent: 0, readAt: now, source: 'z'}]}).map((row) => row.trim());
		expect(rows).toContain('0% read · just now');
		expect(rows.join('\n')).not.toContain('not started');
	});

	it.each([0, 1, 2])('marks only the selected story (%i) with "›"', (selected) => {
		const rows = show({selected});
		const marked = rows.filter((row) => row.includes('›'));
		expect(marked).toHaveLength(1);
		expect(marked[0]?.trim()).toBe(`› ${items[selected]!.title}`);
	});

	it('shows the empty-library line when there are no stories', () => {
		const rows = show({items: []}).map((row) => row.trim());
		expect(rows).toContain('No stories yet. Run "lectern FILE" to open a text file.');
		expect(rows.join('\n')).not.toContain('›');
	});

	it('shows the key hints on the last row when there is no notice', () => {
		const rows = show({});
		expect(rows).toHaveLength(30);
		expect(rows.at(-1)?.trim()).toBe(hintLine('library'));
		expect(rows.at(-1)).toContain('Enter open · Esc back · x remove · ? help · q quit');
	});

	it('shows a notice in place of the key hints', () => {
		const rows = show({notice: 'No story or file "missing.txt".'});
		expect(rows.at(-1)?.trim()).toBe('No story or file "missing.txt".');
		expect(rows.join('\n')).not.toContain('Enter open');
	});

	it('scrolls so that the selected story stays on screen when the list is longer than the terminal', () => {
		const many = Array.from({length: 30}, (_, i) => ({key: `k${i}`, title: `Story number ${i}`, source: `s${i}`}));
		const rows = show({items: many, selected: 25, rows: 16});
		expect(rows).toHaveLength(16);
		const trimmed = rows.map((row) => row.trim());
		expect(trimmed).toContain('› Story number 25');
		expect(trimmed).not.toContain('Story number 0');
	});

	it.each([
		[20, 6],
		[40, 12],
		[100, 30],
	])('fits into %ix%i, cutting long titles with an ellipsis', (cols, rows) => {
		const long = [{key: 'l', title: 'A title far longer than any terminal this reader will be asked to fit it into, even a wide one '.repeat(2), byline: 'Someone', source: 'l'}];
		const drawn = show({items: long, cols, rows});
		expect(drawn).toHaveLength(rows);
		for (const row of drawn) expect(cellWidth(row)).toBeLessThanOrEqual(cols);
		expect(drawn.join('\n')).toContain('…');
	});
});
