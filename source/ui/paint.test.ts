import {describe, expect, it} from 'vitest';
import {resolveTheme} from '../core/color.js';
import {frameFor} from '../core/screen.js';
import {THEMES} from '../core/themes.js';
import {colorCode, paintReader} from './paint.js';

describe('colorCode', () => {
	it.each([
		['red', false, '31'],
		['red', true, '41'],
		['blackBright', false, '90'],
		['gray', true, '100'],
		['whiteBright', true, '107'],
		['ansi256(236)', false, '38;5;236'],
		['ansi256(7)', true, '48;5;7'],
		['#fdf6e3', false, '38;2;253;246;227'],
		['#000000', true, '48;2;0;0;0'],
	])('%s (background: %s) is SGR %s, as chalk writes it for Ink', (color, background, code) => {
		expect(colorCode(color, background)).toBe(code);
	});

	it.each(['', 'purple', 'ansi256(x)', '#12345', 'rgb(1,2,3)'])('ignores %j, as Ink does', (color) => {
		expect(colorCode(color, false)).toBeUndefined();
	});
});

describe('paintReader', () => {
	const frame = frameFor(40, 12, 30)!;
	const line = (text: string) => ({kind: 'text' as const, text, segments: [{text}]});
	const paint = (theme = resolveTheme(THEMES.find((t) => t.name === 'sepia')!, 'truecolor')) =>
		paintReader({cols: 40, rows: 12, frame, lines: [line('Hello there.'), line('Second row.')], status: 'Title · 1 of 2', theme, italicFallback: 'none'});

	it('draws every row of the screen in one synchronized update and leaves the cursor at the top left', () => {
		const out = paint();
		expect(out.startsWith('\u001B[?2026h')).toBe(true);
		expect(out.endsWith('\u001B[H\u001B[?2026l')).toBe(true);
		for (let row = 1; row <= 12; row++) expect(out).toContain(`\u001B[${row};1H`);
		expect(out).not.toContain('\u001B[13;1H');
		expect(out).toContain('Hello there.');
		expect(out).toContain('Title · 1 of 2');
	});

	it('paints the whole screen with a theme that has a background, and nothing without one', () => {
		expect(paint()).toContain('48;2;');
		const plain = paint(resolveTheme(THEMES[0]!, 'none'));
		expect(plain).not.toMatch(/\u001B\[[\d;]*(?:38|48);/);
		// Without colour the status line is still a bar: inverse.
		expect(plain).toContain('\u001B[7m');
	});
});
