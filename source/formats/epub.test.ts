import {strFromU8, strToU8, unzipSync, zipSync} from 'fflate';
import {describe, expect, it} from 'vitest';
import type {Story} from '../core/story.js';
import {parseFile} from './index.js';
import {corpusFile, corpusPath, expectSaneStory, shownBlocks, spanTexts} from './testkit.js';

const read = (bytes: Uint8Array, name = 'variant.epub') => parseFile(bytes, name);
const open = (relative: string): Story | undefined => {
	const bytes = corpusFile(relative);
	if (!bytes) return undefined;
	const story = parseFile(bytes, corpusPath(relative));
	expectSaneStory(story);
	return story;
};

describe('the EPUB corpus', () => {
	it('reads Moby-Dick (EPUB 3, nav only) in spine order, with the nav as contents', () => {
		const story = open('epub/moby-dick.epub');
		if (!story) return;
		expect(story.title).toBe('Moby-Dick');
		expect(story.meta).toMatchObject({author: 'Herman Melville', language: 'en-US'});
		expect(story.chapters).toHaveLength(141);
		expect(story.chapters.slice(0, 7).map((c) => c.title)).toEqual([
			'Moby-Dick',
			'Original Transcriber’s Notes:',
			'ETYMOLOGY.',
			'EXTRACTS (Supplied by a Sub-Sub-Librarian).',
			'Chapter 1. Loomings.',
			'Chapter 2. The Carpet-Bag.',
			'Chapter 3. The Spouter-Inn.',
		]);
		const loomings = story.chapters[4]!.start;
		expect(story.text.slice(loomings)).toMatch(/^Chapter 1\. Loomings\.\n\nCall me Ishmael\./);
		expect(story.chapters.at(-2)!.title).toBe('Epilogue');
		// The non-linear nav document is not read into the story; the cover has no text.
		expect(story.text.match(/Chapter 1\. Loomings\./g)).toHaveLength(1);
	});

	it('reads the nested contents of Children’s Literature from its nav, headings without links included', () => {
		const story = open('epub/childrens-literature.epub');
		if (!story) return;
		expect(story.chapters).toHaveLength(31);
		const titles = story.chapters.map((c) => c.title);
		expect(titles.slice(0, 5)).toEqual(['SECTION IV FAIRY STORIES—MODERN FANTASTIC TALES', 'BIBLIOGRAPHY', 'INTRODUCTORY', 'Abram S. Isaacs', '190 A FOUR-LEAVED CLOVER']);
		const nightingale = story.chapters.find((c) => c.title === '194 THE NIGHTINGALE')!;
		expect(story.text.slice(nightingale.start)).toMatch(/^194\n\nIn his story "The Nightingale,"/);
	});

	it('reads The Waste Land with its six contents entries and its verse lines kept', () => {
		const story = open('epub/wasteland.epub');
		if (!story) return;
		expect(story.chapters.map((c) => c.title)).toEqual([
			'I. THE BURIAL OF THE DEAD',
			'II. A GAME OF CHESS',
			'III. THE FIRE SERMON',
			'IV. DEATH BY WATER',
			'V. WHAT THE THUNDER SAID',
			'NOTES ON "THE WASTE LAND"',
		]);
		expect(story.text.slice(story.chapters[0]!.start)).toMatch(/^I\. THE BURIAL OF THE DEAD\n\nApril is the cruellest month, breeding\nLilacs out of the dead land, mixing\n/);
		expect(story.blocks.filter((b) => b.lineBreaks).length).toBeGreaterThan(20);
	});

	it('reads the Gutenberg Alice (EPUB 2) with its 14 NCX entries, its italics and its licence kept aside', () => {
		const story = open('epub/gutenberg-alice-19033-epub2.epub');
		if (!story) return;
		expect(story.chapters).toHaveLength(14);
		expect(story.chapters.map((c) => c.title)).toContain('I—DOWN THE RABBIT-HOLE');
		expect(spanTexts(story, 'italic').length).toBeGreaterThanOrEqual(74);
		expect(story.text).not.toContain('*** START OF');
		expect(story.meta.notes?.some((note) => note.includes('*** END OF THIS PROJECT GUTENBERG'))).toBe(true);
		expect(story.meta.source).toBe('Project Gutenberg #19033');
	});

	it('reads the malformed Alice, whose NCX has a bare &, with its contents', () => {
		const story = open('epub/malformed-alice-bad-ncx.epub');
		if (!story) return;
		expect(story.chapters).toHaveLength(14);
		expect(story.chapters.map((c) => c.title)).toContain('II—THE POOL & OF TEARS');
		const pool = story.chapters.find((c) => c.title.startsWith('II—'))!;
		expect(story.text.slice(pool.start)).toMatch(/^II—THE POOL OF TEARS/);
	});

	it('reads the Calibre quick start, whose package sits at the zip root', () => {
		const story = open('epub/calibre-quick-start-eng.epub');
		if (!story) return;
		expect(story.chapters).toHaveLength(22);
		expect(story.text).toContain('calibre');
	});
});

// A small EPUB written in the test: a package, its chapters, and optionally a nav and an NCX.
function smallEpub(options: {chapters: Record<string, string>; spine: string; nav?: string; ncx?: string; metadata?: string}): Uint8Array {
	const items = Object.keys(options.chapters).map((name) => `<item id="${name}" href="${name}.xhtml" media-type="application/xhtml+xml"/>`);
	if (options.nav) items.push('<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>');
	if (options.ncx) items.push('<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>');
	const files: Record<string, Uint8Array> = {
		mimetype: strToU8('application/epub+zip'),
		'META-INF/container.xml': strToU8('<container><rootfiles><rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/></rootfiles></container>'),
		'OEBPS/content.opf': strToU8(
			`<package xmlns:dc="http://purl.org/dc/elements/1.1/"><metadata>${options.metadata ?? '<dc:title>Small</dc:title>'}</metadata><manifest>${items.join('')}</manifest><spine${options.ncx ? ' toc="ncx"' : ''}>${options.spine}</spine></package>`,
		),
	};
	for (const [name, body] of Object.entries(options.chapters)) files[`OEBPS/${name}.xhtml`] = strToU8(`<html><head><title>${name}</title></head><body>${body}</body></html>`);
	if (options.nav) files['OEBPS/nav.xhtml'] = strToU8(`<html><body><nav epub:type="toc"><ol>${options.nav}</ol></nav></body></html>`);
	if (options.ncx) files['OEBPS/toc.ncx'] = strToU8(`<ncx><navMap>${options.ncx}</navMap></ncx>`);
	return zipSync(files);
}

describe('EPUB structure', () => {
	const chapters = {a: '<h2>First</h2><p>Alpha text.</p><p id="mid">Middle.</p>', b: '<h2>Second</h2><p>Beta text.</p>', notes: '<p>Footnotes.</p>'};

	it('puts non-linear spine items after the linear ones', () => {
		const story = read(smallEpub({chapters, spine: '<itemref idref="notes" linear="no"/><itemref idref="a"/><itemref idref="b"/>'}));
		expectSaneStory(story);
		expect(story.text.indexOf('Footnotes.')).toBeGreaterThan(story.text.indexOf('Beta text.'));
	});

	it('makes one chapter per spine file, titled by its first heading, when there are no contents', () => {
		const story = read(smallEpub({chapters, spine: '<itemref idref="a"/><itemref idref="b"/><itemref idref="notes"/>'}));
		expect(story.chapters.map((c) => c.title)).toEqual(['First', 'Second', 'notes']);
	});

	it('maps contents entries with fragments to the offset of the element they name', () => {
		const nav = '<li><a href="a.xhtml">One</a><ol><li><a href="a.xhtml#mid">Middle part</a></li></ol></li><li><a href="b.xhtml">Two</a></li>';
		const story = read(smallEpub({chapters, spine: '<itemref idref="a"/><itemref idref="b"/>', nav}));
		expect(story.chapters.map((c) => [c.title, story.text.slice(c.start, c.start + 7)])).toEqual([
			['One', 'First\n\n'],
			['Middle part', 'Middle.'],
			['Two', 'Second\n'],
		]);
	});

	it('prefers the nav document to the NCX, and falls back to the NCX when the nav is empty', () => {
		const ncx = '<navPoint><navLabel><text>From NCX</text></navLabel><content src="b.xhtml"/></navPoint>';
		const spine = '<itemref idref="a"/><itemref idref="b"/>';
		expect(read(smallEpub({chapters, spine, ncx, nav: '<li><a href="a.xhtml">From nav</a></li>'})).chapters.map((c) => c.title)).toEqual(['From nav']);
		expect(read(smallEpub({chapters, spine, ncx, nav: ''})).chapters.map((c) => c.title)).toEqual(['From NCX']);
	});

	it('reads the metadata of the package: creators, subjects, description and source', () => {
		const metadata = [
			'<dc:title>Tale</dc:title><dc:creator opf:role="aut">Ann Author</dc:creator><dc:creator opf:role="ill">Ian Illustrator</dc:creator>',
			'<dc:subject>Fantasy</dc:subject><dc:subject>Fantasy</dc:subject><dc:language>fr</dc:language>',
			'<dc:description>&lt;p&gt;A &lt;i&gt;short&lt;/i&gt; tale.&lt;/p&gt;&lt;p&gt;Two.&lt;/p&gt;</dc:description>',
			'<dc:identifier>urn:isbn:9780000000000</dc:identifier>',
		].join('');
		const story = read(smallEpub({chapters, spine: '<itemref idref="a"/>', metadata}));
		expect(story.title).toBe('Tale');
		expect(story.meta).toMatchObject({author: 'Ann Author', tags: ['Fantasy'], language: 'fr', summary: 'A short tale.\n\nTwo.', source: 'urn:isbn:9780000000000'});
	});

	it('reads an AO3 EPUB preface as metadata and its notes as notes', () => {
		const preface = '<div id="preface"><dl class="tags"><dt>Rating:</dt><dd><a>Mature</a></dd><dt>Fandom:</dt><dd><a>Original Work</a></dd></dl><h1>AO3 Tale</h1><div class="byline">by <a rel="author">someone</a></div><p>Notes</p><blockquote class="userstuff"><p>A note.</p></blockquote></div>';
		const chapter = '<div class="meta group"><h2 class="heading">Chapter 1</h2><p>Chapter Notes</p><blockquote class="userstuff"><p>Hi.</p></blockquote></div><div class="userstuff"><p>Story.</p></div>';
		const story = read(smallEpub({chapters: {preface, c1: chapter}, spine: '<itemref idref="preface"/><itemref idref="c1"/>'}));
		expectSaneStory(story);
		expect(story.title).toBe('AO3 Tale');
		expect(story.meta).toMatchObject({rating: 'Mature', fandom: 'Original Work', author: 'someone'});
		expect(shownBlocks(story)).toEqual(['note:Notes', 'note:A note.', 'heading:Chapter 1', 'note:Chapter Notes', 'note:Hi.', 'paragraph:Story.']);
	});
});

// Variants of Moby-Dick, built when the tests run (stored, not deflated, to keep them fast).
const moby = corpusFile('epub/moby-dick.epub');
const mobyFiles = moby ? unzipSync(moby) : {};
const variant = (change: (files: Record<string, Uint8Array>) => void): Uint8Array => {
	const files = {...mobyFiles};
	change(files);
	return zipSync(files, {level: 0});
};
const replaceText = (files: Record<string, Uint8Array>, name: string, edit: (text: string) => string) => {
	files[name] = strToU8(edit(strFromU8(files[name]!)));
};

describe.skipIf(!moby)('a damaged or hostile EPUB', () => {
	it('finds the package without META-INF/container.xml and says so', () => {
		const story = read(variant((files) => delete files['META-INF/container.xml']));
		expectSaneStory(story);
		expect(story.chapters).toHaveLength(141);
		expect(story.meta.warningsAboutFile?.join(' ')).toMatch(/container\.xml/);
	});

	it('reads on with a wrong mimetype or none at all', () => {
		expect(read(variant((files) => (files['mimetype'] = strToU8('application/zip')))).chapters).toHaveLength(141);
		expect(read(variant((files) => delete files['mimetype'])).chapters).toHaveLength(141);
	});

	it('skips a missing spine file with a warning and keeps the rest', () => {
		const story = read(variant((files) => delete files['OPS/chapter_005.xhtml']));
		expectSaneStory(story);
		expect(story.meta.warningsAboutFile).toEqual(['skipped a missing file: OPS/chapter_005.xhtml']);
		expect(story.chapters.map((c) => c.title)).not.toContain('Chapter 5. Breakfast.');
		expect(story.chapters.map((c) => c.title)).toContain('Chapter 6. The Street.');
	});

	it('decodes &nbsp; and other HTML entities in XHTML', () => {
		const story = read(variant((files) => replaceText(files, 'OPS/chapter_001.xhtml', (t) => t.replace('Call me Ishmael.', 'Call&nbsp;me&nbsp;Ishmael&hellip; &eacute;&#27;[2J'))));
		expectSaneStory(story);
		expect(story.text).toContain('Call\u00a0me\u00a0Ishmael… é\u241B[2J');
	});

	it('reads an OPF with a bare & in its metadata', () => {
		const story = read(variant((files) => replaceText(files, 'OPS/package.opf', (t) => t.replace('<dc:title id="title">Moby-Dick</dc:title>', '<dc:title id="title">Moby & Dick</dc:title>'))));
		expect(story.title).toBe('Moby & Dick');
		expect(story.chapters).toHaveLength(141);
	});

	it('does not expand entities declared in a DOCTYPE (billion laughs)', () => {
		const laughs = ['<!ENTITY lol "lol">', ...Array.from({length: 9}, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i || ''};`.repeat(10)}">`)].join('');
		const story = read(
			variant((files) =>
				replaceText(files, 'OPS/chapter_001.xhtml', (t) => t.replace('<html', `<!DOCTYPE html [${laughs}]>\n<html`).replace('Call me Ishmael.', 'Call me &lol9; Ishmael.')),
			),
		);
		expectSaneStory(story);
		expect(story.text).toContain('Call me &lol9; Ishmael.');
		expect(story.text.length).toBeLessThan(1_300_000);
	});

	it('refuses DRM: an encryption.xml that covers content, or a rights.xml', () => {
		const encryption = (uri: string, algorithm = 'http://www.w3.org/2001/04/xmlenc#aes128-cbc') =>
			strToU8(
				`<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData><enc:EncryptionMethod Algorithm="${algorithm}"/><enc:CipherData><enc:CipherReference URI="${uri}"/></enc:CipherData></enc:EncryptedData></encryption>`,
			);
		expect(() => read(variant((files) => (files['META-INF/encryption.xml'] = encryption('OPS/chapter_001.xhtml'))))).toThrow(
			/variant\.epub: is protected by DRM; Lectern cannot read it\./,
		);
		expect(() => read(variant((files) => (files['META-INF/rights.xml'] = strToU8('<rights/>'))))).toThrow(/protected by DRM/);
		// Obfuscated or encrypted fonts alone are not DRM.
		expect(read(variant((files) => (files['META-INF/encryption.xml'] = encryption('OPS/fonts/STIXGeneral.otf')))).chapters).toHaveLength(141);
		expect(read(variant((files) => (files['META-INF/encryption.xml'] = encryption('OPS/x.xhtml', 'http://www.idpf.org/2008/embedding')))).chapters).toHaveLength(141);
	});
});
