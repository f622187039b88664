/** Turns Ink's key events into the key names the keymap uses. */
import type {Key} from 'ink';

/**
 * The keymap's names for one input event. Keys typed faster than they are read (or pasted)
 * arrive as one string of characters; each character is a key press of its own.
 */
export function keyNames(input: string, key: Key): string[] {
	const special = key.pageDown || key.pageUp || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.ctrl || key.meta;
	if (!special && input.length > 1) return Array.from(input, (char) => keyName(char, key));
	return [keyName(input, key)];
}

/** The keymap's name for a key press: a named key, `ctrl+x`, or the character typed. */
export function keyName(input: string, key: Key): string {
	if (key.pageDown) return 'pagedown';
	if (key.pageUp) return 'pageup';
	if (key.rightArrow) return 'right';
	if (key.leftArrow) return 'left';
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.home) return 'home';
	if (key.end) return 'end';
	// A newline is Enter too: keys typed before raw mode is on arrive through the line discipline.
	if (key.return || input === '\n' || input === '\r') return 'enter';
	if (key.escape) return 'escape';
	if (key.tab) return 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
	if (input === ' ') return 'space';
	// A control character among other keys in one read, where Ink names none of them: named as
	// Ink names it alone, so that it is never taken for a typed character.
	const code = input.length === 1 ? input.charCodeAt(0) : -1;
	if (code === 0x1b) return 'escape';
	if (code === 0x09) return 'tab';
	if (code === 0x7f || code === 0x08) return 'backspace';
	if (code >= 0 && code < 0x20) return `ctrl+${String.fromCharCode(code + 0x60)}`;
	return input;
}
