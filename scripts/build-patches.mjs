// Build-time changes to dependencies, each one a measured start-up or frame cost, each one
// checked: if a dependency's code no longer looks the way a patch expects, the build fails rather
// than shipping the dependency unpatched or half patched.
//
// 1. yoga-layout instantiates its WebAssembly with a top-level await. Instantiated synchronously
//    instead (same bytes, same imports, emscripten's own instantiateWasm hook), the bundle needs no
//    top-level await and can be a classic script, which is what lets Node 20 keep a code cache.
//    (Ink's two top-level awaits, for React DevTools under DEV=true, go the same way.)
// 2. Ink turns every frame into a string cell by cell through @alcalzone/ansi-tokenize, which
//    builds three Sets to compare the styles of each cell with the one before: about 3000 times a
//    frame. When the two cells have the same styles the difference is empty; the patch sees that
//    with a plain comparison and skips the Sets. The output is the same string.
// 3. Each frame, Ink's Output made 3000 blank cells (each with its own empty style list), split
//    every line into graphemes with Intl.Segmenter, gave every character a copy of its style list,
//    and forgot all of it for the next frame: about 2 MB of garbage a page turn, which on a small
//    young generation (see the entry, scripts/code-cache.mjs) meant two or three collections a
//    turn. The patch shares one frozen blank cell and one style list per run of characters, keeps
//    the line and width caches from frame to frame (emptied when they grow large), and reads a
//    line made only of characters that are each a grapheme of their own (printable ASCII,
//    Latin-1, general punctuation) and SGR codes without the segmenter. Anything else takes the
//    original path; the tokens are the same either way (a test compares the two).
// 4. string-width, which Ink asks for every new line's width, counts without Intl.Segmenter only a
//    line of printable ASCII; a line of prose with one curly quote or dash took the segmenter and
//    three Unicode-property regular expressions per character. The patch widens the fast path to
//    the characters that are one cell each by string-width's own rules (Latin-1 but the soft hyphen,
//    general punctuation but the two emoji among it). Same widths (a test compares the two).
// 5. Five modules (two string-widths, slice-ansi, wrap-ansi, ansi-tokenize) each make an
//    Intl.Segmenter when they load, and the first one made loads ICU's break data: about 10 ms of
//    the interactive reader's start-up, spent before the first key can be answered, for segmenters
//    that lines of one-cell characters never use (see 3 and 4). Each is made when first used.
// 6. meow sets up normalize-package-data (with spdx-correct's licence tables) when it loads, for a
//    package.json the reader gives it already made, and calls promisify(execFile) for nothing:
//    about 10 ms and node:child_process at every start. Both are left until used (never, here).
// 7. Ink checks every text it draws for control characters (an escape, or a C1 control) with a
//    string iterator and a function call per character. On a page of text (30 lines of 90
//    characters) that took 1.5-4.8 ms in a fresh process (the reader's first frames) and 0.6-0.7 ms
//    a frame after; as one regular expression test, 0.15-0.24 ms and under 0.05.
// 8. Ink's Output turns every row of every frame into a string, cell by cell (30 rows of 100 cells),
//    even a row written exactly as in the frame before. The patch gathers the writes to each row
//    first (where and which cached line of styled characters) and keeps the last frame's rows: a
//    row written the same way again is the same string, and only the rows that changed are made.
//    The frame that shows a long book's page count changes one row, the status line; in a fresh
//    process it took 3-5 ms of Ink's output step, 2.6-7 ms in all.
// 9. ansi-tokenize made each styled character by spreading its token into a new object. Once the
//    spread's inline cache has seen a few token shapes, V8 copies the token's hidden class for every
//    object: after 150 page turns, 83,000 characters in Ink's line cache (patch 3) had 83,000 hidden
//    classes, 20 MB. Named fields give them all one.
import {readFileSync} from 'node:fs';

/** Replaces `search` in `source` exactly once, or fails the build naming the patch. */
function replaceOnce(source, search, replacement, what) {
	const at = source.indexOf(search);
	if (at < 0 || source.indexOf(search, at + search.length) >= 0) {
		throw new Error(`build patch "${what}": expected exactly one ${JSON.stringify(search.slice(0, 60))}; the dependency changed, so review the patch`);
	}
	return source.slice(0, at) + replacement + source.slice(at + search.length);
}

/** The module at `path` with each `[search, replacement, what]` made by `replaceOnce`, and `appended` after it. */
function patchedModule(path, replacements, appended = '') {
	let source = readFileSync(path, 'utf8');
	for (const [search, replacement, what] of replacements) source = replaceOnce(source, search, replacement, what);
	return {contents: source + appended, loader: 'js'};
}

const YOGA_DATA = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;

/** The esbuild plugin that applies the patches. */
export const dependencyPatches = {
	name: 'dependency-patches',
	setup(build) {
		// 1. Yoga: its wasm bytes move out of the emscripten loader into a module of their own...
		build.onLoad({filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/}, ({path}) => {
			const source = readFileSync(path, 'utf8');
			const data = YOGA_DATA.exec(source);
			if (!data) throw new Error('build patch "yoga sync": no base64 wasm in the yoga loader; review the patch');
			// The loader keeps an empty data URL: with instantiateWasm given, it never reads it.
			return {contents: `${source.replace(YOGA_DATA, '"data:application/octet-stream;base64,"')}\nexport const wasmBase64 = ${JSON.stringify(data[1])};\n`, loader: 'js'};
		});
		// ...and its entry instantiates them synchronously through emscripten's instantiateWasm hook.
		build.onLoad({filter: /yoga-layout[\\/]dist[\\/]src[\\/]index\.js$/}, ({path}) => {
			let source = readFileSync(path, 'utf8');
			source = replaceOnce(source, "import loadYoga from '../binaries/yoga-wasm-base64-esm.js';", "import loadYoga, {wasmBase64} from '../binaries/yoga-wasm-base64-esm.js';", 'yoga sync');
			source = replaceOnce(
				source,
				'const Yoga = wrapAssembly(await loadYoga());',
				[
					'const yogaModule = {',
					'  instantiateWasm(imports, receive) {',
					"    const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(wasmBase64, 'base64')), imports);",
					'    receive(instance);',
					'    return instance.exports;',
					'  },',
					'};',
					// With the instance received synchronously, emscripten runs its start-up before loadYoga returns.
					'loadYoga(yogaModule);',
					"if (!yogaModule.calledRun) throw new Error('yoga-layout did not start synchronously');",
					'const Yoga = wrapAssembly(yogaModule);',
				].join('\n'),
				'yoga sync',
			);
			return {contents: source, loader: 'js'};
		});

		// Ink's reconciler awaits, at its top level, React DevTools and its own package.json, both
		// only when DEV=true; the build stubs DevTools out already (see build.mjs), so with DEV=true the
		// bundle now skips both instead of waiting for them.
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/}, ({path}) =>
			patchedModule(path, [
				["await import('./devtools.js');", 'void 0; // DevTools are not bundled', 'ink top-level await'],
				['? await loadPackageJson()', '? {name: undefined, version: undefined}', 'ink top-level await'],
			]),
		);

		// 2. Ink's frames: equal styles need no diff.
		build.onLoad({filter: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]styledChars\.js$/}, ({path}) => {
			let source = readFileSync(path, 'utf8');
			source = replaceOnce(
				source,
				'ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
				'if (!sameStyles(chars[i - 1].styles, char.styles)) ret += ansiCodesToString(diffAnsiCodes(chars[i - 1].styles, char.styles));',
				'ink frame styles',
			);
			source += [
				'',
				// Same codes in the same order: diffAnsiCodes would return [] and ansiCodesToString([]) is "".
				'function sameStyles(a, b) {',
				'  if (a === b) return true;',
				'  if (a.length !== b.length) return false;',
				'  for (let i = 0; i < a.length; i++) if (a[i].code !== b[i].code || a[i].endCode !== b[i].endCode) return false;',
				'  return true;',
				'}',
				'',
			].join('\n');
			source = replaceOnce(source, 'styles: [...codes],', 'styles: codes, // (never changed in place: each ANSI code makes a new list)', 'ink shared styles');
			// 9. A character token's fields by name, not by spread (see the list at the top).
			source = replaceOnce(source, '                ...token,\n', '                type: token.type,\n                value: token.value,\n                fullWidth: token.fullWidth,\n', 'ink styled characters of one shape');
			return {contents: source, loader: 'js'};
		});

		// 3. Ink's frames: fewer allocations.
		build.onLoad({filter: /@alcalzone[\\/]ansi-tokenize[\\/]build[\\/]tokenize\.js$/}, ({path}) => {
			let source = lazySegmenter(readFileSync(path, 'utf8'), path);
			source = replaceOnce(source, 'export function tokenize(str, endChar = Number.POSITIVE_INFINITY) {\n', 'export function tokenize(str, endChar = Number.POSITIVE_INFINITY) {\n    const simple = tokenizeSimple(str, endChar);\n    if (simple) return simple;\n', 'ink simple lines');
			source += SIMPLE_TOKENIZER;
			return {contents: source, loader: 'js'};
		});
		build.onLoad({filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/}, ({path}) => {
			// wrap-ansi's own older copy is left as it is: Ink wraps only a line too wide for its box,
			// and the reader's lines are laid out to fit.
			if (/[\\/]node_modules[\\/].*[\\/]node_modules[\\/]string-width[\\/]/.test(path)) return {contents: lazySegmenter(readFileSync(path, 'utf8'), path), loader: 'js'};
			let source = replaceOnce(
				lazySegmenter(readFileSync(path, 'utf8'), path),
				'if (/^[\\u0020-\\u007E]*$/.test(string)) {',
				'if (/^[\\u0020-\\u007E\\u00A0-\\u00AC\\u00AE-\\u00FF\\u2010-\\u2027\\u2030-\\u203B\\u203D-\\u2048\\u204A-\\u205E]*$/.test(string)) {',
				'string-width one-cell lines',
			);
			// Its emoji pattern (\p{RGI_Emoji}, a set of strings) took 8 ms to build when the reader
			// loaded; it is built when first used, by a line that needs it.
			source = replaceOnce(
				source,
				'const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;',
				"let rgiEmojiPattern;\nconst rgiEmojiRegex = {test: (text) => (rgiEmojiPattern ??= new RegExp('^\\\\p{RGI_Emoji}$', 'v')).test(text)};",
				'string-width lazy emoji pattern',
			);
			return {contents: source, loader: 'js'};
		});
		// 5. Segmenters made when first used (string-width's and ansi-tokenize's in their loaders above).
		build.onLoad({filter: /[\\/]node_modules[\\/](slice-ansi[\\/]tokenize-ansi|wrap-ansi[\\/]index)\.js$/}, ({path}) => {
			const source = readFileSync(path, 'utf8');
			// Ink's own wrap-ansi makes none (its string-width does).
			return source.includes('new Intl.Segmenter(') ? {contents: lazySegmenter(source, path), loader: 'js'} : undefined;
		});
		// 6. meow's package normaliser made when first used.
		build.onLoad({filter: /[\\/]meow[\\/]build[\\/]dependencies\.js$/}, ({path}) =>
			patchedModule(path, [
				[
					'var normalizeExports = requireNormalize();\nconst normalizePackageData = getDefaultExportFromCjs(normalizeExports);',
					'const normalizePackageData = (...args) => getDefaultExportFromCjs(requireNormalize())(...args);',
					'meow lazy normalizer',
				],
				['\npromisify(execFile);\n', '\n', 'meow unused execFile'],
			]),
		);
		// 7. Ink's control-character check.
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]ansi-tokenizer\.js$/}, ({path}) =>
			patchedModule(path, [
				[
					'export const hasAnsiControlCharacters = (text) => {\n    if (text.includes(escapeCharacter)) {\n        return true;\n    }\n    for (const character of text) {\n        if (isC1ControlCharacter(character)) {\n            return true;\n        }\n    }\n    return false;\n};',
					// An escape, or a code point from U+0080 to U+009F (a UTF-16 unit in that range is always one).
					'export const hasAnsiControlCharacters = (text) => /[\\u001B\\u0080-\\u009F]/.test(text);',
					'ink control-character check',
				],
			]),
		);
		build.onLoad({filter: /[\\/]ink[\\/]build[\\/]output\.js$/}, ({path}) =>
			patchedModule(
				path,
				[
					['    caches = new OutputCaches();', '    caches = sharedOutputCaches();', 'ink caches kept'],
					// 8. A row holds its writes (x, then the line's styled characters) until it is drawn.
					[
						"const row = [];\n            for (let x = 0; x < this.width; x++) {\n                row.push({\n                    type: 'char',\n                    value: ' ',\n                    fullWidth: false,\n                    styles: [],\n                });\n            }\n            output.push(row);",
						'output.push([]);',
						'ink rows drawn once',
					],
					[INK_CELL_LOOP, 'currentLine.push(x, this.caches.getStyledChars(line));', 'ink rows drawn once'],
					[
						'.map(line => {\n            // See https://github.com/vadimdemedes/ink/pull/564#issuecomment-1637022742\n            const lineWithoutEmptyItems = line.filter(item => item !== undefined);\n            return styledCharsToString(lineWithoutEmptyItems).trimEnd();\n        })',
						'.map((writes, y) => drawnRow(this, writes, y))',
						'ink rows drawn once',
					],
				],
				SHARED_CACHES + DRAWN_ROWS,
			),
		);
	},
};

// The one `new Intl.Segmenter(...)` of a module's top level, made an object whose segment() makes
// the segmenter on its first call. Every module patched uses only segment().
function lazySegmenter(source, path) {
	const made = replaceOnce(source, 'new Intl.Segmenter(', 'lazyIntlSegmenter(', `lazy segmenter in ${path}`);
	if (/\.(?:resolvedOptions|supportedLocalesOf)\b/.test(made)) throw new Error(`build patch "lazy segmenter": ${path} uses more of its segmenter than segment(); review the patch`);
	return `${made}\nfunction lazyIntlSegmenter(...options) {\n    let segmenter;\n    return {segment: (text) => (segmenter ??= new Intl.Segmenter(...options)).segment(text)};\n}\n`;
}

// Appended to tokenize.js: the tokens `tokenize` gives, for a line whose every character is a
// grapheme by itself and one cell wide, and whose escapes are all SGR codes; undefined otherwise.
const SIMPLE_TOKENIZER = `
export function tokenizeSimple(str, endChar = Number.POSITIVE_INFINITY) {
    // The whole line is checked first: a character past endChar can still join the one before it.
    for (let index = 0; index < str.length; index++) {
        const c = str.charCodeAt(index);
        if (c === 27) {
            const code = str.charCodeAt(index + 1) === CSI ? parseSGRSequence(str, index) : undefined;
            if (!code) return undefined;
            index += code.length - 1;
        } else if (!((c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205e))) {
            return undefined;
        }
    }
    const ret = [];
    let visible = 0;
    for (let index = 0; index < str.length; index++) {
        if (str.charCodeAt(index) === 27) {
            const code = parseSGRSequence(str, index);
            for (const individualCode of splitCompoundSGRSequences(code)) {
                ret.push({ type: "ansi", code: individualCode, endCode: getEndCode(individualCode) });
            }
            index += code.length - 1;
            continue;
        }
        ret.push({ type: "char", value: str[index], fullWidth: false });
        visible += 1;
        if (visible >= endChar) break;
    }
    return ret;
}
`;

// Appended to Ink's output.js.
const SHARED_CACHES = `
const BLANK_CELL = Object.freeze({ type: 'char', value: ' ', fullWidth: false, styles: Object.freeze([]) });
let sharedCaches;
function sharedOutputCaches() {
    if (!sharedCaches || sharedCaches.styledChars.size > 2000 || sharedCaches.widths.size > 20000 || sharedCaches.blockWidths.size > 2000) sharedCaches = new OutputCaches();
    return sharedCaches;
}
`;

// Ink's loop that puts a written line's characters into its row's cells (patch 8 moves it to drawnRow).
const INK_CELL_LOOP = [
	'const characters = this.caches.getStyledChars(line);',
	'                    let offsetX = x;',
	'                    for (const character of characters) {',
	'                        currentLine[offsetX] = character;',
	'                        // Determine printed width using string-width to align with measurement',
	'                        const characterWidth = Math.max(1, this.caches.getStringWidth(character.value));',
	'                        // For multi-column characters, clear following cells to avoid stray spaces/artifacts',
	'                        if (characterWidth > 1) {',
	'                            for (let index = 1; index < characterWidth; index++) {',
	'                                currentLine[offsetX + index] = {',
	"                                    type: 'char',",
	"                                    value: '',",
	'                                    fullWidth: false,',
	'                                    styles: character.styles,',
	'                                };',
	'                            }',
	'                        }',
	'                        offsetX += characterWidth;',
	'                    }',
].join('\n');

// Appended to Ink's output.js (patch 8): a row made from its writes, as Ink made it cell by cell,
// or the last frame's string for the row when its writes are the same (the same x, the same cached
// line of styled characters: equal lines share one from the caches above).
const DRAWN_ROWS = `
let lastFrame = { width: -1, rows: [] };
function drawnRow(output, writes, y) {
    if (lastFrame.width !== output.width) lastFrame = { width: output.width, rows: [] };
    const last = lastFrame.rows[y];
    if (last !== undefined && sameWrites(last.writes, writes)) return last.text;
    const cells = [];
    for (let x = 0; x < output.width; x++) cells.push(BLANK_CELL);
    for (let i = 0; i < writes.length; i += 2) {
        let offsetX = writes[i];
        for (const character of writes[i + 1]) {
            cells[offsetX] = character;
            // A wide character's following cells are emptied, as Ink does.
            const characterWidth = Math.max(1, output.caches.getStringWidth(character.value));
            for (let index = 1; index < characterWidth; index++) cells[offsetX + index] = { type: 'char', value: '', fullWidth: false, styles: character.styles };
            offsetX += characterWidth;
        }
    }
    // A cell past a gap (text written beyond the width) leaves holes, which Ink filters out.
    const text = styledCharsToString(cells.filter(item => item !== undefined)).trimEnd();
    lastFrame.rows[y] = { writes, text };
    return text;
}
function sameWrites(a, b) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
    return true;
}
`;
