import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {sanitize} from '../core/sanitize.js';
import {StoryBuilder, cleanLine, cleanNote, isPlain, safeText} from './builder.js';
import {expectSaneStory} from './testkit.js';

const build = (steps: (builder: StoryBuilder) => void) => {
	const builder = new StoryBuilder();
	steps(builder);
	const built = builder.build();
	expectSaneStory({key: 'k', title: 'T', meta: {}, ...built});
	return built;
};

describe('StoryBuilder', () => {
	it('separates blocks with one blank line and collapses whitespace inside them', () => {
		const {text, blocks} = build((b) => {
			b.text('  Hello,\n\t  world.  ');
			b.open('heading');
			b.text(' A   heading ');
			b.open();
			b.text('Last.');
		});
		expect(text).toBe('Hello, world.\n\nA heading\n\nLast.');
		expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'heading', 'paragraph']);
	});

	it('makes no block of whitespace or no-break spaces alone', () => {
		const {text, blocks} = build((b) => {
			b.text('One.');
			b.open();
			b.text(' \u00a0 ');
			b.open();
			b.text('Two.');
		});
		expect(text).toBe('One.\n\nTwo.');
		expect(blocks).toHaveLength(2);
	});

	it('keeps line breaks in verse and preformatted blocks, and splits them at blank lines', () => {
		const {text, blocks} = build((b) => {
			b.open('paragraph', 'lines');
			b.text('Line one,  \n   line two.\n\nNext stanza.');
			b.open('paragraph', 'pre');
			b.text('\n  code\tindented\n');
		});
		expect(text).toBe('Line one,\nline two.\n\nNext stanza.\n\n  code    indented');
		expect(blocks.map((block) => Boolean(block.lineBreaks))).toEqual([true, false, true]);
	});

	it('adds the lines of a paragraph as one paragraph of single-spaced words', () => {
		const {text} = build((b) => {
			b.lines(['  It was a bright', 'cold day ', '', 'in April.']);
			b.open();
			b.lines(['Next.']);
		});
		expect(text).toBe('It was a bright cold day in April.\n\nNext.');
	});

	it('turns one line break into a newline and two into a new block', () => {
		const {text} = build((b) => {
			b.text('a');
			b.lineBreak();
			b.text(' b ');
			b.lineBreak();
			b.lineBreak();
			b.text('c');
		});
		expect(text).toBe('a\nb\n\nc');
	});

	it('makes italic and bold spans that skip surrounding spaces and merge nested runs', () => {
		const {text, spans} = build((b) => {
			b.text('plain ');
			b.style('italic', true);
			b.text(' it ');
			b.style('italic', true);
			b.text('nested');
			b.style('italic', false);
			b.style('bold', true);
			b.text(' both ');
			b.style('bold', false);
			b.style('italic', false);
			b.text(' end');
		});
		expect(text).toBe('plain it nested both end');
		expect(spans.map((s) => `${s.style}:${text.slice(s.start, s.end)}`)).toEqual(['italic:it nested both', 'bold:both']);
	});

	it('carries an open style over to the next block as a new span', () => {
		const {text, spans} = build((b) => {
			b.style('italic', true);
			b.text('one');
			b.open();
			b.text('two');
			b.style('italic', false);
		});
		expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['one', 'two']);
	});

	it('places a scene break between blocks only, and turns a "* * *" paragraph into one', () => {
		const {blocks, text} = build((b) => {
			b.sceneBreak();
			b.text('A.');
			b.open();
			b.text('* * *');
			b.open();
			b.text('B.');
			b.sceneBreak();
		});
		expect(text).toBe('A.\n\nB.');
		expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'break', 'paragraph']);
		expect(blocks[1]!.start).toBe(blocks[2]!.start);
	});

	it('marks offsets at the next character written, past separators and spaces', () => {
		const seen: number[] = [];
		const {text, chapters} = build((b) => {
			b.text('First. ');
			b.mark((offset) => seen.push(offset));
			b.text(' Second.');
			b.open();
			b.mark((offset) => b.addChapter('  A \n chapter ', offset));
			b.text('Third.');
			b.mark((offset) => seen.push(offset));
		});
		expect(seen.map((offset) => text.slice(offset, offset + 3))).toEqual(['Sec', '']);
		expect(seen[1]).toBe(text.length);
		expect(chapters).toEqual([{title: 'A chapter', start: text.indexOf('Third.')}]);
	});

	it('makes author’s notes of everything between enterNote and leaveNote', () => {
		const {blocks} = build((b) => {
			b.enterNote();
			b.text('A note.');
			b.open('heading');
			b.text('Note heading');
			b.leaveNote();
			b.text('Story.');
		});
		expect(blocks.map((block) => block.kind)).toEqual(['note', 'note', 'paragraph']);
	});

	it('sanitises what it is given, one code unit for one', () => {
		const {text} = build((b) => b.text('a\u001b[31mb\u0007c\u009bd\u2028e'));
		expect(text).toBe('a\u241b[31mb\u2407c\ufffdd e');
	});
});

describe('safeText', () => {
	it('finds exactly the code points sanitize replaces, over the whole BMP', () => {
		const missed: string[] = [];
		for (let code = 0; code <= 0xffff; code++) {
			const char = String.fromCharCode(code);
			if (safeText(`a${char}b`) !== sanitize(`a${char}b`)) missed.push(code.toString(16));
		}
		expect(missed).toEqual([]);
	});
});

describe('isPlain', () => {
	const textOf = (lines: string[], plain: boolean) => {
		const builder = new StoryBuilder();
		builder.lines(lines, plain);
		return builder.build().text;
	};

	it('lets plain lines skip collapsing and sanitising without changing the text, over the whole BMP', () => {
		const changed: string[] = [];
		for (let code = 0; code <= 0xffff; code++) {
			if (code === 0x0a) continue; // lines never hold a newline
			const lines = [` a${String.fromCharCode(code)}b `, 'c d'];
			if (isPlain(lines.join('\n')) && textOf(lines, true) !== textOf(lines, false)) changed.push(code.toString(16));
		}
		expect(changed).toEqual([]);
	});

	it('gives the same paragraph either way for any LF or CRLF lines it calls plain', () => {
		const line = fc.string({unit: fc.constantFrom('a', 'b', ' ', '  ', '\t', '\r', '\u00a0', '\u200b', '\u0007', '\u2028', '\u201c')});
		fc.assert(
			fc.property(fc.array(line, {minLength: 1, maxLength: 6}), fc.constantFrom('\n', '\r\n'), (lines, ending) => {
				const paragraph = lines.join(ending);
				if (isPlain(paragraph)) expect(textOf(paragraph.split(/\r?\n/), true)).toBe(textOf(paragraph.split(/\r?\n/), false));
			}),
		);
	});

	it('is false for runs of spaces, tabs, lone carriage returns and control characters', () => {
		expect(isPlain('one two\nthree')).toBe(true);
		expect(isPlain('one two\r\nthree')).toBe(true);
		for (const text of ['one  two', 'one\ttwo', 'one\rtwo', 'one\u0007', 'one\u2028two', 'one\u009btwo']) expect(isPlain(text)).toBe(false);
	});
});

describe('cleanLine and cleanNote', () => {
	it('collapse a title to one safe line', () => {
		expect(cleanLine('  The\n  Title\u001b ')).toBe('The Title\u241b');
	});

	it('keep a note’s lines but no runs of blank ones', () => {
		expect(cleanNote('  one  \r\n\r\n\r\n\r\n two\t\u0007')).toBe('one\n\ntwo \u2407');
	});
});
