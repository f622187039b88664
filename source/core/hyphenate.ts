/**
 * Where a word may be split at the end of a line. Plain words split only where the English (en-us)
 * TeX patterns of the `hyphen` package put a soft hyphen; words that already hold a hyphen or a
 * dash split only after it; numbers, addresses and short words are never split.
 *
 * Asked once per word that overflows a line, never for a whole text: a book has tens of thousands
 * of line ends but far fewer distinct words, so the answers are cached.
 */
import type Hyphen from 'hyphen/en/index.js';

/** A point where a word may be split: where its second part starts, and whether the first part needs an added hyphen. */
export type WordBreak = {readonly at: number; readonly hyphen: boolean};

/** Words with fewer letters than this are never hyphenated: a split of a short word saves little and reads badly. */
export const MIN_HYPHENATED_LETTERS = 5;
// TeX's English settings: at least two letters stay on the line and three go to the next.
const MIN_BEFORE = 2;
const MIN_AFTER = 3;
const CACHE_LIMIT = 50_000;

const NONE: readonly WordBreak[] = [];
const cache = new Map<string, readonly WordBreak[]>();

// The patterns take about 40 ms to load, so they are loaded only when hyphenation is turned on.
let patterns: typeof Hyphen | undefined;

/** Loads the English patterns (once); until then words split only at their own hyphens. */
export async function loadHyphenation(): Promise<void> {
	if (patterns) return;
	patterns = (await import('hyphen/en/index.js')).default;
	cache.clear();
}

/** True once `loadHyphenation` has finished. */
export function hyphenationLoaded(): boolean {
	return patterns !== undefined;
}

// Numbers, addresses, paths, markup and abbreviations like "e.g." mean something only when whole.
const UNSPLITTABLE = /[\p{N}/\\@_=&#%~<>|\u00AD]|:\/\/|^www\.|\p{L}\.\p{L}/u;
const DASH = /[-\u2010\u2013\u2014]/;
const LETTER = /\p{L}/u;

/** The points where `word` (one token, no spaces) may be split, in order. */
export function wordBreaks(word: string): readonly WordBreak[] {
	let breaks = cache.get(word);
	if (breaks) return breaks;
	breaks = findBreaks(word);
	if (cache.size >= CACHE_LIMIT) cache.clear();
	cache.set(word, breaks);
	return breaks;
}

/** True when the language tag names English, or is missing (the patterns are English ones). */
export function hyphenatesLanguage(language: string | undefined): boolean {
	return language === undefined || language === '' || /^en(?:$|[-_])/i.test(language);
}

function findBreaks(word: string): readonly WordBreak[] {
	if (UNSPLITTABLE.test(word)) return NONE;
	if (DASH.test(word)) return dashBreaks(word);
	const letters = letterCounts(word);
	const total = letters[word.length]!;
	if (total < MIN_HYPHENATED_LETTERS) return NONE;
	if (!patterns) return NONE;
	const marked = patterns.hyphenateSync(word);
	if (marked.length === word.length) return NONE;
	const breaks: WordBreak[] = [];
	for (let i = 0, at = 0; i < marked.length; i++) {
		if (marked.charCodeAt(i) !== 0xad) {
			at++;
			continue;
		}
		if (letters[at]! >= MIN_BEFORE && total - letters[at]! >= MIN_AFTER) breaks.push({at, hyphen: true});
	}
	return breaks.length > 0 ? breaks : NONE;
}

// A compound or a dashed phrase splits after its own hyphen or dash, with nothing added.
function dashBreaks(word: string): readonly WordBreak[] {
	const breaks: WordBreak[] = [];
	let seenLetter = false;
	for (let i = 0; i < word.length; i++) {
		const char = word[i]!;
		if (LETTER.test(char)) seenLetter = true;
		else if (DASH.test(char) && seenLetter && i + 1 < word.length && !DASH.test(word[i + 1]!) && LETTER.test(word.slice(i + 1))) {
			breaks.push({at: i + 1, hyphen: false});
		}
	}
	return breaks.length > 0 ? breaks : NONE;
}

// counts[i] is the number of letters in word[0, i).
function letterCounts(word: string): number[] {
	const counts = [0];
	for (let i = 0; i < word.length; i++) counts.push(counts[i]! + (LETTER.test(word[i]!) ? 1 : 0));
	return counts;
}
