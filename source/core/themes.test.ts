import {describe, expect, it} from 'vitest';
import {type Ansi16Palette, type Hex, type ResolvedTheme, XTERM_16, contrastRatio, resolveTheme, toAnsi256, toHex, xterm256Rgb} from './color.js';
import {DEFAULT_THEME, THEMES, type Theme, findTheme, mapPalette, nextTheme, themeNames} from './themes.js';

// Real 16-colour palettes differ; these are the defaults of common terminals (facts from their
// documentation), so the 16-colour picks are measured against all of them, not only xterm's.
const PALETTES_16: Readonly<Record<string, Ansi16Palette>> = {
	xterm: XTERM_16,
	vga: {
		black: '#000000', red: '#aa0000', green: '#00aa00', yellow: '#aa5500',
		blue: '#0000aa', magenta: '#aa00aa', cyan: '#00aaaa', white: '#aaaaaa',
		blackBright: '#555555', redBright: '#ff5555', greenBright: '#55ff55', yellowBright: '#ffff55',
		blueBright: '#5555ff', magentaBright: '#ff55ff', cyanBright: '#55ffff', whiteBright: '#ffffff',
	},
	tango: {
		black: '#2e3436', red: '#cc0000', green: '#4e9a06', yellow: '#c4a000',
		blue: '#3465a4', magenta: '#75507b', cyan: '#06989a', white: '#d3d7cf',
		blackBright: '#555753', redBright: '#ef2929', greenBright: '#8ae234', yellowBright: '#fce94f',
		blueBright: '#729fcf', magentaBright: '#ad7fa8', cyanBright: '#34e2e2', whiteBright: '#eeeeec',
	},
	// Windows Terminal's and the Windows 10 console's default, Campbell.
	campbell: {
		black: '#0c0c0c', red: '#c50f1f', green: '#13a10e', yellow: '#c19c00',
		blue: '#0037da', magenta: '#881798', cyan: '#3a96dd', white: '#cccccc',
		blackBright: '#767676', redBright: '#e74856', greenBright: '#16c60c', yellowBright: '#f9f1a5',
		blueBright: '#3b78ff', magentaBright: '#b4009e', cyanBright: '#61d6d6', whiteBright: '#f2f2f2',
	},
	terminalApp: {
		black: '#000000', red: '#c23621', green: '#25bc24', yellow: '#adad27',
		blue: '#492ee1', magenta: '#d338d3', cyan: '#33bbc8', white: '#cbcccd',
		blackBright: '#818383', redBright: '#fc391f', greenBright: '#31e722', yellowBright: '#eaec23',
		blueBright: '#5833ff', magentaBright: '#f935f8', cyanBright: '#14f0f0', whiteBright: '#e9ebeb',
	},
};

// What a resolved colour string looks like on screen, so contrast is measured on what is drawn.
function shown(colour: string | undefined, palette: Ansi16Palette): Hex {
	if (colour === undefined) throw new Error('role has no colour');
	if (colour.startsWith('#')) return colour as Hex;
	const index = /^ansi256\((\d+)\)$/.exec(colour)?.[1];
	if (index !== undefined) return toHex(xterm256Rgb(Number(index)));
	if (colour in palette) return palette[colour as keyof Ansi16Palette];
	throw new Error(`unknown colour ${colour}`);
}

// Every pair a reader has to read, as drawn.
function pairs(resolved: ResolvedTheme, palette: Ansi16Palette): Array<[string, number]> {
	const {roles} = resolved;
	const on = (label: string, fg: string | undefined, bg = resolved.background): [string, number] => [
		label,
		contrastRatio(shown(fg, palette), shown(bg, palette)),
	];
	return [
		on('text', roles.text.color),
		on('heading', roles.heading.color),
		on('dim', roles.dim.color),
		on('emphasis', roles.emphasis.color),
		on('accent', roles.accent.color),
		on('status', roles.status.color, roles.status.backgroundColor),
		on('searchHit', roles.searchHit.color, roles.searchHit.backgroundColor),
		on('selection', roles.selection.color, roles.selection.backgroundColor),
	];
}

const coloured = THEMES.filter((theme): theme is Theme & {colors: NonNullable<Theme['colors']>} => theme.colors !== undefined);

const depths: Array<[string, '16' | '256' | 'truecolor', Ansi16Palette]> = [
	['truecolor', 'truecolor', XTERM_16],
	['256 colours', '256', XTERM_16],
	...Object.entries(PALETTES_16).map(([name, palette]): [string, '16', Ansi16Palette] => [`16 colours (${name})`, '16', palette]),
];

describe('theme contrast', () => {
	it.each(coloured.flatMap((theme) => depths.map(([depth, level, palette]) => [theme.name, depth, level, palette] as const)))(
		'%s meets WCAG AA (4.5:1) for every role at %s',
		(name, _, level, palette) => {
			const theme = findTheme(name);
			if (!theme) throw new Error(name);
			// High contrast promises AAA.
			const minimum = name === 'high-contrast' ? 7 : 4.5;
			for (const [role, ratio] of pairs(resolveTheme(theme, level), palette)) {
				expect(ratio, `${name} ${role} at ${level}: ${ratio.toFixed(2)}:1`).toBeGreaterThanOrEqual(minimum);
			}
		},
	);

	it('keeps dim text dimmer than body text in every truecolor design', () => {
		for (const {name, colors} of coloured) {
			const {design} = colors;
			expect(contrastRatio(design.dim, design.background), name).toBeLessThan(contrastRatio(design.text, design.background));
		}
	});
});

describe('themes as data', () => {
	it('cycles in a fixed order, the terminal\'s own colours first', () => {
		expect(themeNames()).toEqual(['terminal', 'dark', 'light', 'sepia', 'solarized-dark', 'solarized-light', 'nord', 'high-contrast']);
	});

	it('visits every theme once and comes back round with c', () => {
		const seen: string[] = [];
		let name: string = DEFAULT_THEME;
		for (let i = 0; i < THEMES.length; i++) {
			seen.push(name);
			name = nextTheme(name).name;
		}
		expect(name).toBe(DEFAULT_THEME);
		expect(new Set(seen).size).toBe(THEMES.length);
	});

	it('goes from the last theme back to the first', () => {
		expect(nextTheme('high-contrast').name).toBe('terminal');
		expect(nextTheme('terminal').name).toBe('dark');
	});

	it('starts the cycle again from a name that is not a theme', () => {
		expect(nextTheme('paper-white').name).toBe('terminal');
	});

	it('finds a theme by name and nothing for a stale name', () => {
		expect(findTheme('nord')?.label).toBe('Nord');
		expect(findTheme('Nord')).toBeUndefined();
		expect(findTheme('')).toBeUndefined();
	});

	it('defaults to the terminal\'s own colours rather than guessing light or dark', () => {
		expect(DEFAULT_THEME).toBe('terminal');
	});

	it('gives the terminal theme no colours at all', () => {
		expect(findTheme('terminal')?.colors).toBeUndefined();
	});

	it('writes every design colour as #rrggbb', () => {
		for (const {name, colors} of coloured) {
			mapPalette(colors.design, (hex) => expect(hex, name).toMatch(/^#[\da-f]{6}$/));
		}
	});

	it('keeps the famous themes\' own backgrounds', () => {
		const background = (name: string) => findTheme(name)?.colors?.design.background;
		expect(background('solarized-dark')).toBe('#002b36');
		expect(background('solarized-light')).toBe('#fdf6e3');
		expect(background('nord')).toBe('#2e3440');
	});

	it('keeps dark themes dark and light themes light at 16 colours', () => {
		const dark = ['dark', 'solarized-dark', 'nord', 'high-contrast'];
		for (const {name, colors} of coloured) {
			expect(colors.ansi16.background, name).toBe(dark.includes(name) ? 'black' : 'whiteBright');
		}
	});

	it('hand-picks 256-colour choices only among the colours xterm really shows', () => {
		for (const {name, colors} of coloured) {
			const picks = Object.values(colors.ansi256 ?? {}).flatMap((pick) => (typeof pick === 'string' ? [pick] : [pick.foreground, pick.background]));
			for (const hex of picks) expect(toHex(xterm256Rgb(toAnsi256(hex))), `${name} ${hex}`).toBe(hex);
		}
	});

	it('keeps cream pages cream at 256 colours', () => {
		for (const name of ['sepia', 'solarized-light']) {
			const theme = findTheme(name);
			if (!theme) throw new Error(name);
			expect(resolveTheme(theme, '256').background, name).toBe('ansi256(230)');
		}
	});

	it('maps a palette role by role', () => {
		const design = findTheme('dark')?.colors?.design;
		if (!design) throw new Error('dark has no design');
		const upper = mapPalette(design, (hex) => hex.toUpperCase());
		expect(upper.status.background).toBe(design.status.background.toUpperCase());
		expect(upper.text).toBe(design.text.toUpperCase());
	});
});
