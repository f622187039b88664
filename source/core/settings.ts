/**
 * The reader's settings as data: their values, how the settings screen steps through them, and
 * how untrusted values (a hand-edited file, a flag) are checked. The column width is in cells.
 */
import {DEFAULT_PACE} from './pace.js';
import {type ThemeName, findTheme, themeNames} from './themes.js';

/** Every setting the reader keeps between runs. */
export type ReaderSettings = {
	readonly theme: ThemeName;
	readonly width: number;
	readonly justify: boolean;
	readonly hyphenate: boolean;
	readonly paragraphStyle: 'spaced' | 'indented';
	readonly spacing: 1 | 2;
	/** The reader's pace in words a minute, learnt from page turns: for "time left". */
	readonly pace: number;
	/** Authors' notes folded away (one row per run of them) or shown in full. */
	readonly notes: 'folded' | 'open';
};

/** The narrowest column; the widest is the terminal. */
export const MIN_WIDTH = 20;
/** Wider than any terminal: "as wide as the window". */
export const MAX_WIDTH = 400;
/** A comfortable line of 60-75 characters. */
export const DEFAULT_WIDTH = 68;
const WIDTH_STEP = 4;

/** What a first run looks like. */
export const DEFAULT_SETTINGS: ReaderSettings = {
	theme: 'terminal',
	width: DEFAULT_WIDTH,
	justify: false,
	hyphenate: false,
	paragraphStyle: 'spaced',
	spacing: 1,
	pace: DEFAULT_PACE,
	notes: 'folded',
};

/** One row of the settings screen. */
export type SettingField = {
	readonly key: keyof ReaderSettings;
	readonly label: string;
	/** The value as the screen shows it. */
	show(settings: ReaderSettings): string;
	/** The value one step along (`by` is -1 or 1). */
	step(settings: ReaderSettings, by: number): ReaderSettings;
};

const cycle = <T>(values: readonly T[], current: T, by: number): T => values[(values.indexOf(current) + by + values.length) % values.length]!;

/** The settings screen's rows, in order. */
export const SETTING_FIELDS: readonly SettingField[] = [
	{key: 'theme', label: 'Theme', show: (s) => s.theme, step: (s, by) => ({...s, theme: cycle(themeNames(), s.theme, by)})},
	{key: 'width', label: 'Column width', show: (s) => `${s.width} cells`, step: (s, by) => withWidth(s, s.width + by * WIDTH_STEP)},
	{key: 'spacing', label: 'Line spacing', show: (s) => (s.spacing === 2 ? 'double' : 'single'), step: (s) => ({...s, spacing: s.spacing === 2 ? 1 : 2})},
	{
		key: 'paragraphStyle',
		label: 'Paragraphs',
		show: (s) => (s.paragraphStyle === 'indented' ? 'first-line indent' : 'blank line between'),
		step: (s) => ({...s, paragraphStyle: s.paragraphStyle === 'indented' ? 'spaced' : 'indented'}),
	},
	{key: 'justify', label: 'Alignment', show: (s) => (s.justify ? 'justified' : 'ragged right'), step: (s) => ({...s, justify: !s.justify})},
	{key: 'notes', label: "Authors' notes", show: (s) => (s.notes === 'open' ? 'shown' : 'folded'), step: (s) => ({...s, notes: s.notes === 'open' ? 'folded' : 'open'})},
	{key: 'hyphenate', label: 'Hyphenation', show: (s) => (s.hyphenate ? 'on (English)' : 'off'), step: (s) => ({...s, hyphenate: !s.hyphenate})},
];

/** Settings with the column width set, kept within its bounds. */
export function withWidth(settings: ReaderSettings, width: number): ReaderSettings {
	return {...settings, width: Math.max(MIN_WIDTH, Math.min(MAX_WIDTH, Math.round(width)))};
}

/** How much `-` and `+` change the column. */
export function widthStep(settings: ReaderSettings, by: number): ReaderSettings {
	return withWidth(settings, settings.width + by * WIDTH_STEP);
}

/** The valid settings among untrusted values: anything wrong or unknown is dropped, never fatal. */
export function checkSettings(value: Readonly<Record<string, unknown>>): Partial<ReaderSettings> {
	const result: {-readonly [K in keyof ReaderSettings]?: ReaderSettings[K]} = {};
	const {theme, width, justify, hyphenate, paragraphStyle, spacing, pace, notes} = value;
	if (typeof theme === 'string' && findTheme(theme)) result.theme = theme as ThemeName;
	if (typeof width === 'number' && Number.isInteger(width) && width >= MIN_WIDTH && width <= MAX_WIDTH) result.width = width;
	if (typeof justify === 'boolean') result.justify = justify;
	if (typeof hyphenate === 'boolean') result.hyphenate = hyphenate;
	if (paragraphStyle === 'spaced' || paragraphStyle === 'indented') result.paragraphStyle = paragraphStyle;
	if (spacing === 1 || spacing === 2) result.spacing = spacing;
	if (typeof pace === 'number' && pace >= 60 && pace <= 1200) result.pace = Math.round(pace);
	if (notes === 'folded' || notes === 'open') result.notes = notes;
	return result;
}
