import {describe, expect, it} from 'vitest';
import {KEYMAP, commandFor, helpRows} from './keymap.js';

describe('keymap', () => {
	it.each([
		['reader', 'space', 'nextPage'],
		['reader', 'pagedown', 'nextPage'],
		['reader', 'right', 'nextPage'],
		['reader', 'l', 'nextPage'],
		['reader', 'f', 'nextPage'],
		['reader', 'b', 'prevPage'],
		['reader', 'pageup', 'prevPage'],
		['reader', 'j', 'lineDown'],
		['reader', 'k', 'lineUp'],
		['reader', 'd', 'halfDown'],
		['reader', 'u', 'halfUp'],
		['reader', 'g', 'start'],
		['reader', 'home', 'start'],
		['reader', 'G', 'end'],
		['reader', 'end', 'end'],
		['reader', 'o', 'library'],
		['reader', '?', 'help'],
		['reader', 'q', 'quit'],
		['reader', 'ctrl+c', 'quit'],
		['library', 'enter', 'open'],
		['library', 'j', 'down'],
		['library', 'escape', 'close'],
		['library', 'q', 'quit'],
		['help', 'escape', 'close'],
		['help', '?', 'close'],
		['help', 'ctrl+c', 'quit'],
		['reader', 'm', 'addBookmark'],
		['reader', 'B', 'bookmarks'],
		['reader', "'", 'bookmarks'],
		['reader', '`', 'jumpBack'],
		['bookmarks', 'enter', 'open'],
		['bookmarks', 'r', 'rename'],
		['bookmarks', 'd', 'delete'],
		['bookmarks', 'u', 'undo'],
		['bookmarks', 'escape', 'close'],
		['library', 'x', 'forget'],
		['prompt', 'enter', 'submit'],
		['prompt', 'escape', 'cancel'],
		['prompt', 'backspace', 'erase'],
		['prompt', 'ctrl+c', 'quit'],
	] as const)('in %s, %s means %s', (context, key, command) => {
		expect(commandFor(context, key)).toBe(command);
	});

	it.each([
		['reader', 'z'],
		['prompt', 'q'],
		['prompt', 'j'],
		['reader', 'x'],
		['reader', 'enter'],
		['help', 'x'],
		['library', 'b'],
	] as const)('in %s, %s does nothing', (context, key) => {
		expect(commandFor(context, key)).toBeUndefined();
	});

	it('never binds one key to two commands in the same context', () => {
		for (const context of ['reader', 'library', 'help', 'global'] as const) {
			const keys = KEYMAP.filter((b) => b.context === context).flatMap((b) => b.keys);
			expect(new Set(keys).size).toBe(keys.length);
		}
	});

	it('never uses b for anything but previous page', () => {
		expect(KEYMAP.filter((b) => b.keys.includes('b')).map((b) => b.command)).toEqual(['prevPage']);
	});

	it('writes the help from the table, with readable key names', () => {
		const rows = helpRows('reader');
		expect(rows).toHaveLength(KEYMAP.filter((b) => b.context === 'reader').length);
		expect(rows[0]).toEqual({keys: 'Space PgDn → l f', help: 'Next page'});
	});
});
