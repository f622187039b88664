import {describe, expect, it} from 'vitest';
import {parseMarkdown} from './markdown.js';
import {corpusFile, expectSaneStory, shownBlocks, spanTexts} from './testkit.js';

const md = (source: string) => {
	const story = parseMarkdown(source, 'k', 'fallback');
	expectSaneStory(story);
	return story;
};

describe('parseMarkdown', () => {
	it('reads `# Title:` lines at the top as metadata, not chapters', () => {
		const story = md('# Title: The Tale\n\n## Author: A. Writer\n\n## Year: 1908\n\n-----\n\n## I. ONE\n\nText.\n\n## II. TWO\n\nMore.');
		expect(story.title).toBe('The Tale');
		expect(story.meta).toMatchObject({author: 'A. Writer', notes: ['Year: 1908']});
		expect(story.chapters.map((c) => c.title)).toEqual(['I. ONE', 'II. TWO']);
		expect(shownBlocks(story)[0]).toBe('heading:I. ONE');
	});

	it('reads YAML-style front matter', () => {
		const story = md('---\ntitle: Front\nauthor: Matter\ntags: a, b\n---\nBody.');
		expect(story).toMatchObject({title: 'Front', meta: {author: 'Matter', tags: ['a', 'b']}, text: 'Body.'});
	});

	it('takes a lone first `#` heading as the title and the rest as chapters', () => {
		const story = md('# My Story\n\n## One\n\na\n\n## Two\n\nb');
		expect(story.title).toBe('My Story');
		expect(story.chapters.map((c) => c.title)).toEqual(['One', 'Two']);
	});

	it('turns emphasis into spans without the markers, and decodes entities', () => {
		const story = md('It was _I_ who said *so*, **loudly** &amp; `co*de*` &#27;[2J.');
		expect(story.text).toBe('It was I who said so, loudly & co*de* \u241b[2J.');
		expect(spanTexts(story, 'italic')).toEqual(['I', 'so']);
		expect(spanTexts(story, 'bold')).toEqual(['loudly']);
	});

	it('keeps the lines of verse and of hard breaks, and joins wrapped prose', () => {
		const prose = 'This line of prose is long enough that it must have been wrapped by an editor\nand this is the rest of the same sentence.';
		const story = md(`*All along the backwater,\nThrough the rushes tall,*\n\nOne  \ntwo\n\n${prose}`);
		expect(shownBlocks(story)).toEqual([
			'paragraph:All along the backwater,\nThrough the rushes tall,',
			'paragraph:One\ntwo',
			`paragraph:${prose.replace('\n', ' ')}`,
		]);
		expect(spanTexts(story, 'italic')).toEqual(['All along the backwater,\nThrough the rushes tall,']);
	});

	it('reads code blocks, lists, quotes, tables, rules and raw HTML', () => {
		const story = md('```\nline 1\n  line 2\n```\n\n- a\n- b\n\n1. c\n\n> quoted\n\n***\n\n| x | y |\n|---|---|\n| 1 | 2 |\n\n<div>raw <i>html</i><br>next</div>\n\ninline <b>bold</b> tag');
		expect(shownBlocks(story)).toEqual([
			'paragraph:line 1\n  line 2',
			'paragraph:• a',
			'paragraph:• b',
			'paragraph:1. c',
			'paragraph:quoted',
			'<break>',
			'paragraph:x | y',
			'paragraph:1 | 2',
			'paragraph:raw html\nnext',
			'paragraph:inline bold tag',
		]);
		expect(spanTexts(story, 'bold')).toEqual(['bold']);
	});

	it('reads Markdown that nests too deeply to lex quickly as plain text, and says so', () => {
		const lists = md(Array.from({length: 2000}, (_, i) => `${' '.repeat(i * 2)}- deep`).join('\n'));
		const quotes = md(`${'>'.repeat(20_000)} deep`);
		for (const story of [lists, quotes]) {
			expect(story.text).toContain('deep');
			expect(story.meta.warningsAboutFile).toEqual(['read as plain text: the Markdown nests lists or quotes too deeply']);
		}
	});
});

describe('the Markdown corpus', () => {
	it('opens The Wind in the Willows with its title, author, 12 chapters, emphasis and songs', () => {
		const bytes = corpusFile('markdown/the-wind-in-the-willows.md');
		if (!bytes) return;
		const story = md(new TextDecoder().decode(bytes));
		expect(story.title).toBe('The Wind in the Willows');
		expect(story.meta.author).toBe('Kenneth Grahame');
		expect(story.chapters).toHaveLength(12);
		expect(story.chapters[0]!.title).toBe('I. THE RIVER BANK');
		expect(story.text).toMatch(/^I\. THE RIVER BANK\n\nThe Mole had been working very hard/);
		expect(spanTexts(story, 'bold')).toContain("'DUCKS' DITTY.'");
		expect(spanTexts(story, 'italic')).toContain('I');
		const ditty = story.text.indexOf('All along the backwater,');
		expect(story.text.slice(ditty, ditty + 50)).toBe('All along the backwater,\nThrough the rushes tall,\n');
		expect(story.text).not.toMatch(/\*\*|# /);
	});
});
