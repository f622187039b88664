import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {keyNames} from './keys.js';

const plain = {} as Key;

describe('keyNames', () => {
	it.each([
		['one character', 'a', plain, ['a']],
		['keys typed faster than they are read', 'ab ', plain, ['a', 'b', 'space']],
		['Ctrl-U before typed text in one read: never typed text itself', '\u0015prince', plain, ['ctrl+u', 'p', 'r', 'i', 'n', 'c', 'e']],
		['Escape, Tab, Delete and Enter among other keys', 'a\u001B\t\u007F\r', plain, ['a', 'escape', 'tab', 'backspace', 'enter']],
		['Ctrl-C as Ink names it', 'c', {...plain, ctrl: true}, ['ctrl+c']],
		['an arrow key', '', {...plain, downArrow: true}, ['down']],
	])('%s', (_name, input, key, names) => {
		expect(keyNames(input, key)).toEqual(names);
	});
});
