/**
 * Markdown to the story model, through marked's lexer (the fastest tokenizer without
 * dependencies; its HTML renderer is never used). Headings become headings and `#`/`##` chapters,
 * except `# Title: ...`-style lines at the top, which are metadata. Emphasis becomes spans,
 * paragraphs of short lines (verse) keep their line breaks, code keeps its lines, raw HTML goes
 * through the HTML renderer, and entities are decoded before the text is sanitised.
 */
import {decodeHTML} from 'entities';
import {Lexer, type Token, type Tokens} from 'marked';
import {UNTITLED, type Story, type StoryMeta} from '../core/story.js';
import {StoryBuilder, blockText, cleanLine} from './builder.js';
import {listField, parseFrontMatter} from './frontmatter.js';
import {isBreakMarker} from './headings.js';
import {renderHtml} from './html.js';
import {parseText} from './text.js';
import {parseTree} from './tree.js';

type Found = {title?: string; author?: string; language?: string; source?: string; fandom?: string; summary?: string; tags?: string[]; notes: string[]};

const META_HEADING = /^(title|author|authors|by|year|date|published|language|source|fandom|summary|tags|translator|illustrator|publisher):\s*(\S.*)$/i;

/** Parses Markdown (already decoded) into a story. */
export function parseMarkdown(raw: string, key: string, fallbackTitle: string, warnings: readonly string[] = []): Story {
	const source = (raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw).replace(/\r\n?/g, '\n');
	const {fields, body} = parseFrontMatter(source);
	const found: Found = {notes: []};
	for (const [name, value] of Object.entries(fields)) addField(found, name, value);
	const asText = (reason: string): Story => {
		const story = parseText(body, {key, title: fallbackTitle, titleIsFallback: true});
		return {...story, meta: {...story.meta, warningsAboutFile: [...warnings, `read as plain text: ${reason}`]}};
	};
	const refused = tooCostly(body);
	if (refused) return asText(refused);
	const builder = new StoryBuilder();
	try {
		new Walker(builder, found).blocks(new Lexer({gfm: true}).lex(body));
	} catch (error) {
		// marked recurses once per nesting level, and so does the walker.
		if (!(error instanceof RangeError)) throw error;
		return asText('the Markdown nests too deeply');
	}
	const {text, blocks, chapters, spans} = builder.build();
	const {title, notes, ...rest} = found;
	const meta: StoryMeta = {
		...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined && value !== '')),
		...(notes.length > 0 ? {notes} : {}),
		...(warnings.length > 0 ? {warningsAboutFile: [...warnings]} : {}),
	};
	return {key, title: title || fallbackTitle || UNTITLED, text, blocks, chapters, meta, ...(spans.length > 0 ? {spans} : {})};
}

function addField(found: Found, rawName: string, rawValue: string): void {
	const name = rawName.toLowerCase();
	const value = cleanLine(rawValue);
	if (!value) return;
	if (name === 'title') found.title ??= value;
	else if (name === 'author' || name === 'authors' || name === 'by') found.author ??= value;
	else if (name === 'language') found.language ??= value;
	else if (name === 'source') found.source ??= value;
	else if (name === 'fandom') found.fandom ??= value;
	else if (name === 'summary') found.summary ??= value;
	else if (name === 'tags') found.tags = listField(value).map(cleanLine);
	else found.notes.push(`${rawName[0]!.toUpperCase()}${rawName.slice(1)}: ${value}`);
}

// Walks marked's token tree; nesting is as deep as marked itself managed to lex.
class Walker {
	private body = false;
	private titleSeen = false;

	constructor(
		private readonly builder: StoryBuilder,
		private readonly found: Found,
	) {}

	blocks(tokens: readonly Token[]): void {
		for (const token of tokens) this.block(token);
	}

	private block(token: Token): void {
		const {builder} = this;
		switch (token.type) {
			case 'space':
			case 'def':
				return;
			case 'heading': {
				const {depth, text, tokens} = token as Tokens.Heading;
				const meta = META_HEADING.exec(decodeHTML(text).trim());
				if (!this.body && meta) {
					addField(this.found, meta[1]!, meta[2]!);
					return;
				}
				// A lone `#` heading before any text is the title, shown but not a chapter.
				const isTitle = !this.body && !this.titleSeen && depth === 1;
				this.body = true;
				builder.open('heading');
				this.inline(tokens);
				const closed = builder.close();
				if (!closed) return;
				if (isTitle) {
					this.titleSeen = true;
					this.found.title ??= cleanLine(blockText(closed));
				} else if (depth <= 2) {
					builder.addChapter(blockText(closed), closed.block.start);
				}
				return;
			}
			case 'hr':
				builder.sceneBreak();
				return;
			case 'paragraph': {
				const {text, tokens} = token as Tokens.Paragraph;
				if (isBreakMarker(text.trim())) {
					builder.sceneBreak();
					return;
				}
				this.body = true;
				builder.open('paragraph', isVerse(text) ? 'lines' : 'collapse');
				this.inline(tokens);
				builder.close();
				return;
			}
			case 'code':
				this.body = true;
				builder.open('paragraph', 'pre');
				builder.text((token as Tokens.Code).text);
				builder.close();
				return;
			case 'blockquote':
				this.blocks((token as Tokens.Blockquote).tokens);
				return;
			case 'list': {
				const list = token as Tokens.List;
				let number = typeof list.start === 'number' ? list.start : 1;
				for (const item of list.items) {
					this.body = true;
					builder.open('paragraph');
					builder.text(list.ordered ? `${number++}. ` : '• ');
					this.listItem(item.tokens);
				}
				builder.close();
				return;
			}
			case 'table': {
				const table = token as Tokens.Table;
				this.body = true;
				for (const row of [table.header, ...table.rows]) {
					builder.open('paragraph');
					row.forEach((cell, index) => {
						if (index > 0) builder.text(' | ');
						this.inline(cell.tokens);
					});
					builder.close();
				}
				return;
			}
			case 'html':
				this.body = true;
				builder.close();
				renderHtml(parseTree((token as Tokens.HTML).text, 'html'), builder);
				return;
			case 'text': {
				const text = token as Tokens.Text;
				this.body = true;
				if (text.tokens) this.inline(text.tokens);
				else builder.text(decodeHTML(text.text));
				return;
			}
			default: {
				const nested = (token as {tokens?: Token[]}).tokens;
				if (nested) this.blocks(nested);
			}
		}
	}

	// The first paragraph of an item shares the block that holds the bullet; later ones get their own.
	private listItem(tokens: readonly Token[]): void {
		tokens.forEach((token, index) => {
			if (index === 0 && (token.type === 'text' || token.type === 'paragraph')) {
				const inline = (token as Tokens.Text | Tokens.Paragraph).tokens;
				if (inline) this.inline(inline);
				else this.builder.text(decodeHTML((token as Tokens.Text).text));
				this.builder.close();
			} else {
				this.block(token);
			}
		});
	}

	private inline(tokens: readonly Token[] | undefined): void {
		const {builder} = this;
		for (const token of tokens ?? []) {
			switch (token.type) {
				case 'text':
				case 'escape': {
					const {tokens: nested, text} = token as Tokens.Text;
					if (nested) this.inline(nested);
					else builder.text(decodeHTML(text));
					break;
				}
				case 'codespan':
					builder.text((token as Tokens.Codespan).text);
					break;
				case 'em':
				case 'strong': {
					const style = token.type === 'em' ? 'italic' : 'bold';
					builder.style(style, true);
					this.inline((token as Tokens.Em).tokens);
					builder.style(style, false);
					break;
				}
				case 'br':
					builder.lineBreak();
					break;
				case 'html':
					this.inlineHtml((token as Tokens.HTML).text);
					break;
				case 'image':
					break;
				default:
					this.inline((token as {tokens?: Token[]}).tokens);
			}
		}
	}

	// Inline HTML arrives one tag at a time: only the tags that mean something to a reader count.
	private inlineHtml(tag: string): void {
		const match = /^<\s*(\/)?\s*([a-z][a-z0-9]*)/i.exec(tag);
		if (!match) return;
		const closing = match[1] === '/';
		const name = match[2]!.toLowerCase();
		if (name === 'br') this.builder.lineBreak();
		else if (name === 'i' || name === 'em' || name === 'cite') this.builder.style('italic', !closing);
		else if (name === 'b' || name === 'strong') this.builder.style('bold', !closing);
	}
}

/** Markdown larger than this is read as plain text: marked lexes lists at about 1 MB a second. */
export const MAX_MARKDOWN_CHARS = 8 * 1024 * 1024;

// marked's time grows with the cube of list nesting (2 000 levels: minutes); no story nests lists
// or quotes this deep, so such a file is read as plain text instead of hanging the reader.
const DEEP_NESTING = /^(?:[ \t]{65,}(?:[-*+]|\d{1,9}[.)])[ \t]|(?:>[ \t]*){17,})/m;

function tooCostly(body: string): string | undefined {
	if (body.length > MAX_MARKDOWN_CHARS) return `the file is too large to read as Markdown (over ${MAX_MARKDOWN_CHARS / 1048576} MB)`;
	if (DEEP_NESTING.test(body)) return 'the Markdown nests lists or quotes too deeply';
	return undefined;
}

// Verse: a paragraph of several lines, none of them long enough to be wrapped prose.
function isVerse(text: string): boolean {
	const lines = text.split('\n');
	return lines.length > 1 && lines.every((line) => line.trim().length <= 60);
}
