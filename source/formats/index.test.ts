import fc from 'fast-check';
import {strToU8, zipSync} from 'fflate';
import {describe, expect, it} from 'vitest';
import {LecternError} from '../io/errors.js';
import {detectFormat, fileKey, parseFile} from './index.js';
import {expectSaneStory} from './testkit.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe('detectFormat', () => {
	it.each([
		['a zip, whatever its name', 'epub', Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0, 0]), 'book.txt'],
		['an .epub that is not a zip', 'epub', utf8('hello'), 'book.epub'],
		['HTML in a .txt file', 'html', utf8('\uFEFF<!DOCTYPE html>\n<html><body><p>x</p></body></html>'), 'story.txt'],
		['XHTML with an XML declaration', 'html', utf8('<?xml version="1.0"?>\n<!-- made by hand -->\n<html xmlns="x">'), 'story'],
		['an .htm fragment', 'html', utf8('  <p>Just a paragraph</p>'), 'story.htm'],
		['Markdown by its extension', 'markdown', utf8('# Title\n\nText'), 'notes.md'],
		['text that mentions <html> later', 'text', utf8('Some text about <html> tags.'), 'a.txt'],
		['anything else', 'text', utf8('Plain words.'), 'README'],
	])('reads %s as %s', (_, format, bytes, name) => {
		expect(detectFormat(bytes, name)).toBe(format);
	});

	it('recognises UTF-16 HTML without a BOM', () => {
		const text = '<html><body><p>Hi</p></body></html>';
		const bytes = new Uint8Array(text.length * 2);
		for (let i = 0; i < text.length; i++) bytes[i * 2] = text.charCodeAt(i);
		expect(detectFormat(bytes, 'x.txt')).toBe('html');
		expect(parseFile(bytes, 'x.txt').text).toBe('Hi');
	});
});

describe('parseFile', () => {
	it('keys a story by a hash of its bytes and titles it by its file name when it has no title', () => {
		const story = parseFile(utf8('Hello.'), '/some/where/My Story.txt');
		expect(story.key).toBe(fileKey(utf8('Hello.')));
		expect(story.key).toMatch(/^file-[0-9a-f]{24}$/);
		expect(story.title).toBe('My Story');
	});

	it('leaves no piece of the decoded file as the last regular-expression match (which would keep the whole file in memory)', () => {
		const lines = Array.from({length: 40}, (_, i) => (i % 10 === 0 ? `CHAPTER ${i / 10 + 1}` : `Line ${i} of _the_ story, long enough to be sliced.`));
		for (const [name, text] of [['story.txt', lines.join('\n')], ['story.md', lines.join('\n\n')], ['story.html', `<html><body><p>${lines.join('</p><p>')}</p></body></html>`]]) {
			parseFile(utf8(text!), name!);
			expect(RegExp.input).toBe('');
		}
	});

	it('says when a file was decoded as windows-1252', () => {
		const story = parseFile(Uint8Array.from([0x93, 0x48, 0x69, 0x94]), 'old.txt');
		expect(story.text).toBe('“Hi”');
		expect(story.meta.warningsAboutFile?.join()).toMatch(/windows-1252/);
	});

	it('names the formats it does not read instead of calling them binary', () => {
		expect(() => parseFile(utf8('%PDF-1.7\n...'), 'story.pdf')).toThrow(/^story\.pdf: is a PDF; Lectern reads \.txt, \.md, \.html and \.epub files/);
		const mobi = new Uint8Array(100);
		mobi.set(utf8('BOOKMOBI'), 60);
		expect(() => parseFile(mobi, 'story.azw3')).toThrow(/^story\.azw3: is a MOBI\/AZW3 e-book/);
	});

	it('calls a zip that is not an EPUB and not named one a binary file', () => {
		expect(() => parseFile(zipSync({'a.png': new Uint8Array(10)}), 'photo.txt')).toThrow(/^photo\.txt: looks like a binary file, not text \(a zip archive, but no package file/);
		expect(() => parseFile(zipSync({'a.png': new Uint8Array(10)}), 'photo.epub')).toThrow(/^photo\.epub: is not a valid EPUB \(no package file/);
	});
});

// Only LecternError may escape parseFile, and whatever it returns keeps the model's invariants.
const parsesSafely = (bytes: Uint8Array, name: string) => {
	try {
		expectSaneStory(parseFile(bytes, name));
	} catch (error) {
		if (!(error instanceof LecternError)) throw error;
	}
};

const NAMES = ['story.txt', 'story.md', 'story.html', 'story.epub', 'story'];
const junk = fc.oneof(
	fc.string({unit: 'binary', maxLength: 30}),
	fc.constantFrom('\u001b[31m', '\u009b', '\u0007', '\r', '\r\n', '\t', '\u2028', '\u00a0', '\0', '\uFEFF', '\uD800'),
);
const htmlPiece = fc.oneof(
	junk,
	fc.constantFrom('<p>', '</p>', '<i>', '</i>', '<b>', '<em>', '</strong>', '<br>', '<br/>', '<hr>', '<h1>', '</h1>', '<h2 class="heading">', '</h2>', '<pre>', '</pre>'),
	fc.constantFrom('<div id="preface">', '<div id="chapters">', '<div class="meta group">', '<dl class="tags"><dt>Rating:</dt><dd>', '</div>', '<div class="linegroup">'),
	fc.constantFrom('&amp;', '&nbsp;', '&#27;', '&#x9b;', '&#0;', '&bogus;', '&', '<!--', '-->', '<![CDATA[', '<script>', '</script>', '<!DOCTYPE html [<!ENTITY a "b">]>'),
	fc.constantFrom('*** START OF THE PROJECT GUTENBERG EBOOK X ***', '*** END OF THE PROJECT GUTENBERG EBOOK X ***', '* * *', 'CHAPTER I', '\n\n'),
);
const markdownPiece = fc.oneof(
	junk,
	fc.constantFrom('# ', '## ', '# Title: ', '\n', '\n\n', '*', '_', '**', '`', '```\n', '> ', '- ', '1. ', '---\n', '|a|b|\n|-|-|\n', '  \n', '<i>', '</i>', '<br>', '&amp;', '&#27;', '[x](y)', '![i](j)'),
);

describe('parseFile on random input', () => {
	it('lets only LecternError escape from random bytes under any name', () => {
		fc.assert(fc.property(fc.uint8Array({maxLength: 600}), fc.constantFrom(...NAMES), parsesSafely), {numRuns: 300});
	});

	it('keeps the invariants on random HTML, AO3-like or not', () => {
		fc.assert(fc.property(fc.array(htmlPiece, {maxLength: 60}), (pieces) => parsesSafely(utf8(pieces.join('')), 'story.html')), {numRuns: 300});
	});

	it('keeps the invariants on random Markdown', () => {
		fc.assert(fc.property(fc.array(markdownPiece, {maxLength: 60}), (pieces) => parsesSafely(utf8(pieces.join('')), 'story.md')), {numRuns: 300});
	});

	it('keeps the invariants on random text', () => {
		const line = fc.oneof(junk, fc.constantFrom('_it_', 'CHAPTER IV.', 'BOOK ONE: 1805', '* * *', '', '   ', 'Title: X', '*** START OF THE PROJECT GUTENBERG EBOOK X ***'));
		fc.assert(fc.property(fc.array(line, {maxLength: 60}), (lines) => parsesSafely(utf8(lines.join('\n')), 'story.txt')), {numRuns: 300});
	});

	it('lets only LecternError escape from a small EPUB with random bytes changed', () => {
		const epub = zipSync({
			mimetype: strToU8('application/epub+zip'),
			'META-INF/container.xml': strToU8('<container><rootfiles><rootfile full-path="OEBPS/content.opf"/></rootfiles></container>'),
			'OEBPS/content.opf': strToU8('<package><metadata><dc:title>T</dc:title></metadata><manifest><item id="c" href="c.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="c"/></spine></package>'),
			'OEBPS/c.xhtml': strToU8('<html><body><h1>One</h1><p>Text <i>here</i>.</p></body></html>'),
		});
		fc.assert(
			fc.property(fc.array(fc.tuple(fc.nat(epub.length - 1), fc.integer({min: 0, max: 255})), {maxLength: 8}), fc.nat(epub.length), (changes, cut) => {
				const bytes = epub.slice(0, Math.max(4, cut));
				for (const [at, value] of changes) if (at < bytes.length) bytes[at] = value;
				parsesSafely(bytes, 'story.epub');
			}),
			{numRuns: 300},
		);
	});
});
