/** Turns Ink's key events into the key names the keymap uses. */
import type {Key} from 'ink';

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
	if (key.return) return 'enter';
	if (key.escape) return 'escape';
	if (key.tab) return 'tab';
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input) return `ctrl+${input.toLowerCase()}`;
	if (input === ' ') return 'space';
	return input;
}
