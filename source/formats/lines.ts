/**
 * The lines of a text as offsets, not strings: splitting War and Peace into 65 000 line strings
 * costs more than reading it, and almost every line is only ever measured, never copied.
 * Lines end at LF; a CR before the LF belongs to the line ending, so CRLF text needs no rewriting.
 */

/** Line-by-line access to a text; line `i` is `text.slice(start(i), end(i))`, without its newline. */
export class LineIndex {
	readonly text: string;
	/** How many lines there are (an empty text has one empty line). */
	readonly count: number;
	private readonly starts: Int32Array;

	constructor(text: string) {
		this.text = text;
		// One pass, growing the table as needed: prose averages well over 32 characters a line.
		let starts = new Int32Array((text.length >> 5) + 16);
		let count = 1;
		for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) {
			if (count + 1 >= starts.length) {
				const grown = new Int32Array(starts.length * 2);
				grown.set(starts);
				starts = grown;
			}
			starts[count++] = at + 1;
		}
		starts[count] = text.length + 1;
		this.count = count;
		this.starts = starts;
	}

	/** Offset of the first character of line `i`. */
	start(i: number): number {
		return this.starts[i]!;
	}

	/** Offset just past the last character of line `i` (where its line ending is). */
	end(i: number): number {
		const end = this.starts[i + 1]! - 1;
		return end > this.starts[i]! && this.text.charCodeAt(end - 1) === 0x0d ? end - 1 : end;
	}

	/** Length of line `i`. */
	length(i: number): number {
		return this.end(i) - this.starts[i]!;
	}

	/** Line `i` as a string. */
	line(i: number): string {
		return this.text.slice(this.starts[i], this.end(i));
	}

	/** Code of the first character of line `i`, or NaN for an empty line. */
	firstCode(i: number): number {
		return this.length(i) > 0 ? this.text.charCodeAt(this.starts[i]!) : Number.NaN;
	}

	/** Offset of the first character of line `i` that is not a space, tab, no-break or ideographic space (its end when blank). */
	contentStart(i: number): number {
		const end = this.end(i);
		let at = this.starts[i]!;
		while (at < end) {
			const c = this.text.charCodeAt(at);
			if (c !== 0x20 && c !== 0x09 && c !== 0xa0 && c !== 0x3000) break;
			at++;
		}
		return at;
	}

	/** True when line `i` holds only spaces (or nothing). */
	isBlank(i: number): boolean {
		return i >= this.count || this.contentStart(i) === this.end(i);
	}

	/** Lines `first` to `last` (inclusive) as one string, line endings (LF or CRLF) kept between them. */
	slice(first: number, last: number): string {
		return this.text.slice(this.starts[first], this.end(last));
	}
}
