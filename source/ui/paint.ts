/**
 * The reading screen as one string of escape sequences, for the quick first page (start.ts): the
 * page is on screen before Ink and React are loaded, and Ink's first frame then draws the same
 * cells over it. Pure and without React; it must draw what ReaderView draws inside the App's
 * full-screen Box, cell for cell (test/first-page.e2e.test.ts compares the two in a terminal).
 *
 * Written here because nothing else can do it: Ink renders only from a React tree, and loading
 * Ink, React and Yoga is the very cost the quick first page is there to hide.
 */
import type {ResolvedTheme, RoleStyle} from '../core/color.js';
import {type Frame, type PageLine, lineRole} from '../core/screen.js';
import type {Segment} from '../core/segments.js';
import {cellWidth} from '../core/width.js';
import type {ItalicFallback} from './reader-view.js';

/** What the reading screen shows: the same props ReaderView takes, and the whole terminal's size. */
export type PaintInput = {
	readonly cols: number;
	readonly rows: number;
	readonly frame: Frame;
	readonly lines: readonly PageLine[];
	readonly status: string;
	readonly theme: ResolvedTheme;
	readonly italicFallback: ItalicFallback;
};

// One run of text and the styles Ink would give it (a role's, with a segment's on top).
type Style = RoleStyle;
type Run = {readonly text: string; readonly style: Style};

// The SGR codes of Ink's (chalk's) colours: named ANSI colours, `ansi256(n)` and `#rrggbb`.
const NAMED: Readonly<Record<string, number>> = {
	black: 30,
	red: 31,
	green: 32,
	yellow: 33,
	blue: 34,
	magenta: 35,
	cyan: 36,
	white: 37,
	gray: 90,
	grey: 90,
	blackBright: 90,
	redBright: 91,
	greenBright: 92,
	yellowBright: 93,
	blueBright: 94,
	magentaBright: 95,
	cyanBright: 96,
	whiteBright: 97,
};

/** The SGR parameters for a colour as Ink takes it, or undefined for one it would ignore. */
export function colorCode(color: string, background: boolean): string | undefined {
	const named = NAMED[color];
	if (named !== undefined) return String(background ? named + 10 : named);
	const ansi = /^ansi256\(\s?(\d+)\s?\)$/.exec(color);
	if (ansi) return `${background ? 48 : 38};5;${Number(ansi[1])}`;
	const hex = /^#([0-9a-f]{6})$/i.exec(color);
	if (hex) {
		const value = Number.parseInt(hex[1]!, 16);
		return `${background ? 48 : 38};2;${value >> 16};${(value >> 8) & 0xff};${value & 0xff}`;
	}
	return undefined;
}

function sgr(style: Style): string {
	const codes: string[] = [];
	if (style.bold) codes.push('1');
	if (style.dimColor) codes.push('2');
	if (style.italic) codes.push('3');
	if (style.underline) codes.push('4');
	if (style.inverse) codes.push('7');
	const fg = style.color === undefined ? undefined : colorCode(style.color, false);
	const bg = style.backgroundColor === undefined ? undefined : colorCode(style.backgroundColor, true);
	if (fg) codes.push(fg);
	if (bg) codes.push(bg);
	return codes.length > 0 ? `\u001B[${codes.join(';')}m` : '';
}

// A segment's runs inside a row of `role`, as SegmentText in reader-view.tsx styles them.
function segmentStyle(theme: ResolvedTheme, row: Style, segment: Segment, italicFallback: ItalicFallback): Style {
	const italic = segment.italic === true;
	if (segment.hit) {
		const hit = theme.roles.searchHit;
		return {...row, ...hit, italic: italic && italicFallback === 'none' ? true : (row.italic ?? false), bold: segment.bold === true || row.bold === true};
	}
	if (!italic && !segment.bold) return row;
	const {color} = theme.roles.emphasis;
	return {
		...row,
		...(color ? {color} : {}),
		italic: (italic && italicFallback === 'none') || row.italic === true,
		underline: (italic && italicFallback === 'underline') || row.underline === true,
		bold: segment.bold === true || row.bold === true,
	};
}

/**
 * The reading screen, from the top-left corner; the cursor is left there for Ink's first frame.
 * One synchronized update (as Ink draws its frames): a terminal that knows the mode shows the page
 * whole, never half drawn; one that does not ignores it.
 */
export function paintReader({cols, rows, frame, lines, status, theme, italicFallback}: PaintInput): string {
	const background = theme.background;
	const withBackground = (style: Style): Style => (background && style.backgroundColor === undefined ? {...style, backgroundColor: background} : style);
	const margin = ' '.repeat(frame.margin);
	const screen: Run[][] = [];
	const blank: Run[] = [{text: ' ', style: {}}];
	if (frame.top > 0) screen.push(blank);
	for (let i = 0; i < frame.body; i++) {
		const line = lines[i];
		if (!line || line.segments.length === 0) {
			screen.push(blank);
			continue;
		}
		const row = theme.roles[lineRole(line)];
		screen.push([{text: margin, style: row}, ...line.segments.map((segment) => ({text: segment.text, style: segmentStyle(theme, row, segment, italicFallback)}))]);
	}
	if (frame.gap > 0) screen.push(blank);
	const bar = status + ' '.repeat(Math.max(0, frame.column - cellWidth(status)));
	screen.push([
		{text: margin, style: {}},
		{text: bar, style: theme.roles.status},
	]);

	const fill = background ? sgr({backgroundColor: background}) : '';
	let out = '';
	for (let y = 0; y < rows; y++) {
		out += `\u001B[${y + 1};1H`;
		// The App's Box paints the whole screen with the theme's background first, as Ink does.
		if (fill) out += `${fill}${' '.repeat(cols)}\u001B[0m\u001B[${y + 1};1H`;
		for (const run of screen[y] ?? []) {
			if (run.text === '') continue;
			const code = sgr(withBackground(run.style));
			out += code ? `${code}${run.text}\u001B[0m` : run.text;
		}
	}
	return `\u001B[?2026h${out}\u001B[H\u001B[?2026l`;
}
