/**
 * Terminal cell widths. Prose is overwhelmingly made of characters one cell wide, so the common
 * case is a char-code scan; anything else goes through a grapheme-aware measurement.
 */
import {eastAsianWidth} from 'get-east-asian-width';

/** True when every UTF-16 unit of `text[start, end)` is a character exactly one cell wide. */
export function isNarrowRun(text: string, start: number, end: number): boolean {
	for (let i = start; i < end; i++) if (!isNarrowCode(text.charCodeAt(i))) return false;
	return true;
}

/** True for a UTF-16 unit that is, on its own, a character exactly one cell wide. */
export function isNarrowCode(c: number): boolean {
	// Printable ASCII and Latin-1/Latin Extended letters (combining marks start at U+0300).
	if (c >= 0x20 && c < 0x300) return c !== 0x7f && c !== 0xad && (c < 0x80 || c >= 0xa0);
	// General punctuation: curly quotes, dashes, ellipsis; but not the zero-width or bidi ones.
	return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e);
}

// Made on first use: the first Intl.Segmenter loads ICU's break rules, about 20 ms at start-up
// here, and a page of plain prose never needs it.
let segmenter: Intl.Segmenter | undefined;

/**
 * Width in cells of one grapheme cluster. Terminals disagree about emoji sequences: some draw a
 * ZWJ family or a skin-toned hand as one glyph of two cells, most (VTE, xterm) draw each part
 * with its own width. The wider reading is the one that can never overflow a line, so a cluster
 * is as wide as the widest of the two.
 */
export function graphemeWidth(grapheme: string): number {
	const first = grapheme.codePointAt(0) ?? 0;
	if (first < 0x20 || (first >= 0x7f && first < 0xa0)) return 0;
	if (ZERO_WIDTH.test(grapheme)) return 0;
	// Emoji shown as emoji (by default, by VS16 or as a flag) take two cells in terminals.
	const clustered = WIDE_EMOJI.test(grapheme) ? 2 : eastAsianWidth(first);
	return grapheme.length > 1 ? Math.max(clustered, partsWidth(grapheme)) : clustered;
}

// The width of a cluster drawn code point by code point (Unicode 11 widths, as VTE and xterm use).
function partsWidth(grapheme: string): number {
	let width = 0;
	for (const part of grapheme) {
		if (ZERO_WIDTH.test(part)) continue;
		const code = part.codePointAt(0)!;
		width += EMOJI_PRESENTATION.test(part) ? 2 : code >= 0x1f1e6 && code <= 0x1f1ff ? 1 : eastAsianWidth(code);
	}
	return width;
}

const WIDE_EMOJI = /\p{Emoji_Presentation}|\p{Regional_Indicator}|\p{Extended_Pictographic}\uFE0F/u;
const EMOJI_PRESENTATION = /\p{Emoji_Presentation}/u;
const ZERO_WIDTH = /^[\p{Mn}\p{Me}\p{Cf}\u200B-\u200F\uFE00-\uFE0F\u00AD]+$/u;

/** Splits `text` into grapheme clusters. */
export function graphemes(text: string): string[] {
	segmenter ??= new Intl.Segmenter(undefined, {granularity: 'grapheme'});
	return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** Width of `text[start, end)` in terminal cells. */
export function cellWidth(text: string, start = 0, end = text.length): number {
	if (isNarrowRun(text, start, end)) return end - start;
	let width = 0;
	for (const grapheme of graphemes(text.slice(start, end))) width += graphemeWidth(grapheme);
	return width;
}
