// The file the build writes as dist/lectern.js: a small ES module that runs the bundle (a classic
// script kept in a string) through node:vm with a V8 code cache. Node 20 has no compile cache
// for ES modules (module.enableCompileCache() arrived in 22.1), so every start would parse and
// compile the whole bundle again; with the cache, V8 reads back the compiled code, including the
// functions the first run compiled lazily while drawing its first page.
//
// The cache lives in the user's cache folder, one file per bundle and Node version; it is written
// once, at exit, when there was none or V8 rejected it (V8 checks that it matches the source and
// itself). Any failure to read or write it only means an uncached start. LECTERN_CODE_CACHE=0
// turns it off.
import {createHash} from 'node:crypto';

/** The text of dist/lectern.js for `bundle` (a CommonJS bundle); `prelude` runs before anything else. */
export function entrySource(bundle, prelude = '') {
	const hash = createHash('sha256').update(bundle).digest('hex').slice(0, 16);
	// The bundle runs as a function of what an ES module would give it; strict, as module code is.
	const script = `(function (require, __lecternMeta) {'use strict';\n${bundle}\n})`;
	// Plain, old syntax: a Node too old for the bundle must still parse this far, for the prelude's message.
	const output = `#!/usr/bin/env node
${prelude}
import {mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {homedir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {Script} from 'node:vm';

const file = fileURLToPath(import.meta.url);
const BUNDLE = bundleSource();
const cacheDir = codeCacheDir();
const cacheName = 'code-${hash}-' + process.version + '-' + process.arch;
let saved = false; // before the bundle runs: it may exit (--version) before returning
// A cache made after a reading session has begun holds the code that drew its first page (full);
// one made at the exit of a short run (--help) holds less (partial), and is replaced when a
// longer run comes.
const full = readCodeCache('.bin');
const cachedData = full || readCodeCache('-partial.bin');
const script = new Script(BUNDLE, {filename: file, cachedData: cachedData});
if (cacheDir && (!full || script.cachedDataRejected)) {
	const later = setTimeout(() => saveCodeCache('.bin'), 1500);
	later.unref();
	if (!cachedData || script.cachedDataRejected) process.once('exit', () => saveCodeCache('-partial.bin'));
}
script.runInThisContext()(createRequire(file), {url: import.meta.url, filename: file});

// The bundle is the comment at the end of this file: V8 skips a comment much faster than it reads
// a string literal of the same size (about 40 ms for this one, measured).
function bundleSource() {
	return decodeBundle(readFileSync(file, 'latin1'));
}

${decodeBundle.toString()}

function readCodeCache(suffix) {
	if (!cacheDir) return undefined;
	try {
		return readFileSync(join(cacheDir, cacheName + suffix));
	} catch (error) {
		return undefined;
	}
}

function codeCacheDir() {
	if (process.env.LECTERN_CODE_CACHE === '0') return undefined;
	try {
		if (process.env.XDG_CACHE_HOME) return join(process.env.XDG_CACHE_HOME, 'lectern');
		if (process.platform === 'darwin') return join(homedir(), 'Library', 'Caches', 'lectern');
		if (process.platform === 'win32') return join(process.env.LOCALAPPDATA || join(homedir(), 'AppData', 'Local'), 'lectern', 'Cache');
		return join(homedir(), '.cache', 'lectern');
	} catch (error) {
		return undefined;
	}
}

// Written to a temporary name and renamed, so that a reader started meanwhile never reads half a file.
function saveCodeCache(suffix) {
	if (saved) return;
	saved = true;
	try {
		mkdirSync(cacheDir, {recursive: true});
		const temporary = join(cacheDir, cacheName + '.' + process.pid);
		writeFileSync(temporary, script.createCachedData());
		renameSync(temporary, join(cacheDir, cacheName + suffix));
		if (suffix === '.bin') rmQuietly(join(cacheDir, cacheName + '-partial.bin'));
		// Keep the caches of the few builds used last (an npx run next to an installed copy), not every old one.
		const caches = readdirSync(cacheDir).filter((name) => /^code-[0-9a-f]+-v[\\d.]+-\\w+(-partial)?\\.bin$/.test(name));
		const byAge = caches.map((name) => [statSync(join(cacheDir, name)).mtimeMs, name]).sort((a, b) => b[0] - a[0]);
		for (const [, name] of byAge.slice(4)) rmQuietly(join(cacheDir, name));
	} catch (error) {
		// No cache this time: the next start compiles the bundle again.
	}
}

function rmQuietly(path) {
	try {
		unlinkSync(path);
	} catch (error) {
		// Already gone (another reader tidied up).
	}
}

/*BUNDLE
${commentText(script)}
BUNDLE*/
`;
	if (decodeBundle(output) !== script) throw new Error('code-cache: the bundle does not survive its encoding as a comment');
	return output;
}

/** The bundle from the text of dist/lectern.js (its code is copied into that file, so it is kept to plain syntax). */
function decodeBundle(text) {
	const start = text.indexOf('/' + '*BUNDLE\n') + 9;
	const end = text.lastIndexOf('\nBUNDLE*' + '/');
	// Split at the escapes rather than a regular expression replace: 0.1 ms instead of 10 for this text.
	const parts = text.slice(start, end).split('\x01');
	let code = parts[0];
	for (let i = 1; i < parts.length; i++) {
		const part = parts[i];
		if (part[0] === 'a') code += '\x01' + part.slice(1);
		else if (part[0] === 'b') code += '*' + '/' + part.slice(1);
		else code += String.fromCharCode(parseInt(part.slice(1, 5), 16)) + part.slice(5);
	}
	return code;
}

// The bundle as the text of a comment, in ASCII: "*/" (which would end the comment) and any
// other character outside ASCII become \x01 escapes, undone by decodeBundle().
function commentText(text) {
	return text.replace(/\x01|\*\/|[^\x00-\x7f]/g, (match) => {
		if (match === '\x01') return '\x01a';
		if (match === '*/') return '\x01b';
		return `\x01u${match.charCodeAt(0).toString(16).padStart(4, '0')}`;
	});
}
