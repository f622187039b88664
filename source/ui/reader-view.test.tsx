import chalk from 'chalk';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {HELP_SECTIONS, KEYMAP, KEY_LABELS, helpLines, helpRows, hintLine} from '../core/keymap.js';
import {type Frame, type PageLine, frameFor} from '../core/screen.js';
import {cellWidth} from '../core/width.js';
import {HelpView} from './help-view.js';
import {ReaderView} from './reader-view.js';
import {TooSmall} from './too-small.js';

// The frame's rows as drawn; Ink trims trailing spaces, so empty rows are empty strings.
function rowsOf(frame: string | undefined): string[] {
	return (frame ?? '').split('\n');
}

function frameOf(cols: number, rows: number, column?: number): Frame {
	const frame = frameFor(cols, rows, column);
	if (!frame) throw new Error(`no frame for ${cols}x${rows}`);
	return frame;
}

afterEach(cleanup);

// A line with one plain segment, as pageLines makes for unstyled text.
const line = (kind: PageLine['kind'], text: string): PageLine => ({kind, text, segments: text ? [{text}] : []});

const page: PageLine[] = [
	line('heading', '     CHAPTER I.'),
	line('blank', ''),
	line('text', 'The keeper climbed the ninety steps'),
	line('text', 'before the light went out.'),
	line('blank', ''),
	line('break', '      *   *   *'),
	line('blank', ''),
	line('text', 'Morning came grey over the water.'),
];

describe('ReaderView', () => {
	it.each([
		[100, 30],
		[80, 24],
		[60, 12],
		[40, 11],
		[20, 6],
	])('draws exactly frame.rows rows at %ix%i, even when the page is short', (cols, rows) => {
		const frame = frameOf(cols, rows, 30);
		const {lastFrame} = render(<ReaderView frame={frame} lines={page.slice(0, 3)} status="Title" />);
		expect(rowsOf(lastFrame())).toHaveLength(frame.rows);
	});

	it('draws a new status line over the same page, and a new page when the lines change', () => {
		const frame = frameOf(100, 30, 40);
		const {lastFrame, rerender} = render(<ReaderView frame={frame} lines={page} status="The Lighthouse      0%" />);
		rerender(<ReaderView frame={frame} lines={page.map((l) => ({...l}))} status="The Lighthouse      1 of 8 · 0%" />);
		expect(rowsOf(lastFrame()).at(-1)).toBe(`${' '.repeat(frame.margin)}The Lighthouse      1 of 8 · 0%`);
		expect(lastFrame()).toContain('The keeper climbed the ninety steps');
		rerender(<ReaderView frame={frame} lines={[line('text', 'Morning came grey over the water.')]} status="The Lighthouse      2 of 8 · 20%" />);
		expect(lastFrame()).not.toContain('The keeper climbed');
		expect(lastFrame()).toContain('Morning came grey over the water.');
	});

	it('puts the status line on the last row, after a blank gap when the terminal is roomy', () => {
		const frame = frameOf(100, 30, 40);
		const {lastFrame} = render(<ReaderView frame={frame} lines={page} status="The Lighthouse · CHAPTER I.      1 of 8 · 0%" />);
		const rows = rowsOf(lastFrame());
		expect(rows.at(-1)).toBe(`${' '.repeat(frame.margin)}The Lighthouse · CHAPTER I.      1 of 8 · 0%`);
		expect(rows.at(-2)).toBe('');
		expect(rows[0]).toBe('');
	});

	it('drops the top margin and the gap on a short terminal, so the page starts on the first row', () => {
		const frame = frameOf(60, 8, 40);
		const {lastFrame} = render(<ReaderView frame={frame} lines={page} status="status here" />);
		const rows = rowsOf(lastFrame());
		expect(rows).toHaveLength(8);
		const margin = ' '.repeat(frame.margin);
		expect(rows[0]).toBe(`${margin}     CHAPTER I.`);
		// Seven body rows, so the page's eighth line is not drawn; the status line follows at once.
		expect(rows[6]).toBe('');
		expect(lastFrame()).not.toContain('Morning came');
		expect(rows.at(-1)).toBe(`${margin}status here`);
	});

	it('shows headings, text and scene breaks in page order, each indented by the left margin', () => {
		const frame = frameOf(100, 30, 40);
		expect(frame.margin).toBe(30);
		const {lastFrame} = render(<ReaderView frame={frame} lines={page} status="s" />);
		const body = rowsOf(lastFrame()).slice(frame.top, frame.top + page.length);
		const margin = ' '.repeat(frame.margin);
		expect(body).toEqual([
			`${margin}     CHAPTER I.`,
			'',
			`${margin}The keeper climbed the ninety steps`,
			`${margin}before the light went out.`,
			'',
			`${margin}      *   *   *`,
			'',
			`${margin}Morning came grey over the water.`,
		]);
	});

	it('fills the rows below a short page with blank rows, not with the status line', () => {
		const frame = frameOf(100, 30, 40);
		const {lastFrame} = render(<ReaderView frame={frame} lines={page.slice(0, 1)} status="the status" />);
		const rows = rowsOf(lastFrame());
		expect(rows.filter((row) => row.includes('the status'))).toEqual([rows.at(-1)]);
		expect(rows.slice(frame.top + 1, frame.top + frame.body).every((row) => row === '')).toBe(true);
	});

	it('keeps every row inside the terminal width', () => {
		const frame = frameOf(50, 20);
		const lines = Array.from({length: frame.body}, () => line('text', 'x'.repeat(frame.column)));
		const {lastFrame} = render(<ReaderView frame={frame} lines={lines} status={'s'.repeat(frame.column)} />);
		for (const row of rowsOf(lastFrame())) expect(cellWidth(row)).toBeLessThanOrEqual(50);
	});
});

describe('ReaderView styles', () => {
	// Ink styles text through chalk, which draws no styles when the test's output is not a terminal.
	const withStyles = (draw: () => string | undefined) => {
		const level = chalk.level;
		chalk.level = 1;
		try {
			return draw();
		} finally {
			chalk.level = level;
		}
	};
	const ITALIC = '\u001B[3m';
	const UNDERLINE = '\u001B[4m';
	const styled: PageLine[] = [
		{kind: 'heading', text: '  Chapter One', segments: [{text: '  '}, {text: 'Chapter One', bold: true}]},
		{
			kind: 'text',
			text: '   She  said  extraor-',
			segments: [{text: '   She  said  '}, {text: 'extraor', italic: true}, {text: '-', italic: true, hyphen: true}],
		},
		{kind: 'text', text: 'dinary things.', segments: [{text: 'dinary', italic: true}, {text: ' things.'}]},
	];
	const frame = frameOf(60, 12, 30);

	it('draws italic and bold segments as italic and bold text, and plain segments plain', () => {
		const drawn = withStyles(() => render(<ReaderView frame={frame} lines={styled} status="s" />).lastFrame())!;
		const rows = rowsOf(drawn);
		// Bold starts before the heading's words and is not switched off before them.
		expect(rows[frame.top]).toMatch(/\u001B\[1m(?:(?!\u001B\[22m)[\s\S])*Chapter One/);
		expect(rows[frame.top + 1]).toContain(`   She  said  ${ITALIC}extraor-`);
		expect(rows[frame.top + 2]).toContain(`${ITALIC}dinary`);
		expect(rows[frame.top + 2]).not.toMatch(/\u001B\[3m[^\u001B]* things/);
		expect(drawn).not.toContain(UNDERLINE);
	});

	it('underlines italic segments instead when the terminal has no italics', () => {
		const drawn = withStyles(() => render(<ReaderView frame={frame} lines={styled} status="s" italicFallback="underline" />).lastFrame())!;
		expect(drawn).toContain(`${UNDERLINE}extraor-`);
		expect(drawn).not.toContain(ITALIC);
		expect(drawn).toMatch(/\u001B\[1m(?:(?!\u001B\[22m)[\s\S])*Chapter One/);
	});

	it('shows the same characters as the lines’ text, margin first, and exactly frame.rows rows', () => {
		const {lastFrame} = render(<ReaderView frame={frame} lines={styled} status="s" />);
		const rows = rowsOf(lastFrame());
		expect(rows).toHaveLength(frame.rows);
		const margin = ' '.repeat(frame.margin);
		expect(rows.slice(frame.top, frame.top + 3)).toEqual(styled.map((line) => margin + line.text));
	});
});

describe('TooSmall', () => {
	it.each([
		[1, 1],
		[1, 3],
		[3, 1],
		[10, 3],
		[15, 5],
		[19, 30],
		[100, 5],
	])('fits into %ix%i: no row wider than the terminal and no more rows than it has', (cols, rows) => {
		const {lastFrame} = render(<TooSmall cols={cols} rows={rows} />);
		const drawn = rowsOf(lastFrame());
		expect(drawn.length).toBeLessThanOrEqual(rows);
		for (const row of drawn) expect(cellWidth(row)).toBeLessThanOrEqual(cols);
	});

	it('says the terminal is too small, what it needs and what it has', () => {
		const {lastFrame} = render(<TooSmall cols={100} rows={5} />);
		expect(rowsOf(lastFrame())).toEqual(['Terminal too small', '100x5 < 20x6', 'q quits', '', '']);
	});

	it('cuts its message with an ellipsis when the terminal is narrower than the message', () => {
		const {lastFrame} = render(<TooSmall cols={10} rows={3} />);
		expect(rowsOf(lastFrame())).toEqual(['Too small', '10x3 < 20…', 'q quits']);
	});

	it('shows only the first line on a one-row terminal', () => {
		const {lastFrame} = render(<TooSmall cols={1} rows={1} />);
		expect(lastFrame()).toBe('…');
	});
});

describe('HelpView', () => {
	const lines = helpLines();
	const help = (cols: number, rows: number, top = 0) => render(<HelpView lines={lines} top={top} cols={cols} rows={rows} />);
	const labels = (keys: readonly string[]) => keys.map((key) => KEY_LABELS[key] ?? key);

	it.each(KEYMAP.map((binding) => [binding.context, binding.help, binding] as const))(
		'lists the %s binding "%s" with all of its keys on one row',
		(_context, text, binding) => {
			const rows = rowsOf(help(100, lines.length).lastFrame());
			const row = rows.find((line) => line.endsWith(text) && line.includes(labels(binding.keys).join(' ')));
			expect(row, `no row lists "${text}"`).toBeDefined();
		},
	);

	it('is generated from the keymap: one row per binding, in table order, under a heading per context', () => {
		const rows = rowsOf(help(100, lines.length).lastFrame()).map((row) => row.trim());
		const expected = HELP_SECTIONS.flatMap(([context]) =>
			helpRows(context).map((row) => expect.stringMatching(new RegExp(`^${escapeRegExp(row.keys)}\\s+${escapeRegExp(row.help)}$`))),
		);
		const bindingRows = rows.filter((row) => KEYMAP.some((binding) => row.endsWith(binding.help) && row !== binding.help));
		expect(bindingRows).toEqual(expected);
		expect(rows.indexOf('Reading')).toBeLessThan(rows.indexOf('Library'));
		expect(rows.indexOf('Library')).toBeLessThan(rows.indexOf('Everywhere'));
		expect(rows[0]).toBe(`Lectern keys · ${hintLine('help')}`);
	});

	it.each([
		[20, 6],
		[40, 12],
		[80, 24],
	])('fits into %ix%i', (cols, rows) => {
		const drawn = rowsOf(help(cols, rows).lastFrame());
		expect(drawn).toHaveLength(rows);
		for (const row of drawn) expect(cellWidth(row)).toBeLessThanOrEqual(cols);
	});

	it('scrolls on a short terminal, down to the last binding and no further', () => {
		expect(help(80, 20).lastFrame()).not.toContain('Quit (your place is saved)');
		const bottom = help(80, 20, 1000).lastFrame();
		expect(bottom).toContain('Quit (your place is saved)');
		expect(rowsOf(bottom)).toHaveLength(20);
	});
});

function escapeRegExp(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
