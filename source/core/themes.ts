/**
 * Themes as data: each names its colours by role (text, headings, the status line...), never by
 * where they are drawn; `resolveTheme` in `color.ts` turns one into Ink props for a colour depth.
 */
import type {Ansi16Name, Hex} from './color.js';

/** A foreground and the background it is drawn on. */
export type Pair<C> = {readonly foreground: C; readonly background: C};

/** A theme's colours, by role. `C` is `Hex` for the design and `Ansi16Name` for 16-colour picks. */
export type Palette<C> = {
	/** The whole screen, margins included. */
	readonly background: C;
	/** Body text. */
	readonly text: C;
	/** Secondary text that is still read: scene breaks, bylines, hints. */
	readonly dim: C;
	/** Emphasised words. */
	readonly emphasis: C;
	/** Chapter and section headings. */
	readonly heading: C;
	/** Small marks that guide the eye: the library's cursor, progress. */
	readonly accent: C;
	/** The status line. */
	readonly status: Pair<C>;
	/** A search hit in the text. */
	readonly searchHit: Pair<C>;
	/** The selected row of a list. */
	readonly selection: Pair<C>;
};

/** Every theme's name; `THEMES` gives their order. */
export type ThemeName = 'terminal' | 'dark' | 'light' | 'sepia' | 'solarized-dark' | 'solarized-light' | 'nord' | 'high-contrast';

/** A coloured theme's colours: the design, and what to use when only 16 colours are available. */
export type ThemeColors = {
	/** The design, in 24-bit colour; 256-colour terminals get its nearest xterm colours. */
	readonly design: Palette<Hex>;
	/**
	 * Hand-picked 16-colour choices. The nearest of 16 colours makes poor pairs (a grey background
	 * becomes `blackBright`, whose shade differs wildly between terminals), so every coloured
	 * theme says what it wants instead, keeping to pairs that read in every common palette.
	 */
	readonly ansi16: Palette<Ansi16Name>;
	/**
	 * Hand-picked 256-colour choices, as the exact xterm colours, for roles whose nearest xterm
	 * colour loses the theme's character (a cream page becomes a grey one).
	 */
	readonly ansi256?: Partial<Palette<Hex>>;
};

/** A theme: its name, a label for people, and its colours (none for `terminal`). */
export type Theme = {
	readonly name: ThemeName;
	readonly label: string;
	/** Absent when the theme keeps the terminal's own colours. */
	readonly colors?: ThemeColors;
};

// Dark designs share their 16-colour choices: in every common palette (xterm, VGA, Tango,
// Windows, Terminal.app) black stays far from white and from the bright colours, while the
// plain colours (a VGA "yellow" is brown) and blackBright do not.
const DARK_16: Palette<Ansi16Name> = {
	background: 'black',
	text: 'white',
	// No grey of the common palettes is both readable on black and dimmer than white.
	dim: 'white',
	emphasis: 'yellowBright',
	heading: 'cyanBright',
	accent: 'greenBright',
	status: {foreground: 'black', background: 'white'},
	searchHit: {foreground: 'black', background: 'yellowBright'},
	selection: {foreground: 'black', background: 'cyanBright'},
};

// Light designs share theirs; there is no sepia among 16 colours, and "white" is a mid grey in
// some palettes (#aaaaaa in VGA), so only whiteBright makes a light page.
const LIGHT_16: Palette<Ansi16Name> = {
	background: 'whiteBright',
	text: 'black',
	// No grey of the common palettes is dark enough to read on white, so secondary text is black.
	dim: 'black',
	emphasis: 'red',
	heading: 'blue',
	accent: 'blue',
	status: {foreground: 'whiteBright', background: 'black'},
	searchHit: {foreground: 'black', background: 'yellowBright'},
	selection: {foreground: 'whiteBright', background: 'blue'},
};

function pair<C>(foreground: C, background: C): Pair<C> {
	return {foreground, background};
}

/** Every theme, in the order `c` cycles through them; the first keeps the terminal's colours. */
export const THEMES: readonly Theme[] = [
	{name: 'terminal', label: 'Terminal'},
	{
		name: 'dark',
		label: 'Dark',
		colors: {
			design: {
				background: '#1c1e24',
				text: '#d8d8d8',
				dim: '#9da0a6',
				emphasis: '#e6c07b',
				heading: '#86b8ee',
				accent: '#7ec699',
				status: pair('#d0d0d0', '#33373f'),
				searchHit: pair('#1c1e24', '#e6c07b'),
				selection: pair('#ffffff', '#3d5a80'),
			},
			ansi16: DARK_16,
		},
	},
	{
		name: 'light',
		label: 'Light',
		colors: {
			design: {
				background: '#fbfbf9',
				text: '#222222',
				dim: '#5f6368',
				emphasis: '#8a3c0c',
				heading: '#1d4f91',
				accent: '#0b6e4f',
				status: pair('#2b2b2b', '#e4e4e0'),
				searchHit: pair('#1f1f1f', '#ffd866'),
				selection: pair('#ffffff', '#1d4f91'),
			},
			ansi16: LIGHT_16,
		},
	},
	{
		name: 'sepia',
		label: 'Sepia',
		colors: {
			design: {
				background: '#f4ecd8',
				text: '#3b2f22',
				dim: '#6e5b45',
				emphasis: '#7a2e12',
				heading: '#5a3514',
				accent: '#7b4b14',
				status: pair('#f4ecd8', '#5b4636'),
				searchHit: pair('#3b2f22', '#e3bf6b'),
				selection: pair('#f8f1e0', '#6f4e2e'),
			},
			// The nearest xterm colour to the page is grey 255; xterm 230 keeps it cream.
			ansi256: {background: '#ffffd7'},
			ansi16: LIGHT_16,
		},
	},
	{
		name: 'solarized-dark',
		label: 'Solarized dark',
		colors: {
			// Solarized's own body text (base0 on base03) is 4.75:1 and its secondary text (base01)
			// 2.8:1, so each moves one step lighter: text base1, secondary base0. Blue (4.1:1) is
			// lightened along its own hue.
			design: {
				background: '#002b36',
				text: '#93a1a1',
				dim: '#839496',
				emphasis: '#2aa198',
				heading: '#b58900',
				accent: '#4b9fdc',
				status: pair('#93a1a1', '#073642'),
				searchHit: pair('#002b36', '#b58900'),
				selection: pair('#fdf6e3', '#586e75'),
			},
			ansi16: DARK_16,
		},
	},
	{
		name: 'solarized-light',
		label: 'Solarized light',
		colors: {
			// Solarized's own body text (base00 on base3) is 4.1:1 and no accent reaches 4.5:1 on
			// base3, so secondary text is base01, body text is base01 darkened toward base02, and
			// orange, blue and green are darkened along their own hues.
			design: {
				background: '#fdf6e3',
				text: '#485c63',
				dim: '#586e75',
				emphasis: '#a73d12',
				heading: '#1f6fa8',
				accent: '#5d6a00',
				status: pair('#fdf6e3', '#586e75'),
				searchHit: pair('#002b36', '#b58900'),
				selection: pair('#fdf6e3', '#1f6fa8'),
			},
			// xterm 230 for base3, as Solarized's own 256-colour fallback has it (the nearest is grey).
			ansi256: {background: '#ffffd7', status: pair('#ffffd7', '#6c6c6c')},
			ansi16: LIGHT_16,
		},
	},
	{
		name: 'nord',
		label: 'Nord',
		colors: {
			// Nord's comment grey (nord3) is 2:1 on nord0, so secondary text is a lighter grey of the
			// same blue cast; the rest is Nord's own.
			design: {
				background: '#2e3440',
				text: '#d8dee9',
				dim: '#a0abbd',
				emphasis: '#ebcb8b',
				heading: '#88c0d0',
				accent: '#a3be8c',
				status: pair('#eceff4', '#434c5e'),
				searchHit: pair('#2e3440', '#ebcb8b'),
				selection: pair('#2e3440', '#88c0d0'),
			},
			ansi16: DARK_16,
		},
	},
	{
		name: 'high-contrast',
		label: 'High contrast',
		colors: {
			// Every pair reaches WCAG AAA (7:1) at every depth.
			design: {
				background: '#000000',
				text: '#ffffff',
				dim: '#d0d0d0',
				emphasis: '#5fffff',
				heading: '#ffff5f',
				accent: '#87ff87',
				status: pair('#000000', '#ffffff'),
				searchHit: pair('#000000', '#ffff00'),
				selection: pair('#000000', '#5fffff'),
			},
			ansi16: {...DARK_16, text: 'whiteBright', status: pair('black', 'whiteBright')},
		},
	},
];

/** The theme used until the reader picks one: the terminal's own colours are never a wrong guess. */
export const DEFAULT_THEME: ThemeName = 'terminal';

/** The theme names in cycling order, for help text and validating a saved setting. */
export function themeNames(): ThemeName[] {
	return THEMES.map((theme) => theme.name);
}

/** The theme called `name`, or undefined for a name that is not a theme (say, from an old settings file). */
export function findTheme(name: string): Theme | undefined {
	return THEMES.find((theme) => theme.name === name);
}

/** The theme after `name` in cycling order, wrapping round; an unknown name starts the cycle again. */
export function nextTheme(name: string): Theme {
	const index = THEMES.findIndex((theme) => theme.name === name);
	// An unknown name gives -1, so the cycle starts again at the first theme; THEMES is never empty.
	return THEMES[(index + 1) % THEMES.length] as Theme;
}

/** The theme before `name` in cycling order, wrapping round. */
export function previousTheme(name: string): Theme {
	const index = Math.max(0, THEMES.findIndex((theme) => theme.name === name));
	return THEMES[(index - 1 + THEMES.length) % THEMES.length] as Theme;
}

/** Applies `f` to every colour of a palette, keeping its roles. */
export function mapPalette<A, B>(palette: Palette<A>, f: (color: A) => B): Palette<B> {
	const both = ({foreground, background}: Pair<A>): Pair<B> => ({foreground: f(foreground), background: f(background)});
	return {
		background: f(palette.background),
		text: f(palette.text),
		dim: f(palette.dim),
		emphasis: f(palette.emphasis),
		heading: f(palette.heading),
		accent: f(palette.accent),
		status: both(palette.status),
		searchHit: both(palette.searchHit),
		selection: both(palette.selection),
	};
}
