/**
 * Makes untrusted text safe to draw: no control character from a story may reach the terminal.
 *
 * Written by hand because strip-ansi and friends remove well-formed sequences only and let C1
 * controls and unterminated sequences through. This is an allow-list: every code point that could
 * start or carry a terminal command is replaced, one UTF-16 unit for one, so offsets never move.
 */

const REPLACEMENT = '\uFFFD';

/** Returns `text` with every control character replaced by a harmless visible stand-in. */
export function sanitize(text: string): string {
	// Fast path: most text holds no character this function would touch.
	if (!UNSAFE.test(text)) return text;
	return text.replace(UNSAFE_GLOBAL, replacement);
}

// C0 controls except tab and newline, DEL, C1 controls, bidi embeddings/overrides/isolates,
// and the line/paragraph separators that some terminals treat as newlines.
const UNSAFE_SOURCE = '[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F\\u2028\\u2029\\u202A-\\u202E\\u2066-\\u2069]';
const UNSAFE = new RegExp(UNSAFE_SOURCE);
const UNSAFE_GLOBAL = new RegExp(UNSAFE_SOURCE, 'g');

function replacement(char: string): string {
	const code = char.charCodeAt(0);
	// C0 controls and DEL get their Unicode control pictures (ESC becomes ␛), like less's ^[ marker.
	if (code < 0x20) return String.fromCharCode(0x2400 + code);
	if (code === 0x7f) return '\u2421';
	if (code === 0x2028 || code === 0x2029) return ' ';
	return REPLACEMENT;
}
