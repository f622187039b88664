/**
 * Every key binding, declared once. The key handler and the help screen both read this table,
 * so a key can never work without being documented, or be documented without working.
 */

/** Where a binding applies: while reading, in an overlay, in a text prompt, or everywhere. */
export type KeyContext = 'reader' | 'library' | 'bookmarks' | 'contents' | 'card' | 'settings' | 'themes' | 'help' | 'prompt' | 'global';

/** Everything a key can ask for. */
export type Command =
	| 'nextPage'
	| 'prevPage'
	| 'lineDown'
	| 'lineUp'
	| 'halfDown'
	| 'halfUp'
	| 'start'
	| 'end'
	| 'library'
	| 'help'
	| 'close'
	| 'quit'
	| 'up'
	| 'down'
	| 'first'
	| 'last'
	| 'open'
	| 'addBookmark'
	| 'bookmarks'
	| 'jumpBack'
	| 'rename'
	| 'delete'
	| 'undo'
	| 'submit'
	| 'cancel'
	| 'erase'
	| 'forget'
	| 'cycleTheme'
	| 'pickTheme'
	| 'narrower'
	| 'wider'
	| 'resetWidth'
	| 'settings'
	| 'less'
	| 'more'
	| 'contents'
	| 'nextChapter'
	| 'prevChapter'
	| 'search'
	| 'nextHit'
	| 'prevHit'
	| 'goto'
	| 'card'
	| 'notes';

/** One row of the keymap: a command, the keys that trigger it, where, and its help text. */
export type Binding = {
	readonly command: Command;
	readonly keys: readonly string[];
	readonly context: KeyContext;
	readonly help: string;
	/** A word or two for the one-line key hints at the foot of a screen. */
	readonly hint?: string;
};

/** The keymap. Key names: a printable character as typed, or one of the names in `KEY_LABELS`. */
export const KEYMAP: readonly Binding[] = [
	{command: 'nextPage', keys: ['space', 'pagedown', 'right', 'l', 'f'], context: 'reader', help: 'Next page'},
	{command: 'prevPage', keys: ['pageup', 'left', 'h', 'b'], context: 'reader', help: 'Previous page'},
	{command: 'lineDown', keys: ['j', 'down'], context: 'reader', help: 'One line down'},
	{command: 'lineUp', keys: ['k', 'up'], context: 'reader', help: 'One line up'},
	{command: 'halfDown', keys: ['d'], context: 'reader', help: 'Half a page down'},
	{command: 'halfUp', keys: ['u'], context: 'reader', help: 'Half a page up'},
	{command: 'start', keys: ['g', 'home'], context: 'reader', help: 'Start of the story'},
	{command: 'end', keys: ['G', 'end'], context: 'reader', help: 'End of the story'},
	{command: 'nextChapter', keys: [']'], context: 'reader', help: 'Next chapter'},
	{command: 'prevChapter', keys: ['['], context: 'reader', help: 'Start of this chapter, or the one before'},
	{command: 'contents', keys: ['tab'], context: 'reader', help: 'Contents: chapters, and jump to one'},
	{command: 'search', keys: ['/'], context: 'reader', help: 'Search (any case, across line breaks)'},
	{command: 'nextHit', keys: ['n'], context: 'reader', help: 'Next match'},
	{command: 'prevHit', keys: ['N'], context: 'reader', help: 'Previous match'},
	{command: 'goto', keys: [':'], context: 'reader', help: 'Go to a percent (42%) or a chapter number'},
	{command: 'card', keys: ['i'], context: 'reader', help: 'Story card: author, fandom, tags, summary'},
	{command: 'notes', keys: ['a'], context: 'reader', help: "Show or fold authors' notes"},
	{command: 'addBookmark', keys: ['m'], context: 'reader', help: 'Bookmark this page (name it, Enter)'},
	{command: 'bookmarks', keys: ['B', "'"], context: 'reader', help: 'Bookmarks: list, jump, rename, delete'},
	{command: 'jumpBack', keys: ['`'], context: 'reader', help: 'Back to where the last jump left'},
	{command: 'cycleTheme', keys: ['c'], context: 'reader', help: 'Next theme'},
	{command: 'pickTheme', keys: ['C'], context: 'reader', help: 'Theme picker, previewed on this page'},
	{command: 'narrower', keys: ['-'], context: 'reader', help: 'Narrower column'},
	{command: 'wider', keys: ['+'], context: 'reader', help: 'Wider column'},
	{command: 'resetWidth', keys: ['='], context: 'reader', help: 'Default column width'},
	{command: 'settings', keys: ['S'], context: 'reader', help: 'Settings: theme, width, spacing, paragraphs, justification'},
	{command: 'library', keys: ['o'], context: 'reader', help: 'Library: open another story'},
	{command: 'help', keys: ['?'], context: 'reader', help: 'This help'},
	{command: 'up', keys: ['up', 'k'], context: 'library', help: 'Previous story', hint: 'previous'},
	{command: 'down', keys: ['down', 'j'], context: 'library', help: 'Next story', hint: 'next'},
	{command: 'first', keys: ['home', 'g'], context: 'library', help: 'First story'},
	{command: 'last', keys: ['end', 'G'], context: 'library', help: 'Last story'},
	{command: 'open', keys: ['enter'], context: 'library', help: 'Open the story', hint: 'open'},
	{command: 'close', keys: ['escape'], context: 'library', help: 'Back to the story', hint: 'back'},
	{command: 'forget', keys: ['x'], context: 'library', help: 'Remove from the library (not the file)', hint: 'remove'},
	{command: 'help', keys: ['?'], context: 'library', help: 'Help', hint: 'help'},
	{command: 'up', keys: ['up', 'k'], context: 'bookmarks', help: 'Previous bookmark'},
	{command: 'down', keys: ['down', 'j'], context: 'bookmarks', help: 'Next bookmark'},
	{command: 'first', keys: ['home', 'g'], context: 'bookmarks', help: 'First bookmark'},
	{command: 'last', keys: ['end', 'G'], context: 'bookmarks', help: 'Last bookmark'},
	{command: 'open', keys: ['enter'], context: 'bookmarks', help: 'Jump to the bookmark', hint: 'jump'},
	{command: 'rename', keys: ['r'], context: 'bookmarks', help: 'Rename the bookmark', hint: 'rename'},
	{command: 'delete', keys: ['d'], context: 'bookmarks', help: 'Delete the bookmark', hint: 'delete'},
	{command: 'undo', keys: ['u'], context: 'bookmarks', help: 'Undo the last delete', hint: 'undo'},
	{command: 'close', keys: ['escape', 'B', "'"], context: 'bookmarks', help: 'Back to the story', hint: 'back'},
	{command: 'up', keys: ['up', 'k'], context: 'contents', help: 'Previous chapter'},
	{command: 'down', keys: ['down', 'j'], context: 'contents', help: 'Next chapter'},
	{command: 'first', keys: ['home', 'g'], context: 'contents', help: 'First chapter'},
	{command: 'last', keys: ['end', 'G'], context: 'contents', help: 'Last chapter'},
	{command: 'open', keys: ['enter'], context: 'contents', help: 'Go to the chapter', hint: 'go'},
	{command: 'close', keys: ['escape', 'tab'], context: 'contents', help: 'Back to the story', hint: 'back'},
	{command: 'down', keys: ['down', 'j', 'space', 'pagedown'], context: 'card', help: 'Scroll down', hint: 'scroll'},
	{command: 'up', keys: ['up', 'k', 'pageup'], context: 'card', help: 'Scroll up'},
	{command: 'close', keys: ['escape', 'i'], context: 'card', help: 'Back to the story', hint: 'back'},
	{command: 'up', keys: ['up', 'k'], context: 'settings', help: 'Previous setting'},
	{command: 'down', keys: ['down', 'j'], context: 'settings', help: 'Next setting'},
	{command: 'less', keys: ['left', 'h'], context: 'settings', help: 'Change the value (back)', hint: 'change'},
	{command: 'more', keys: ['right', 'l', 'enter', 'space'], context: 'settings', help: 'Change the value'},
	{command: 'close', keys: ['escape', 'S'], context: 'settings', help: 'Back to the story', hint: 'back'},
	{command: 'up', keys: ['up', 'k'], context: 'themes', help: 'Previous theme (shown at once)'},
	{command: 'down', keys: ['down', 'j', 'C', 'c'], context: 'themes', help: 'Next theme (shown at once)', hint: 'next'},
	{command: 'open', keys: ['enter'], context: 'themes', help: 'Keep this theme', hint: 'keep'},
	{command: 'cancel', keys: ['escape'], context: 'themes', help: 'Go back to the theme before', hint: 'revert'},
	{command: 'submit', keys: ['enter'], context: 'prompt', help: 'Keep the name', hint: 'keep'},
	{command: 'cancel', keys: ['escape'], context: 'prompt', help: 'Cancel', hint: 'cancel'},
	{command: 'erase', keys: ['backspace'], context: 'prompt', help: 'Erase a character'},
	{command: 'quit', keys: ['ctrl+c'], context: 'prompt', help: 'Quit (your place is saved)'},
	{command: 'down', keys: ['down', 'j', 'space', 'pagedown'], context: 'help', help: 'Scroll down', hint: 'scroll'},
	{command: 'up', keys: ['up', 'k', 'pageup'], context: 'help', help: 'Scroll up'},
	{command: 'close', keys: ['escape', '?'], context: 'help', help: 'Close help', hint: 'close'},
	{command: 'quit', keys: ['q', 'ctrl+c'], context: 'global', help: 'Quit (your place is saved)', hint: 'quit'},
];

/** How named keys are written in the help screen. */
export const KEY_LABELS: Readonly<Record<string, string>> = {
	space: 'Space',
	pagedown: 'PgDn',
	pageup: 'PgUp',
	right: '→',
	left: '←',
	up: '↑',
	down: '↓',
	home: 'Home',
	end: 'End',
	enter: 'Enter',
	escape: 'Esc',
	tab: 'Tab',
	backspace: 'Backspace',
	'ctrl+c': 'Ctrl-C',
};

/** The command bound to `key` in `context` (bindings of the context win over global ones). */
export function commandFor(context: Exclude<KeyContext, 'global'>, key: string): Command | undefined {
	const local = KEYMAP.find((b) => b.context === context && b.keys.includes(key));
	// In a text prompt every other key is text, so the global single-letter keys do not apply.
	if (local || context === 'prompt') return local?.command;
	return KEYMAP.find((b) => b.context === 'global' && b.keys.includes(key))?.command;
}

/** The help screen's lines for one context: each binding's keys, then what it does. */
export function helpRows(context: KeyContext): Array<{keys: string; help: string}> {
	return KEYMAP.filter((b) => b.context === context).map((b) => ({keys: b.keys.map(keyLabel).join(' '), help: b.help}));
}

/** How a key is written for people: `PgDn`, `→`, `Ctrl-C`, or the character itself. */
export function keyLabel(key: string): string {
	return KEY_LABELS[key] ?? key;
}

/** What each screen's help section is called, in the order the help screen shows them. */
export const HELP_SECTIONS: ReadonlyArray<readonly [KeyContext, string]> = [
	['reader', 'Reading'],
	['library', 'Library'],
	['bookmarks', 'Bookmarks'],
	['contents', 'Contents'],
	['card', 'Story card'],
	['settings', 'Settings'],
	['themes', 'Theme picker'],
	['prompt', 'Typing a bookmark name, a search or a place to go'],
	['help', 'This help'],
	['global', 'Everywhere'],
];

/** One line of the help screen. */
export type HelpLine = {readonly text: string; readonly heading: boolean};

/** The whole help screen, generated from the keymap: a section per context, a line per binding. */
export function helpLines(): HelpLine[] {
	const sections = HELP_SECTIONS.map(([context, title]) => [title, helpRows(context)] as const);
	const width = Math.max(...sections.flatMap(([, rows]) => rows.map((row) => row.keys.length))) + 2;
	const lines: HelpLine[] = [{text: `Lectern keys · ${hintLine('help')}`, heading: true}];
	for (const [title, rows] of sections) {
		lines.push({text: '', heading: false}, {text: title, heading: true});
		for (const row of rows) lines.push({text: `  ${row.keys.padEnd(width)}${row.help}`, heading: false});
	}
	return lines;
}

/** The one-line key hint for a screen: "Enter open · Esc back · q quit", from the bindings' hints. */
export function hintLine(context: Exclude<KeyContext, 'global'>): string {
	return KEYMAP.filter((b) => (b.context === context || (b.context === 'global' && context !== 'prompt')) && b.hint)
		.map((b) => `${keyLabel(b.keys[0]!)} ${b.hint}`)
		.join(' · ');
}
