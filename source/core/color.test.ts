import {describe, expect, it} from 'vitest';
import {
	type ColorLevel,
	PLAIN_THEME,
	XTERM_16,
	chalkLevel,
	contrastRatio,
	detectColorLevel,
	inkColor,
	parseHex,
	relativeLuminance,
	resolveTheme,
	toAnsi16,
	toAnsi256,
	toHex,
	xterm256Rgb,
} from './color.js';
import {THEMES, findTheme} from './themes.js';

const LEVELS: readonly ColorLevel[] = ['none', '16', '256', 'truecolor'];

function themeNamed(name: string) {
	const theme = findTheme(name);
	if (!theme) throw new Error(`no theme ${name}`);
	return theme;
}

describe('detectColorLevel', () => {
	const tty = true;
	const pipe = false;
	it.each<[string, Record<string, string | undefined>, boolean, ColorLevel]>([
		['NO_COLOR turns colour off in a 256-colour terminal', {NO_COLOR: '1', TERM: 'xterm-256color'}, tty, 'none'],
		['NO_COLOR turns colour off whatever its value', {NO_COLOR: '0', COLORTERM: 'truecolor'}, tty, 'none'],
		['an empty NO_COLOR is ignored', {NO_COLOR: '', TERM: 'xterm-256color'}, tty, '256'],
		['NO_COLOR wins over FORCE_COLOR', {NO_COLOR: '1', FORCE_COLOR: '3'}, tty, 'none'],
		['FORCE_COLOR=0 turns colour off', {FORCE_COLOR: '0', TERM: 'xterm-256color'}, tty, 'none'],
		['FORCE_COLOR=false turns colour off', {FORCE_COLOR: 'false', COLORTERM: 'truecolor'}, tty, 'none'],
		['FORCE_COLOR=1 forces 16 colours into a pipe', {FORCE_COLOR: '1'}, pipe, '16'],
		['FORCE_COLOR=true forces 16 colours into a pipe', {FORCE_COLOR: 'true'}, pipe, '16'],
		['FORCE_COLOR=2 forces 256 colours', {FORCE_COLOR: '2'}, pipe, '256'],
		['FORCE_COLOR=3 forces 24-bit colour', {FORCE_COLOR: '3'}, pipe, 'truecolor'],
		['FORCE_COLOR above 3 means 24-bit colour', {FORCE_COLOR: '16'}, pipe, 'truecolor'],
		['any other non-empty FORCE_COLOR forces 16 colours', {FORCE_COLOR: 'yes'}, pipe, '16'],
		['an empty FORCE_COLOR is ignored', {FORCE_COLOR: ''}, pipe, 'none'],
		['FORCE_COLOR is a floor: the terminal may announce more', {FORCE_COLOR: '1', COLORTERM: 'truecolor'}, tty, 'truecolor'],
		['FORCE_COLOR holds on a dumb terminal', {FORCE_COLOR: '2', TERM: 'dumb'}, tty, '256'],
		['a dumb terminal gets no colour', {TERM: 'dumb', COLORTERM: 'truecolor'}, tty, 'none'],
		['output that is not a terminal gets no colour', {TERM: 'xterm-256color', COLORTERM: 'truecolor'}, pipe, 'none'],
		['COLORTERM=truecolor means 24-bit colour', {TERM: 'xterm-256color', COLORTERM: 'truecolor'}, tty, 'truecolor'],
		['COLORTERM=24bit means 24-bit colour', {TERM: 'xterm', COLORTERM: '24bit'}, tty, 'truecolor'],
		['kitty draws 24-bit colour', {TERM: 'xterm-kitty'}, tty, 'truecolor'],
		['Windows Terminal draws 24-bit colour', {WT_SESSION: 'f00'}, tty, 'truecolor'],
		['iTerm2 from version 3 draws 24-bit colour', {TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '3.5.0'}, tty, 'truecolor'],
		['older iTerm2 draws 256 colours', {TERM_PROGRAM: 'iTerm.app', TERM_PROGRAM_VERSION: '2.9'}, tty, '256'],
		["Apple's Terminal draws 256 colours", {TERM_PROGRAM: 'Apple_Terminal', TERM: 'xterm'}, tty, '256'],
		['TERM ending in -256color means 256 colours', {TERM: 'xterm-256color'}, tty, '256'],
		['screen-256color means 256 colours', {TERM: 'screen-256color'}, tty, '256'],
		['tmux-256color means 256 colours', {TERM: 'tmux-256color'}, tty, '256'],
		['TERM ending in -256colors means 256 colours', {TERM: 'putty-256colors'}, tty, '256'],
		['xterm means 16 colours', {TERM: 'xterm'}, tty, '16'],
		['screen means 16 colours', {TERM: 'screen'}, tty, '16'],
		['vt100 means 16 colours', {TERM: 'vt100'}, tty, '16'],
		['the Linux console means 16 colours', {TERM: 'linux'}, tty, '16'],
		['ansi means 16 colours', {TERM: 'ansi'}, tty, '16'],
		['cygwin means 16 colours', {TERM: 'cygwin'}, tty, '16'],
		['rxvt means 16 colours', {TERM: 'rxvt-unicode'}, tty, '16'],
		['a TERM that mentions colour means 16 colours', {TERM: 'xterm-color'}, tty, '16'],
		['any COLORTERM means at least 16 colours', {TERM: 'unknown', COLORTERM: 'yes'}, tty, '16'],
		['an unknown terminal gets no colour', {TERM: 'unknown'}, tty, 'none'],
		['an empty environment gets no colour', {}, tty, 'none'],
	])('%s', (_, env, isTTY, level) => {
		expect(detectColorLevel(env, isTTY)).toBe(level);
	});

	it('gives a Windows console without TERM 256 colours', () => {
		expect(detectColorLevel({}, true, 'win32')).toBe('256');
		expect(detectColorLevel({}, true, 'linux')).toBe('none');
	});

	it('gives a Windows console no colour when the output is piped', () => {
		expect(detectColorLevel({}, false, 'win32')).toBe('none');
	});
});

describe('chalkLevel', () => {
	it.each([
		['none', 0],
		['16', 1],
		['256', 2],
		['truecolor', 3],
	] as const)('gives %s chalk level %i', (level, chalk) => {
		expect(chalkLevel(level)).toBe(chalk);
	});
});

describe('hex colours', () => {
	it('reads and writes #rrggbb in either case', () => {
		expect(parseHex('#FF8000')).toEqual([255, 128, 0]);
		expect(toHex([255, 128, 0])).toBe('#ff8000');
	});

	it.each(['#fff', 'red', 'ff0000', '#gg0000', '#ff00001'])('rejects %s', (bad) => {
		expect(() => parseHex(bad)).toThrow(/#rrggbb/);
	});
});

describe('toAnsi256', () => {
	it.each([
		['#000000', 16],
		['#ffffff', 231],
		['#ff0000', 196],
		['#00ff00', 46],
		['#0000ff', 21],
		['#5f87af', 67],
		['#808080', 244],
		['#444444', 238],
		['#767676', 243],
		['#1c1e24', 234],
	])('maps %s to %i', (hex, index) => {
		expect(toAnsi256(hex)).toBe(index);
	});

	it('puts greys on the grey ramp, not on the cube', () => {
		for (let v = 20; v <= 235; v += 5) {
			const hex = toHex([v, v, v]);
			const index = toAnsi256(hex);
			// The cube's own greys (95, 135, 175, 215) are as good where they are nearest.
			const cubeGreys = [59, 102, 145, 188];
			expect(index >= 232 || cubeGreys.includes(index), `${hex} -> ${index}`).toBe(true);
		}
	});

	it('maps every fixed xterm colour (16-255) to itself', () => {
		for (let index = 16; index <= 255; index++) expect(toAnsi256(toHex(xterm256Rgb(index)))).toBe(index);
	});

	it('never picks the user-defined colours 0-15', () => {
		for (const hex of Object.values(XTERM_16)) expect(toAnsi256(hex)).toBeGreaterThanOrEqual(16);
	});

	it('knows the cube and the grey ramp', () => {
		expect(xterm256Rgb(16)).toEqual([0, 0, 0]);
		expect(xterm256Rgb(67)).toEqual([95, 135, 175]);
		expect(xterm256Rgb(232)).toEqual([8, 8, 8]);
		expect(xterm256Rgb(255)).toEqual([238, 238, 238]);
		expect(() => xterm256Rgb(15)).toThrow();
		expect(() => xterm256Rgb(256)).toThrow();
	});
});

describe('toAnsi16', () => {
	it.each([
		['#000000', 'black'],
		['#ffffff', 'whiteBright'],
		['#cd0000', 'red'],
		['#ff0000', 'redBright'],
		['#808080', 'blackBright'],
		['#e0e0e0', 'white'],
		['#0000c0', 'blue'],
	])('maps %s to %s', (hex, name) => {
		expect(toAnsi16(hex)).toBe(name);
	});

	it('measures against the palette it is given', () => {
		const vga = {...XTERM_16, yellow: '#aa5500', red: '#aa0000'} as const;
		expect(toAnsi16('#a05000', vga)).toBe('yellow');
	});
});

describe('inkColor', () => {
	it('writes what Ink\'s <Text color> accepts at each depth', () => {
		expect(inkColor('#FF0000', 'truecolor')).toBe('#ff0000');
		expect(inkColor('#ff0000', '256')).toBe('ansi256(196)');
		expect(inkColor('#ff0000', '16')).toBe('redBright');
	});
});

describe('contrastRatio', () => {
	it.each([
		['#000000', '#ffffff', 21],
		['#ffffff', '#000000', 21],
		['#777777', '#777777', 1],
		['#767676', '#ffffff', 4.54],
		['#777777', '#ffffff', 4.48],
		['#0000ff', '#ffffff', 8.59],
		['#ff0000', '#ffffff', 4],
	])('%s on %s is %d:1', (a, b, ratio) => {
		expect(contrastRatio(a, b)).toBeCloseTo(ratio, 2);
	});

	it('uses WCAG relative luminance', () => {
		expect(relativeLuminance('#000000')).toBe(0);
		expect(relativeLuminance('#ffffff')).toBeCloseTo(1, 10);
		expect(relativeLuminance('#808080')).toBeCloseTo(0.2159, 4);
	});
});

describe('resolveTheme', () => {
	const colourKeys = ['color', 'backgroundColor'] as const;

	it.each(THEMES.flatMap((theme) => LEVELS.map((level) => [theme.name, level] as const)))('resolves %s at %s for every role', (name, level) => {
		const resolved = resolveTheme(themeNamed(name), level);
		expect(resolved.name).toBe(name);
		expect(resolved.level).toBe(level);
		expect(Object.keys(resolved.roles).sort()).toEqual(['accent', 'dim', 'emphasis', 'heading', 'searchHit', 'selection', 'status', 'text']);
		const colours = Object.values(resolved.roles).flatMap((style) => colourKeys.map((key) => style[key]).filter((c) => c !== undefined));
		if (resolved.background !== undefined) colours.push(resolved.background);
		const format = {
			none: /^$/,
			'16': new RegExp(`^(${Object.keys(XTERM_16).join('|')})$`),
			'256': /^ansi256\((1[6-9]|[2-9]\d|1\d\d|2[0-5]\d)\)$/,
			truecolor: /^#[\da-f]{6}$/,
		}[level];
		for (const colour of colours) expect(colour).toMatch(format);
	});

	it.each(THEMES.map((theme) => theme.name))('sets no colour at all for %s without colour', (name) => {
		const resolved = resolveTheme(themeNamed(name), 'none');
		expect(resolved.background).toBeUndefined();
		for (const style of Object.values(resolved.roles)) {
			expect(style.color).toBeUndefined();
			expect(style.backgroundColor).toBeUndefined();
		}
	});

	it.each(LEVELS)('sets no colour at all for the terminal theme at %s', (level) => {
		const resolved = resolveTheme(themeNamed('terminal'), level);
		expect(resolved.name).toBe('terminal');
		expect(resolved.background).toBeUndefined();
		expect(JSON.stringify(resolved.roles)).not.toMatch(/"(color|backgroundColor)"/);
	});

	it('keeps every role visible without colour, through attributes alone', () => {
		const {roles} = resolveTheme(themeNamed('dark'), 'none');
		expect(roles.heading).toMatchObject({bold: true});
		expect(roles.emphasis).toMatchObject({italic: true});
		expect(roles.dim).toMatchObject({dimColor: true});
		expect(roles.status).toMatchObject({inverse: true});
		expect(roles.searchHit).toMatchObject({inverse: true});
		expect(roles.selection).toMatchObject({inverse: true, bold: true});
		expect(roles.accent).toMatchObject({bold: true});
		expect(roles.text).toEqual({});
	});

	it('never dims coloured text with the faint attribute, which would undo the measured contrast', () => {
		for (const theme of THEMES.filter((t) => t.colors)) {
			for (const level of ['16', '256', 'truecolor'] as const) {
				for (const style of Object.values(resolveTheme(theme, level).roles)) expect(style.dimColor).toBeUndefined();
			}
		}
	});

	it('keeps headings bold and emphasis italic in colour too', () => {
		const {roles} = resolveTheme(themeNamed('sepia'), 'truecolor');
		expect(roles.heading).toMatchObject({bold: true, color: '#5a3514'});
		expect(roles.emphasis).toMatchObject({italic: true, color: '#7a2e12'});
		expect(roles.status).toEqual({color: '#f4ecd8', backgroundColor: '#5b4636'});
	});

	it('uses the theme\'s hand-picked colours at 16 colours and the nearest xterm colours at 256', () => {
		const dark = themeNamed('dark');
		expect(resolveTheme(dark, '16')).toMatchObject({background: 'black', roles: {text: {color: 'white'}}});
		expect(resolveTheme(dark, '256')).toMatchObject({background: 'ansi256(234)', roles: {text: {color: 'ansi256(188)'}}});
	});

	it('describes the colourless theme as PLAIN_THEME', () => {
		expect(resolveTheme(themeNamed('terminal'), 'none')).toEqual(PLAIN_THEME);
	});
});
