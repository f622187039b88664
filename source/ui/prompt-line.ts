/** The one-line text prompt, as the status line shows it while a bookmark is being named. */
import {hintLine} from '../core/keymap.js';
import type {Prompt} from '../core/reader.js';
import {graphemes, graphemeWidth} from '../core/width.js';

const LABELS: Record<Prompt['purpose'], string> = {add: 'Bookmark: ', rename: 'Rename: ', search: 'Search: ', goto: 'Go to (42% or chapter): '};

/** "Bookmark: name▏ (Enter keep · Esc cancel)" in `width` cells; a long name shows its end. */
export function promptLine(prompt: Prompt, width: number): string {
	const label = LABELS[prompt.purpose];
	const hint = `  (${hintLine('prompt')})`;
	const room = Math.max(1, width - label.length - 1 - (width - label.length > 30 ? hint.length : 0));
	const text = tail(prompt.text, room);
	const line = `${label}${text}▏`;
	return width - label.length > 30 ? line + hint : line;
}

// The last graphemes of `text` that fit in `width` cells: the cursor end stays visible.
function tail(text: string, width: number): string {
	const parts = graphemes(text);
	let used = 0;
	let from = parts.length;
	while (from > 0 && used + graphemeWidth(parts[from - 1]!) <= width) used += graphemeWidth(parts[--from]!);
	return (from > 0 ? '…' : '') + parts.slice(from + (from > 0 ? 1 : 0)).join('');
}
