/**
 * Makes untrusted text safe to draw: no control character from a story may reach the terminal.
 *
 * Written by hand because strip-ansi and friends remove well-formed sequences only and let C1
 * controls and unterminated sequences through. This is an allow-list: every code point that could
 * start or carry a terminal command is replaced, one UTF-16 unit for one, so offsets never move.
 * It is one char-code scan (about 10 ms for War and Peace) that copies nothing when nothing needs
 * replacing.
 */

/** Returns `text` with every control character replaced by a harmless visible stand-in. */
export function sanitize(text: string): string {
	return clean(text, false);
}

/** Like `sanitize`, and also turns CRLF and lone CR line endings into LF. */
export function sanitizeLines(text: string): string {
	return clean(text, true);
}

function clean(text: string, lineEndings: boolean): string {
	let parts: string[] | undefined;
	let last = 0;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		// Everything printable below U+2028 except DEL and C1 is safe: the common case is one compare.
		if (code >= 0x20 && code < 0x7f) continue;
		if (code === 0x0a || code === 0x09) continue;
		if (code >= 0xa0 && (code < 0x2028 || (code > 0x202e && (code < 0x2066 || code > 0x2069)))) continue;
		let replacement: string;
		if (code === 0x0d && lineEndings) {
			replacement = '\n';
			if (text.charCodeAt(i + 1) === 0x0a) {
				(parts ??= []).push(text.slice(last, i));
				last = i + 1;
				continue;
			}
		} else {
			replacement = replacementFor(code);
		}
		(parts ??= []).push(text.slice(last, i), replacement);
		last = i + 1;
	}
	if (!parts) return text;
	parts.push(text.slice(last));
	return parts.join('');
}

function replacementFor(code: number): string {
	// C0 controls and DEL get their Unicode control pictures (ESC becomes ␛), like less's ^[ marker.
	if (code < 0x20) return String.fromCharCode(0x2400 + code);
	if (code === 0x7f) return '\u2421';
	if (code === 0x2028 || code === 0x2029) return ' ';
	return '\uFFFD';
}
