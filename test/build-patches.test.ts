/**
 * The build patches Ink's frame code (scripts/build-patches.mjs) for speed only: what a frame
 * looks like must not change. These tests bundle the same code with and without the patches and
 * compare what each gives.
 */
import {execFileSync} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {pathToFileURL} from 'node:url';
import {build} from 'esbuild';
import fc from 'fast-check';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {dependencyPatches} from '../scripts/build-patches.mjs';
import {root} from './lectern.js';

type Token = {type: string; value?: string; code?: string; fullWidth?: boolean};
type Clip = {x1?: number; x2?: number; y1?: number; y2?: number};
type Frame = {
	write(x: number, y: number, text: string, options: {transformers: Array<(line: string, index: number) => string>}): void;
	clip(clip: Clip): void;
	unclip(): void;
	get(): {output: string; height: number};
};
type Bundle = {
	tokenize(text: string, endChar?: number): Token[];
	stringWidth(text: string): number;
	wrapAnsi(text: string, columns: number, options?: {hard?: boolean; trim?: boolean}): string;
	sliceAnsi(text: string, start: number, end?: number): string;
	Output: new (options: {width: number; height: number}) => Frame;
	sanitizeAnsi(text: string): string;
	meow(help: string, options: Record<string, unknown>): {flags: Record<string, unknown>; input: string[]; pkg: Record<string, unknown>};
};

// Ink's output.js and sanitize-ansi.js are not among its package's exports: it is bundled from its path.
const ENTRY = `export {tokenize, styledCharsFromTokens} from '@alcalzone/ansi-tokenize'; export {default as stringWidth} from 'string-width'; export {default as wrapAnsi} from 'wrap-ansi'; export {default as sliceAnsi} from 'slice-ansi'; export {default as meow} from 'meow'; export {default as Output} from ${JSON.stringify(path.join(root, 'node_modules', 'ink', 'build', 'output.js'))}; export {default as sanitizeAnsi} from ${JSON.stringify(path.join(root, 'node_modules', 'ink', 'build', 'sanitize-ansi.js'))};`;
const folder = mkdtempSync(path.join(tmpdir(), 'lectern-patches-'));
let patched: Bundle;
let original: Bundle;

async function load(name: string, plugins: Parameters<typeof build>[0]['plugins']): Promise<Bundle> {
	const outfile = path.join(folder, `${name}.mjs`);
	await build({stdin: {contents: ENTRY, resolveDir: root, loader: 'js'}, bundle: true, platform: 'node', format: 'esm', outfile, plugins, logLevel: 'silent'});
	return (await import(pathToFileURL(outfile).href)) as Bundle;
}

beforeAll(async () => {
	[patched, original] = await Promise.all([load('patched', [dependencyPatches]), load('original', [])]);
}, 60_000);
afterAll(() => rmSync(folder, {recursive: true, force: true}));

// Pieces of lines as Ink writes them: words, punctuation, accents, SGR codes (plain and compound),
// and what the fast path must leave to the segmenter: combining marks, wide characters, emoji with
// joiners and variation selectors, CRLF, C1 CSI, a link, a broken escape, other C1 controls
// (NEL, DCS, OSC), DEL, a no-break space and a character beyond the BMP.
const PIECES = ['the', ' ', 'Café', '“quoted”', '—', '…', '‼', '\u00AD', '\u001B[1m', '\u001B[22m', '\u001B[38;5;214m', '\u001B[39m', '\u001B[1;3;31m', '\u001B[0m', '\u001B[38;2;1;2;3m', 'e\u0301', '漢字', '👩\u200D💻', '❤\uFE0F', '🇫🇷', '\r\n', '\u009B31m', '\u001B]8;;https://x.test\u0007link\u001B]8;;\u0007', '\u001B[', '\u001B[2J', 'ж', '\u0085', '\u0090q\u009C', '\u009D0;t\u0007', '\u007F', '\u00A0', '\u{1D11E}'];
const line = fc.array(fc.constantFrom(...PIECES), {maxLength: 24}).map((pieces) => pieces.join(''));

describe('build patches for Ink frames', () => {
	it('tokenize gives the same tokens with the patches as without', () => {
		fc.assert(
			fc.property(line, fc.option(fc.integer({min: 1, max: 30}), {nil: undefined}), (text, endChar) => {
				expect(patched.tokenize(text, endChar)).toEqual(original.tokenize(text, endChar));
			}),
			{numRuns: 2000},
		);
	});

	it('keeps and strips the same escapes and controls with the patches as without', () => {
		fc.assert(
			fc.property(line, (text) => {
				expect(patched.sanitizeAnsi(text)).toBe(original.sanitizeAnsi(text));
			}),
			{numRuns: 2000},
		);
		// The patched check (one pattern) against the original (a loop), on each kind of character alone.
		for (const piece of PIECES) expect(patched.sanitizeAnsi(`a${piece}b`), JSON.stringify(piece)).toBe(original.sanitizeAnsi(`a${piece}b`));
	});

	it('string-width gives the same widths with the patches as without', () => {
		// Every character of the fast path's ranges and their edges, alone and in lines.
		const edges = [0x1f, 0x20, 0x7e, 0x7f, 0x9f, 0xa0, 0xac, 0xad, 0xae, 0xff, 0x100, 0x200f, 0x2010, 0x2027, 0x2028, 0x202f, 0x2030, 0x203c, 0x2049, 0x205e, 0x205f, 0x2060];
		for (let code = 0x20; code <= 0x2060; code++) {
			if (code > 0x100 && code < 0x2000) continue;
			const text = String.fromCharCode(code);
			expect([code, patched.stringWidth(text)]).toEqual([code, original.stringWidth(text)]);
		}
		fc.assert(
			fc.property(fc.array(fc.oneof(fc.constantFrom(...PIECES), fc.constantFrom(...edges).map((code) => String.fromCharCode(code))), {maxLength: 24}), (pieces) => {
				const text = pieces.join('');
				expect(patched.stringWidth(text)).toBe(original.stringWidth(text));
			}),
			{numRuns: 2000},
		);
	});

	it('wraps and slices lines as without the patches (their segmenters made when first used)', () => {
		fc.assert(
			fc.property(line, fc.integer({min: 1, max: 20}), fc.nat({max: 20}), fc.nat({max: 20}), (text, columns, from, length) => {
				expect(patched.wrapAnsi(text, columns, {hard: true, trim: false})).toBe(original.wrapAnsi(text, columns, {hard: true, trim: false}));
				expect(patched.sliceAnsi(text, from, from + length)).toBe(original.sliceAnsi(text, from, from + length));
			}),
			{numRuns: 500},
		);
	});

	it('makes no Intl.Segmenter while loading, only once a line needs one', async () => {
		const Segmenter = Intl.Segmenter;
		const intl = Intl as {Segmenter: typeof Segmenter};
		let made = 0;
		intl.Segmenter = class extends Segmenter {
			constructor(...options: ConstructorParameters<typeof Segmenter>) {
				super(...options);
				made++;
			}
		};
		try {
			const fresh = (await import(`${pathToFileURL(path.join(folder, 'patched.mjs')).href}?fresh`)) as Bundle;
			expect(made).toBe(0);
			expect(fresh.stringWidth('“Café” — he said…')).toBe(17);
			expect(made).toBe(0);
			expect(fresh.stringWidth('e\u0301 👩\u200D💻')).toBe(4);
			expect(made).toBeGreaterThan(0);
		} finally {
			intl.Segmenter = Segmenter;
		}
	});

	// Patch 9: a styled character made by spreading its token got a hidden class of its own (the
	// spread's inline cache, once it has seen several token shapes, copies the map): 83,000 of them,
	// 20 MB, after 150 page turns. Whether two objects share a hidden class only V8 can say, in a
	// process started with --allow-natives-syntax.
	it('gives every styled character the same hidden class', () => {
		const distinctShapes = (bundle: string) => {
			const script = `
				const {tokenize, styledCharsFromTokens} = await import(${JSON.stringify(pathToFileURL(path.join(folder, bundle)).href)});
				const pieces = ${JSON.stringify(PIECES)};
				const shapes = [];
				for (let i = 0; i < 2000 && shapes.length < 10; i++) {
					const line = Array.from({length: 12}, (_, j) => pieces[(i * 7 + j * 13) % pieces.length]).join('');
					for (const char of styledCharsFromTokens(tokenize(line))) if (!shapes.some((shape) => %HaveSameMap(shape, char))) shapes.push(char);
				}
				console.log(shapes.length);`;
			return Number(execFileSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], {encoding: 'utf8'}).trim());
		};
		expect(distinctShapes('patched.mjs')).toBe(1);
		expect(distinctShapes('original.mjs')).toBeGreaterThan(1);
	});

	it('meow parses as without the patches, and still normalises the package when asked for it', () => {
		// A new options object for each: meow normalises the package in place.
		const options = () => ({importMeta: {url: pathToFileURL(path.join(root, 'package.json')).href}, pkg: {name: 'x', version: '1.0.0'}, argv: ['story.txt', '--width', '60', '--no-justify'], flags: {width: {type: 'number'}, justify: {type: 'boolean'}}});
		const [a, b] = [patched.meow('help', options()), original.meow('help', options())];
		expect([a.input, a.flags]).toEqual([b.input, b.flags]);
		expect(a.pkg['_id']).toBe('x@1.0.0');
		expect(a.pkg).toEqual(b.pkg);
	});

	it('draws the same frames, frame after frame (caches kept between frames)', () => {
		fc.assert(
			fc.property(fc.array(fc.array(fc.tuple(fc.nat({max: 30}), fc.nat({max: 6}), line), {maxLength: 8}), {minLength: 1, maxLength: 4}), (frames) => {
				for (const writes of frames) {
					const [a, b] = [new patched.Output({width: 40, height: 8}), new original.Output({width: 40, height: 8})];
					for (const [x, y, text] of writes) {
						a.write(x, y, text, {transformers: []});
						b.write(x, y, text, {transformers: []});
					}
					expect(a.get()).toEqual(b.get());
				}
			}),
			{numRuns: 300},
		);
	});

	// Patch 8 keeps the last frame's rows: frames that share most of their writes (a page and a
	// status line, the status line changing) must still come out as Ink draws them, also when the
	// width changes, a row is clipped, a transformer rewrites it or a line starts past the width.
	it('draws the same frames when most rows are written as in the frame before', () => {
		const write = fc.record({x: fc.integer({min: -2, max: 44}), y: fc.integer({min: -1, max: 8}), text: fc.oneof(line, fc.array(line, {minLength: 2, maxLength: 3}).map((lines) => lines.join('\n'))), upper: fc.boolean(), clip: fc.option(fc.record({x1: fc.nat({max: 20}), x2: fc.integer({min: 10, max: 40}), y1: fc.nat({max: 4}), y2: fc.integer({min: 2, max: 8})}), {freq: 5, nil: undefined})});
		// A change writes a new text, or moves a written one by a cell (the same line at another x).
		const change = fc.record({at: fc.nat(), write, move: fc.constantFrom(0, 0, 1, -1), width: fc.constantFrom(40, 40, 40, 30)});
		const upper = (text: string, index: number) => (index % 2 === 0 ? text.toUpperCase() : text);
		fc.assert(
			fc.property(fc.array(write, {minLength: 1, maxLength: 8}), fc.array(change, {minLength: 1, maxLength: 6}), (base, changes) => {
				const writes = [...base];
				for (const {at, write: changed, move, width} of [{at: 0, write: base[0]!, move: 0, width: 40}, ...changes]) {
					const was = writes[at % writes.length]!;
					writes[at % writes.length] = move === 0 ? changed : {...was, x: was.x + move};
					const [a, b] = [new patched.Output({width, height: 8}), new original.Output({width, height: 8})];
					for (const output of [a, b]) {
						for (const {x, y, text, upper: transform, clip} of writes) {
							if (clip) output.clip(clip);
							output.write(x, y, text, {transformers: transform ? [upper] : []});
							if (clip) output.unclip();
						}
					}
					expect(a.get()).toEqual(b.get());
				}
			}),
			{numRuns: 500},
		);
	});
});
