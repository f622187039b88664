import {describe, expect, it} from 'vitest';
import {parseFile} from './index.js';
import {parseHtmlTree} from './html.js';
import {parseTree} from './tree.js';
import {corpusFile, corpusPath, expectSaneStory, shownBlocks, spanTexts} from './testkit.js';

const html = (source: string) => {
	const story = parseHtmlTree(parseTree(source, 'html'), 'k', 'fallback');
	expectSaneStory(story);
	return story;
};

describe('parseHtmlTree', () => {
	it('makes paragraphs of block elements and ignores head, scripts and styles', () => {
		const story = html('<html><head><title>T</title><style>p{}</style></head><body><script>alert(1)</script><p>One\n  two.</p><div>Three<p>Four</p>Five</div><ul><li>Six</li></ul></body></html>');
		expect(shownBlocks(story)).toEqual(['paragraph:One two.', 'paragraph:Three', 'paragraph:Four', 'paragraph:Five', 'paragraph:Six']);
	});

	it('makes chapters of the heading level used more than once, not of a lone title or a byline', () => {
		const story = html('<h1>The Book</h1><h2>By Someone</h2><h2>Chapter 1</h2><p>a</p><h3>A section</h3><p>b</p><h2>Chapter 2</h2><p>c</p>');
		expect(story.chapters.map((c) => c.title)).toEqual(['Chapter 1', 'Chapter 2']);
		expect(story.blocks.filter((b) => b.kind === 'heading')).toHaveLength(5);
		expect(story.title).toBe('The Book');
	});

	it('turns i, em and cite into italics, b and strong into bold, also by style attribute or stylesheet class', () => {
		const story = html('<style>.calibre7 { font-style: italic } span.heavy, .x { font-weight: bold }</style><p><i>a</i> <em>b</em> <cite>c</cite> <b>d</b> <strong>e</strong> <span style="font-style: italic">f</span> <span class="calibre7">g</span> <span class="heavy">h</span></p>');
		expect(spanTexts(story, 'italic')).toEqual(['a', 'b', 'c', 'f', 'g']);
		expect(spanTexts(story, 'bold')).toEqual(['d', 'e', 'h']);
	});

	it('keeps <br> line breaks, <pre> lines and verse line groups; <hr> is a scene break', () => {
		const story = html('<p>Roses are red,<br/>\n violets blue.</p><hr/><pre>  code\n    more</pre><div class="linegroup"><div>Line one</div><div>Line two <span class="lnum">10</span></div></div>');
		expect(shownBlocks(story)).toEqual(['paragraph:Roses are red,\nviolets blue.', '<break>', 'paragraph:  code\n    more', 'paragraph:Line one\nLine two']);
		expect(story.blocks.filter((b) => b.kind !== 'break').every((b) => b.lineBreaks)).toBe(true);
	});

	it('decodes entities before sanitising, so an encoded escape cannot reach the terminal', () => {
		// HTML maps &#x9b; to windows-1252's "›"; a raw U+009B in the text is a C1 control.
		const story = html('<p>&amp; &nbsp;&eacute; &#27;[31mred&#x9b;\u009b &lt;b&gt;</p>');
		expect(story.text).toBe('& \u00a0é \u241b[31mred›\ufffd <b>');
	});

	it('survives unclosed and stray tags', () => {
		const story = html('<p>one<p>two</b></i><div>three</span></div></p></p>four');
		expect(shownBlocks(story)).toEqual(['paragraph:one', 'paragraph:two', 'paragraph:three', 'paragraph:four']);
	});

	it('reads past a million nested tags quickly, keeping the rest as plain text', () => {
		const started = performance.now();
		const story = html(`<p>Before.</p><div>${'<b>'.repeat(1_000_000)}deep &amp; <i>deeper</i></div><p>After.</p>`);
		// Unguarded, htmlparser2 needs minutes for this (its open-element stack grows by unshift).
		expect(performance.now() - started).toBeLessThan(10_000);
		expect(story.text).toMatch(/^Before\.\n\ndeep & deeper After\.$/);
		expect(story.meta.warningsAboutFile).toEqual(['the file nests tags more than 512 deep; the rest was read as plain text']);
	});

	it('keeps a Gutenberg header and licence out of the text, reading title and author from them', () => {
		const source = [
			'<html><head><title>The Project Gutenberg eBook of X</title></head><body>',
			'<pre>The Project Gutenberg EBook of X\n\nTitle: A Tale\n\nAuthor: Someone\n\nRelease Date: 2001 [EBook #42]\n\n*** START OF THIS PROJECT GUTENBERG EBOOK X ***\n</pre>',
			'<h1>A TALE</h1><p>The story.</p>',
			'<div class="pgfooter">End of the Project Gutenberg EBook of X<br/>*** END OF THIS PROJECT GUTENBERG EBOOK X ***<br/>The licence.</div>',
			'</body></html>',
		].join('\n');
		const story = html(source);
		expect(story.text).toBe('A TALE\n\nThe story.');
		expect(story.title).toBe('A Tale');
		expect(story.meta).toMatchObject({author: 'Someone', source: 'Project Gutenberg #42'});
		expect(story.meta.notes).toHaveLength(2);
		expect(story.meta.notes?.[1]).toMatch(/\*\*\* END OF[\s\S]*The licence\./);
	});

	it('takes the title and author from a "Title, by Author" <title>', () => {
		expect(html('<title>Pride and Prejudice, by Jane Austen</title><p>x</p>')).toMatchObject({title: 'Pride and Prejudice', meta: {author: 'Jane Austen'}});
	});
});

describe('the Gutenberg HTML corpus', () => {
	it('opens Pride and Prejudice (BOM, CRLF, XHTML) with 61 chapters, 404 italics and no licence', () => {
		const bytes = corpusFile('html/pride-and-prejudice-1342.html');
		if (!bytes) return;
		const story = parseFile(bytes, corpusPath('html/pride-and-prejudice-1342.html'));
		expectSaneStory(story);
		expect(story.title).toBe('Pride and Prejudice');
		expect(story.meta).toMatchObject({author: 'Jane Austen', source: 'Project Gutenberg #1342'});
		expect(story.chapters.map((c) => c.title)).toEqual(Array.from({length: 61}, (_, i) => `Chapter ${i + 1}`));
		expect(story.text.slice(story.chapters[0]!.start)).toMatch(/^Chapter 1\n\nIt is a truth universally acknowledged/);
		expect(spanTexts(story, 'italic')).toHaveLength(404);
		expect(story.text).not.toMatch(/PROJECT GUTENBERG|Project Gutenberg License/);
	});
});
