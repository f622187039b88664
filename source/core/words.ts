/** Counting words: runs of letters or digits, as the story card and the time left count them. */

/** Words in `text[start, end)` (the whole text by default): runs of letters or digits. */
export function countWords(text: string, start = 0, end = text.length): number {
	let words = 0;
	let inWord = 0;
	for (let i = start; i < end; i++) {
		const c = text.charCodeAt(i);
		const wordChar = c < 0x100 ? LATIN1_WORD_CHARS[c]! : isWordCharBeyondLatin1(c);
		words += wordChar & ~inWord;
		inWord = wordChar;
	}
	return words;
}

// 1 for the characters of Latin-1 that make words: ASCII letters and digits, the apostrophe, and
// the letters from À on (not × and ÷). A table, not comparisons: the whole-book index counts every
// character of a long book (20 MB: 65 ms instead of 150).
const LATIN1_WORD_CHARS = Uint8Array.from({length: 0x100}, (_, c) =>
	(c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x27 || (c >= 0xc0 && c !== 0xd7 && c !== 0xf7) ? 1 : 0,
);

// Beyond Latin-1: the right single quote (an apostrophe), and letters, but not the punctuation
// blocks (dashes, quotes, CJK marks).
function isWordCharBeyondLatin1(c: number): number {
	return c === 0x2019 || !((c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f)) ? 1 : 0;
}
