/**
 * Lines of plain text that are not prose: chapter headings ("CHAPTER IV.", "BOOK FIFTEEN: 1812 - 13",
 * "Second Epilogue") and scene-break markers ("* * *"). Shared by the text and Markdown readers.
 */

const BREAK_MARKER = /^(?:[*~#=_\-•·⁂]\s*){3,}$|^[⁂#]$/u;

/** True for a line that only marks a scene break: `* * *`, `***`, `~~~`, `#`, `⁂`. */
export function isBreakMarker(line: string): boolean {
	return BREAK_MARKER.test(line);
}

const ROMAN = String.raw`(?=[MDCLXVI])M{0,3}(?:C[MD]|D?C{0,3})(?:X[CL]|L?X{0,3})(?:I[XV]|V?I{0,3})`;
const UNITS = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const WORDS = String.raw`(?:(?:${TENS})(?:[-\s](?:${UNITS}))?|${TEENS}|${UNITS})`;
const ORDINAL = 'first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last|final';
const NUMBER = String.raw`(?:\d+|${ROMAN}|${WORDS}|the\s+\w+)`;
const TITLE_AFTER = String.raw`(?:[.:]|\s*[-—:.]\s+\S.*)?`;
const CHAPTER_HEADING = new RegExp(
	String.raw`^(?:(?:chapter|book|part|volume)\s+${NUMBER}\b${TITLE_AFTER}|(?:(?:${ORDINAL})\s+)?(?:prologue|epilogue)${TITLE_AFTER})$`,
	'i',
);
const ROMAN_ALONE = new RegExp(String.raw`^${ROMAN}\.?$`);
// V8 compiles a regular expression on its first use, and CHAPTER_HEADING takes about 10 ms to
// compile, which a story without headings should not pay at start-up: these cheap tests go first.
const MAY_BE_HEADING = new RegExp(String.raw`^(?:chapter|book|part|volume|prologue|epilogue|${ORDINAL})\b`, 'i');
const MAY_BE_ROMAN = /^[MDCLXVI]+\.?$/;

/** True for a short line that names a chapter: "CHAPTER IV.", "Book One: ...", "Second Epilogue", "XII". */
export function isChapterHeading(line: string): boolean {
	if (line.length > 72) return false;
	if (MAY_BE_HEADING.test(line)) return CHAPTER_HEADING.test(line);
	return MAY_BE_ROMAN.test(line) && ROMAN_ALONE.test(line);
}
