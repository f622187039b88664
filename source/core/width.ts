/**
 * Terminal cell widths. Prose is overwhelmingly made of characters one cell wide, so the common
 * case is a char-code scan; anything else goes through a grapheme-aware measurement.
 */
import {eastAsianWidth} from 'get-east-asian-width';

/** True when every UTF-16 unit of `text[start, end)` is a character exactly one cell wide. */
export function isNarrowRun(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		// Printable ASCII and Latin-1/Latin Extended letters (combining marks start at U+0300).
		if (c >= 0x20 && c < 0x300 && c !== 0x7f && c !== 0xad && (c < 0x80 || c >= 0xa0)) continue;
		// General punctuation: curly quotes, dashes, ellipsis; but not the zero-width or bidi ones.
		if (c >= 0x2010 && c <= 0x2027) continue;
		if (c >= 0x2030 && c <= 0x205e) continue;
		return false;
	}
	return true;
}

const segmenter = new Intl.Segmenter(undefined, {granularity: 'grapheme'});

/** Width in cells of one grapheme cluster. */
export function graphemeWidth(grapheme: string): number {
	const first = grapheme.codePointAt(0) ?? 0;
	if (first < 0x20 || (first >= 0x7f && first < 0xa0)) return 0;
	if (ZERO_WIDTH.test(grapheme)) return 0;
	// Emoji shown as emoji (by default, by VS16 or as a flag) take two cells in terminals.
	if (WIDE_EMOJI.test(grapheme)) return 2;
	return eastAsianWidth(first);
}

const WIDE_EMOJI = /\p{Emoji_Presentation}|\p{Regional_Indicator}|\p{Extended_Pictographic}\uFE0F/u;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u200B-\u200F\uFE00-\uFE0F\u00AD]+$/u;

/** Splits `text` into grapheme clusters. */
export function graphemes(text: string): string[] {
	return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Width of `text[start, end)` in terminal cells. */
export function cellWidth(text: string, start = 0, end = text.length): number {
	if (isNarrowRun(text, start, end)) return end - start;
	let width = 0;
	for (const grapheme of graphemes(text.slice(start, end))) width += graphemeWidth(grapheme);
	return width;
}
