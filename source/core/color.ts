/**
 * Colour depth and colour arithmetic: how many colours the terminal shows, how a `#rrggbb`
 * design colour is reduced to what it can show, how legible one colour is on another, and how a
 * theme becomes Ink props at a depth. Pure: the environment comes in as an argument.
 */
import {type Pair, type Palette, type Theme, type ThemeName, mapPalette} from './themes.js';

/** How many colours the terminal can show: none, the 16 ANSI colours, the xterm 256, or 24-bit. */
export type ColorLevel = 'none' | '16' | '256' | 'truecolor';

/** A design colour, always six hex digits after `#`. */
export type Hex = `#${string}`;

/** A colour as red, green and blue channels of 0-255. */
export type Rgb = readonly [number, number, number];

/** The 16 ANSI colour names, spelt as chalk and Ink's `<Text color>` accept them. */
export type Ansi16Name =
	| 'black'
	| 'red'
	| 'green'
	| 'yellow'
	| 'blue'
	| 'magenta'
	| 'cyan'
	| 'white'
	| 'blackBright'
	| 'redBright'
	| 'greenBright'
	| 'yellowBright'
	| 'blueBright'
	| 'magentaBright'
	| 'cyanBright'
	| 'whiteBright';

/** A 16-colour palette: what a terminal shows for each ANSI colour name. */
export type Ansi16Palette = Readonly<Record<Ansi16Name, Hex>>;

/**
 * xterm's default 16 colours. Real terminals differ (VGA, Tango, Windows, Terminal.app...), so
 * this is only the reference that reduction aims at; themes pick 16-colour choices by hand.
 */
export const XTERM_16: Ansi16Palette = {
	black: '#000000',
	red: '#cd0000',
	green: '#00cd00',
	yellow: '#cdcd00',
	blue: '#0000ee',
	magenta: '#cd00cd',
	cyan: '#00cdcd',
	white: '#e5e5e5',
	blackBright: '#7f7f7f',
	redBright: '#ff0000',
	greenBright: '#00ff00',
	yellowBright: '#ffff00',
	blueBright: '#5c5cff',
	magentaBright: '#ff00ff',
	cyanBright: '#00ffff',
	whiteBright: '#ffffff',
};

const HEX = /^#[\da-f]{6}$/i;

/** Reads `#rrggbb` into channels; throws on anything else, since themes are data we write ourselves. */
export function parseHex(hex: string): Rgb {
	if (!HEX.test(hex)) throw new Error(`Not a #rrggbb colour: ${hex}`);
	const value = Number.parseInt(hex.slice(1), 16);
	return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/** Writes channels as `#rrggbb`. */
export function toHex([r, g, b]: Rgb): Hex {
	return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

// The six channel values of xterm's 6x6x6 colour cube (indices 16-231).
const CUBE = [0, 95, 135, 175, 215, 255] as const;

/** The colour xterm shows for a 256-colour index from 16 up: the cube, then 24 greys. */
export function xterm256Rgb(index: number): Rgb {
	if (!Number.isInteger(index) || index < 16 || index > 255) throw new Error(`No fixed xterm colour for index ${index}`);
	if (index >= 232) {
		const grey = 8 + (index - 232) * 10;
		return [grey, grey, grey];
	}
	const cube = index - 16;
	return [CUBE[Math.floor(cube / 36)] ?? 0, CUBE[Math.floor(cube / 6) % 6] ?? 0, CUBE[cube % 6] ?? 0];
}

// sRGB to linear light. WCAG 2.x prints 0.03928 as the threshold; no 8-bit value lies between
// that and the sRGB standard's 0.04045, so both give the same results.
function linear(channel: number): number {
	const c = channel / 255;
	return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

// CIE L*a*b* (D65): distance in RGB counts a step of blue as much as a step of green, which the
// eye sees far more, so it sends greys to tinted cube colours and pale tints to grey.
function lab([red, green, blue]: Rgb): Rgb {
	const [r, g, b] = [linear(red), linear(green), linear(blue)];
	const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
	const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
	const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
	const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
	return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

function distance(a: Rgb, b: Rgb): number {
	const [la, aa, ba] = lab(a);
	const [lb, ab, bb] = lab(b);
	return (la - lb) ** 2 + (aa - ab) ** 2 + (ba - bb) ** 2;
}

function nearest<T>(hex: string, candidates: Iterable<[T, Rgb]>): T {
	const target = parseHex(hex);
	let best: T | undefined;
	let bestDistance = Number.POSITIVE_INFINITY;
	for (const [key, rgb] of candidates) {
		const d = distance(target, rgb);
		if (d < bestDistance) [best, bestDistance] = [key, d];
	}
	if (best === undefined) throw new Error('No candidate colours');
	return best;
}

function* xterm256Candidates(): Generator<[number, Rgb]> {
	for (let index = 16; index <= 255; index++) yield [index, xterm256Rgb(index)];
}

/**
 * The nearest xterm 256-colour index, from the cube and the grey ramp only: indices 0-15 are
 * the user's own 16 colours and could be anything.
 */
export function toAnsi256(hex: string): number {
	return nearest(hex, xterm256Candidates());
}

/** The nearest of the 16 ANSI colours, as shown by `palette` (xterm's by default). */
export function toAnsi16(hex: string, palette: Ansi16Palette = XTERM_16): Ansi16Name {
	return nearest(hex, Object.entries(palette).map(([name, value]): [Ansi16Name, Rgb] => [name as Ansi16Name, parseHex(value)]));
}

/** The colour string Ink's `<Text color>` takes for a design colour at a colour depth. */
export function inkColor(hex: Hex, level: Exclude<ColorLevel, 'none'>): string {
	switch (level) {
		case 'truecolor':
			return hex.toLowerCase();
		case '256':
			return `ansi256(${toAnsi256(hex)})`;
		case '16':
			return toAnsi16(hex);
	}
}

/** WCAG 2.x relative luminance of a colour, from 0 (black) to 1 (white). */
export function relativeLuminance(hex: string): number {
	const [red, green, blue] = parseHex(hex);
	return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
}

/** WCAG 2.x contrast ratio of two colours, from 1 (same) to 21 (black on white); order does not matter. */
export function contrastRatio(a: string, b: string): number {
	const [la, lb] = [relativeLuminance(a), relativeLuminance(b)];
	return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

const RANK: Readonly<Record<ColorLevel, number>> = {none: 0, '16': 1, '256': 2, truecolor: 3};

function atLeast(floor: ColorLevel, level: ColorLevel): ColorLevel {
	return RANK[level] >= RANK[floor] ? level : floor;
}

// FORCE_COLOR as supports-color reads it, except that an empty value is ignored, as
// force-color.org (like no-color.org) asks; supports-color would treat it as 1.
function forcedLevel(value: string | undefined): ColorLevel | undefined {
	if (value === undefined || value === '') return undefined;
	if (value === 'false') return 'none';
	if (value === 'true') return '16';
	const n = Number.parseInt(value, 10);
	if (n === 0) return 'none';
	if (n === 2) return '256';
	if (n >= 3) return 'truecolor';
	// "Present and not empty, regardless of its value, forces colour" (force-color.org).
	return '16';
}

// What the terminal itself announces, most specific first.
function announcedLevel(env: Readonly<Record<string, string | undefined>>, platform: string | undefined): ColorLevel {
	const term = env.TERM ?? '';
	const colorterm = (env.COLORTERM ?? '').toLowerCase();
	if (colorterm === 'truecolor' || colorterm === '24bit') return 'truecolor';
	// Terminals known to draw 24-bit colour without saying so in COLORTERM.
	if (['xterm-kitty', 'xterm-ghostty', 'wezterm'].includes(term) || env.WT_SESSION) return 'truecolor';
	if (env.TERM_PROGRAM === 'iTerm.app') return Number.parseInt(env.TERM_PROGRAM_VERSION ?? '', 10) >= 3 ? 'truecolor' : '256';
	if (env.TERM_PROGRAM === 'Apple_Terminal') return '256';
	if (/-256(colou?rs?)?$/i.test(term)) return '256';
	if (/^(xterm|screen|tmux|vt100|vt220|rxvt|putty|konsole)|color|ansi|cygwin|linux/i.test(term)) return '16';
	if (colorterm) return '16';
	// Windows consoles have no TERM; every Windows that Node 20 runs on draws at least 256 colours.
	if (platform === 'win32') return '256';
	return 'none';
}

/**
 * The colour depth to draw with, from the environment (the rules of chalk's supports-color,
 * plus NO_COLOR, which supports-color ignores). NO_COLOR wins over FORCE_COLOR: no-color.org
 * lets only a config file or a command-line flag turn colour back on, and FORCE_COLOR is
 * neither. FORCE_COLOR is a floor, not a cap, and holds even when the output is not a terminal.
 */
export function detectColorLevel(env: Readonly<Record<string, string | undefined>>, isTTY: boolean, platform?: string): ColorLevel {
	if (env.NO_COLOR) return 'none';
	const forced = forcedLevel(env.FORCE_COLOR);
	if (forced === 'none') return 'none';
	if (forced === undefined && !isTTY) return 'none';
	const floor = forced ?? 'none';
	if (env.TERM === 'dumb') return floor;
	return atLeast(floor, announcedLevel(env, platform));
}

/**
 * chalk's `level` for a colour depth. Ink colours through chalk, which picks its own level from
 * supports-color (deaf to NO_COLOR) and quietly reduces `#rrggbb` to its own 16 or 256 colours,
 * so the app sets chalk's level from `detectColorLevel` once, before the first frame.
 */
export function chalkLevel(level: ColorLevel): 0 | 1 | 2 | 3 {
	return RANK[level] as 0 | 1 | 2 | 3;
}

/** The props of Ink's `<Text>` that a role sets. */
export type RoleStyle = {
	readonly color?: string;
	readonly backgroundColor?: string;
	readonly bold?: boolean;
	readonly dimColor?: boolean;
	readonly italic?: boolean;
	readonly underline?: boolean;
	readonly inverse?: boolean;
};

/** Every role a view can ask for. */
export type Role = 'text' | 'dim' | 'emphasis' | 'heading' | 'accent' | 'status' | 'searchHit' | 'selection';

/** A theme made ready for one terminal: Ink props per role, and the colour to paint the screen, if any. */
export type ResolvedTheme = {
	readonly name: ThemeName;
	readonly level: ColorLevel;
	/** The whole screen's background, margins included; undefined leaves the terminal's own. */
	readonly background?: string;
	readonly roles: Readonly<Record<Role, RoleStyle>>;
};

// Attributes that hold at every depth, so no role is told apart by colour alone.
const ATTRIBUTES: Readonly<Record<Role, RoleStyle>> = {
	text: {},
	dim: {},
	emphasis: {italic: true},
	heading: {bold: true},
	accent: {},
	status: {},
	searchHit: {},
	selection: {bold: true},
};

// Without colour each role falls back on attributes every terminal draws. Faint is only used for
// secondary text, where a terminal that ignores it loses nothing.
const PLAIN_ROLES: Readonly<Record<Role, RoleStyle>> = {
	text: {},
	dim: {dimColor: true},
	emphasis: {italic: true},
	heading: {bold: true},
	accent: {bold: true},
	status: {inverse: true},
	searchHit: {inverse: true},
	selection: {bold: true, inverse: true},
};

/**
 * Resolves a theme for a colour depth. With no colour (NO_COLOR, not a terminal) or the
 * `terminal` theme, no role sets a colour and roles are told apart by attributes alone.
 */
export function resolveTheme(theme: Theme, level: ColorLevel): ResolvedTheme {
	const {colors} = theme;
	if (level === 'none' || !colors) return {name: theme.name, level, roles: PLAIN_ROLES};
	// 16 colours use the theme's own picks; 256 reduces the design after the theme's own picks.
	const ink: Palette<string> =
		level === '16' ? colors.ansi16 : mapPalette(level === '256' ? {...colors.design, ...colors.ansi256} : colors.design, (hex) => inkColor(hex, level));
	const fg = (role: Role, color: string): RoleStyle => ({...ATTRIBUTES[role], color});
	const both = (role: Role, {foreground, background}: Pair<string>): RoleStyle => ({...ATTRIBUTES[role], color: foreground, backgroundColor: background});
	return {
		name: theme.name,
		level,
		background: ink.background,
		roles: {
			text: fg('text', ink.text),
			dim: fg('dim', ink.dim),
			emphasis: fg('emphasis', ink.emphasis),
			heading: fg('heading', ink.heading),
			accent: fg('accent', ink.accent),
			status: both('status', ink.status),
			searchHit: both('searchHit', ink.searchHit),
			selection: both('selection', ink.selection),
		},
	};
}

/** The resolved theme that sets no colour: the `terminal` theme, or any theme without colour. */
export const PLAIN_THEME: ResolvedTheme = {name: 'terminal', level: 'none', roles: PLAIN_ROLES};
