/** Fitting text into a number of terminal cells. */
import {cellWidth, graphemes, graphemeWidth} from './width.js';

/** Cuts `text` to at most `width` cells, marking the cut with an ellipsis. */
export function fit(text: string, width: number): string {
	if (width <= 0) return '';
	if (cellWidth(text) <= width) return text;
	let out = '';
	let used = 0;
	for (const grapheme of graphemes(text)) {
		const w = graphemeWidth(grapheme);
		if (used + w > width - 1) break;
		out += grapheme;
		used += w;
	}
	return `${out}…`;
}
