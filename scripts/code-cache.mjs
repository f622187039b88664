// The files the build writes in dist/: two classic scripts, start.js (the quick first page, see
// source/start.ts) and reader.js (everything else: Ink, React, the app), and the small entry that
// runs them, lectern.js, a CommonJS file (dist/package.json says so: Node reaches a CommonJS entry
// about 10 ms sooner than an ES module one here).
//
// The entry runs each script through node:vm with a V8 code cache. Node 20 has no compile cache of
// its own (module.enableCompileCache() arrived in 22.1), so every start would parse and compile
// the bundles again; with the cache, V8 reads back the compiled code, including the functions the
// first run compiled lazily while drawing its first page.
//
// The caches live in the user's cache folder, one file per script and Node version; each is
// written once, when there was none or V8 rejected it (V8 checks that it matches the source and
// itself). Any failure to read or write one only means an uncached start. LECTERN_CODE_CACHE=0
// turns them off.
import {createHash} from 'node:crypto';

/** A bundle as a classic script: a function of what a module would give it; strict, as module code is. */
export function scriptSource(bundle) {
	return `(function (require, __lecternMeta) {'use strict';\n${bundle}\n})`;
}

/** The text of dist/lectern.js; `scripts` maps each script's file name to its text; `prelude` runs first. */
export function entrySource(scripts, prelude = '') {
	const hashes = Object.fromEntries(Object.entries(scripts).map(([name, text]) => [name, createHash('sha256').update(text).digest('hex').slice(0, 16)]));
	// Plain, old syntax: a Node too old for the bundles must still parse this file, for the prelude's message.
	return `#!/usr/bin/env node
${prelude}
'use strict';
var fs = require('node:fs');
var path = require('node:path');
var os = require('node:os');
var url = require('node:url');
var vm = require('node:vm');

// V8 doubles its young generation (up to 2 x 16 MB) whenever many young objects survive a
// collection, as they do while a book opens, a page is drawn or the window is resized, and gives
// the memory back only after quiet seconds with a low but non-zero rate of allocation, which an
// idle reader may never show: War and Peace's reader grew from 78 to 103 MB after some page turns
// and resizes, and mostly stayed there. Kept at its starting size, it peaks at 85 MB and rests at
// 73, and the 20 MB book's whole-book index takes as long (about 690 ms). Set here, at run time,
// the flag works (given on node's command line, Node 20 ignored it), and before the scripts are
// compiled, because a V8 code cache is only accepted under the flags it was made with.
require('node:v8').setFlagsFromString('--semi-space-growth-factor=1');
// And the old generation may grow by half of what was live between full collections, not by up to
// four times (source/io/heap-growth.ts, which also holds the number).
require('node:v8').setFlagsFromString('--heap-growing-percent=50');

var HASHES = ${JSON.stringify(hashes)};
var cacheDir = codeCacheDir();
var meta = {url: url.pathToFileURL(__filename).href, filename: __filename};
// start.js draws the first page when it can; reader.js is everything else.
runScript('start.js');
runScript('reader.js');

function runScript(name) {
	var file = path.join(__dirname, name);
	var cacheName = 'code-' + HASHES[name] + '-' + process.version + '-' + process.arch;
	// A cache made after a reading session has begun holds the code that drew its first page (full);
	// one made at the exit of a short run (--help) holds less (partial), and is replaced when a
	// longer run comes.
	var full = readCodeCache(cacheName + '.bin');
	var cachedData = full || readCodeCache(cacheName + '-partial.bin');
	var script = new vm.Script(fs.readFileSync(file, 'latin1'), {filename: file, cachedData: cachedData});
	if (cacheDir && (!full || script.cachedDataRejected)) {
		var saved = false;
		var save = function (suffix) {
			if (saved) return;
			saved = true;
			saveCodeCache(script, cacheName, suffix);
		};
		setTimeout(function () { save('.bin'); }, 1500).unref();
		if (!cachedData || script.cachedDataRejected) process.once('exit', function () { save('-partial.bin'); });
	}
	script.runInThisContext()(require, meta);
}

function readCodeCache(fileName) {
	if (!cacheDir) return undefined;
	try {
		return fs.readFileSync(path.join(cacheDir, fileName));
	} catch (error) {
		return undefined;
	}
}

function codeCacheDir() {
	if (process.env.LECTERN_CODE_CACHE === '0') return undefined;
	try {
		if (process.env.XDG_CACHE_HOME) return path.join(process.env.XDG_CACHE_HOME, 'lectern');
		if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'lectern');
		if (process.platform === 'win32') return path.join(process.env.LOCALAPPDATA || path.join(os.homedir(), 'AppData', 'Local'), 'lectern', 'Cache');
		return path.join(os.homedir(), '.cache', 'lectern');
	} catch (error) {
		return undefined;
	}
}

// Written to a temporary name and renamed, so that a reader started meanwhile never reads half a file.
function saveCodeCache(script, cacheName, suffix) {
	try {
		fs.mkdirSync(cacheDir, {recursive: true});
		var temporary = path.join(cacheDir, cacheName + '.' + process.pid);
		fs.writeFileSync(temporary, script.createCachedData());
		fs.renameSync(temporary, path.join(cacheDir, cacheName + suffix));
		if (suffix === '.bin') rmQuietly(path.join(cacheDir, cacheName + '-partial.bin'));
		// Keep the caches of the few builds used last (an npx run next to an installed copy), not every old one.
		var caches = fs.readdirSync(cacheDir).filter(function (name) { return /^code-[0-9a-f]+-v[\\d.]+-\\w+(-partial)?\\.bin$/.test(name); });
		var byAge = caches.map(function (name) { return [fs.statSync(path.join(cacheDir, name)).mtimeMs, name]; }).sort(function (a, b) { return b[0] - a[0]; });
		byAge.slice(8).forEach(function (entry) { rmQuietly(path.join(cacheDir, entry[1])); });
	} catch (error) {
		// No cache this time: the next start compiles the script again.
	}
}

function rmQuietly(file) {
	try {
		fs.unlinkSync(file);
	} catch (error) {
		// Already gone (another reader tidied up).
	}
}
`;
}
