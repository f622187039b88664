/**
 * HTML to the story model. One renderer serves plain HTML files, AO3 downloads and every EPUB
 * chapter: it walks the element tree without recursion and feeds a StoryBuilder, so nesting depth
 * never matters. Paragraph-like elements become blocks, headings become headings (and chapters at
 * the level the document uses for them), `<i>`/`<em>` and `<b>`/`<strong>` become spans, `<br>`
 * keeps a line break and `<hr>` is a scene break. A Project Gutenberg header and licence are
 * captured for the story card instead of the reading text.
 */
import {UNTITLED, type Story, type StoryMeta} from '../core/story.js';
import {StoryBuilder, blockText, cleanLine} from './builder.js';
import {type EmphasisClasses, emphasisClasses} from './css.js';
import {END_MARKER, START_MARKER, gutenbergMeta} from './gutenberg.js';
import {MAX_DEPTH, TOO_DEEP, type XElement, type XNode, type XText, findElement, findElements, textContent, walk} from './tree.js';

/** How a caller wants one element read: left out, as an author's note, or as a chapter heading. */
export type HtmlRole = 'skip' | 'note' | 'chapter';

/** What the renderer needs to know besides the tree. */
export type RenderOptions = {
	/** Headings at this level (1-6) become chapters; none when undefined. */
	readonly chapterLevel?: number;
	/** Element ids whose offsets the caller wants (EPUB contents targets), reported to `onId`. */
	readonly wantIds?: ReadonlySet<string>;
	readonly onId?: (id: string, offset: number) => void;
	/** Overrides the reading of an element (AO3 notes and chapter headings); undefined keeps the default. */
	readonly roleOf?: (element: XElement) => HtmlRole | undefined;
	/** Classes the book's stylesheets make italic or bold. */
	readonly emphasis?: EmphasisClasses;
};

/** The Gutenberg header and licence the renderer kept out of the reading text (empty when none). */
export type Rendered = {readonly header: string; readonly footer: string};

const SKIP = new Set(['head', 'script', 'style', 'title', 'template', 'noscript', 'iframe', 'object', 'select', 'textarea', 'rt', 'rp', 'svg', 'math', 'button']);
const BLOCK = new Set([
	'p', 'div', 'section', 'article', 'header', 'footer', 'aside', 'main', 'nav', 'blockquote', 'li', 'dd', 'dt', 'dl', 'ul', 'ol',
	'figure', 'figcaption', 'table', 'thead', 'tbody', 'tfoot', 'tr', 'td', 'th', 'caption', 'address', 'center', 'hgroup', 'details',
	'summary', 'body', 'html', 'form', 'fieldset', 'legend',
]);
const ITALIC = new Set(['i', 'em', 'cite', 'var', 'dfn']);
const BOLD = new Set(['b', 'strong']);
const HEADING = /^h([1-6])$/;
const BYLINE = /^by\s/i;
// Containers of verse lines (Wasteland's div.linegroup, Moby-Dick's div.extract-verse-rw), and the
// line numbers printed beside poems, which would otherwise end up inside the lines.
const VERSE_CLASS = /(?:^|[\s_-])(?:verse|poem|poetry|stanza|linegroup|line-group|lg)(?:$|[\s_-])/i;
const LINE_NUMBER_CLASS = /(?:^|\s)(?:lnum|linenum|line-?number|linenumber)(?:$|\s)/i;

/** Renders the body of an HTML tree into `builder`; returns any Gutenberg header and licence text. */
export function renderHtml(root: XElement, builder: StoryBuilder, options: RenderOptions = {}): Rendered {
	const body = findElement(root, (element) => element.name === 'body') ?? root;
	const {start, end} = gutenbergBoundaries(body);
	const header: string[] = [];
	const footer: string[] = [];
	let capture: string[] | undefined = start ? header : undefined;
	let pre = 0;
	let verse = 0;
	const endBlock = () => {
		if (verse > 0) {
			builder.newLine();
			return;
		}
		builder.close();
		if (pre > 0) builder.open('paragraph', 'pre');
	};
	const stack: Array<{element: XElement; index: number; leave: (() => void) | undefined}> = [{element: body, index: 0, leave: undefined}];
	while (stack.length > 0) {
		const frame = stack.at(-1)!;
		const node: XNode | undefined = frame.element.children[frame.index++];
		if (!node) {
			stack.pop();
			frame.leave?.();
			if (frame.element === start) capture = undefined;
			continue;
		}
		if (node === end) capture = footer;
		if (node.type === 'text') {
			if (capture) capture.push(node.text);
			else builder.text(node.text);
			if (node === start) capture = undefined;
			continue;
		}
		const element = node;
		if (capture) {
			if (element.name === 'br' || BLOCK.has(element.name)) capture.push('\n');
			if (!SKIP.has(element.name)) stack.push({element, index: 0, leave: BLOCK.has(element.name) ? () => capture?.push('\n') : undefined});
			continue;
		}
		const role = options.roleOf?.(element);
		const classes = element.attrs['class'] ?? '';
		if (role === 'skip' || SKIP.has(element.name) || LINE_NUMBER_CLASS.test(classes)) continue;
		const id = element.attrs['id'] ?? (element.name === 'a' ? element.attrs['name'] : undefined);
		if (id !== undefined && options.wantIds?.has(id)) builder.mark((offset) => options.onId?.(id, offset));
		const leaves: Array<() => void> = [];
		if (role === 'note') {
			builder.enterNote();
			leaves.push(() => builder.leaveNote());
		}
		const name = element.name;
		const level = HEADING.exec(name)?.[1];
		if (level !== undefined || role === 'chapter') {
			builder.open('heading');
			const isChapter = role === 'chapter' || Number(level) === options.chapterLevel;
			leaves.push(() => {
				const closed = builder.close();
				const title = closed && isChapter ? blockText(closed) : '';
				if (closed && title && !BYLINE.test(title)) builder.addChapter(title, closed.block.start);
				if (pre > 0) builder.open('paragraph', 'pre');
			});
		} else if (name === 'pre') {
			pre++;
			builder.open('paragraph', 'pre');
			leaves.push(() => {
				pre--;
				endBlock();
			});
		} else if (name === 'br') {
			builder.lineBreak();
		} else if (name === 'hr') {
			builder.sceneBreak();
		} else if (BLOCK.has(name) && verse === 0 && VERSE_CLASS.test(classes)) {
			// One block for the whole poem: child blocks are its lines, or its text keeps its newlines.
			const hasBlocks = element.children.some((child) => child.type === 'element' && BLOCK.has(child.name));
			builder.open('paragraph', hasBlocks ? 'collapse' : 'lines');
			verse++;
			leaves.push(() => {
				verse--;
				endBlock();
			});
		} else if (BLOCK.has(name)) {
			endBlock();
			leaves.push(endBlock);
		}
		const style = element.attrs['style'] ?? '';
		const classList = classes ? classes.split(/\s+/) : [];
		const italic = ITALIC.has(name) || /font-style\s*:\s*italic/i.test(style) || classList.some((c) => options.emphasis?.italic.has(c));
		const bold = BOLD.has(name) || /font-weight\s*:\s*(?:bold|[6-9]00)/i.test(style) || classList.some((c) => options.emphasis?.bold.has(c));
		if (italic) {
			builder.style('italic', true);
			leaves.push(() => builder.style('italic', false));
		}
		if (bold) {
			builder.style('bold', true);
			leaves.push(() => builder.style('bold', false));
		}
		stack.push({element, index: 0, leave: leaves.length > 0 ? () => leaves.reverse().forEach((leave) => leave()) : undefined});
	}
	builder.close();
	return {header: header.join(''), footer: footer.join('')};
}

// The node that ends a Gutenberg header and the one that starts its licence: an element with
// id pg-header / pg-footer, or the element that holds the `*** START` / `*** END` line (the line
// itself when it sits directly in the body).
function gutenbergBoundaries(body: XElement): {start?: XNode; end?: XNode} {
	let start: XNode | undefined;
	let end: XNode | undefined;
	const texts: Array<{text: XText; parent: XElement}> = [];
	walk(body, (node, parent) => {
		if (node.type === 'text') {
			if (node.text.includes('***')) texts.push({text: node, parent});
		} else if (node.attrs['id'] === 'pg-header') {
			start ??= node;
		} else if (node.attrs['id'] === 'pg-footer') {
			end ??= node;
		}
	});
	if (start && end) return {start, end};
	// The holder counts only when the marker sits at its edge: a wrapper around the whole book does not.
	const boundary = ({text, parent}: {text: XText; parent: XElement}, marker: RegExp, edge: 'end' | 'start'): XNode => {
		if (parent === body) return text;
		const all = textContent(parent);
		const at = all.search(new RegExp(marker.source.replace('^\\s*', ''), 'i'));
		const distance = edge === 'end' ? all.length - at : at;
		return at >= 0 && distance < 4000 ? parent : text;
	};
	const startText = start ? undefined : texts.find(({text}) => lineMatches(text.text, START_MARKER));
	const endText = end ? undefined : texts.findLast(({text}) => lineMatches(text.text, END_MARKER));
	if (startText) start = boundary(startText, START_MARKER, 'end');
	if (endText) end = boundary(endText, END_MARKER, 'start');
	return {...(start ? {start} : {}), ...(end ? {end} : {})};
}

function lineMatches(text: string, marker: RegExp): boolean {
	return text.split('\n').some((line) => marker.test(line));
}

/** The heading level a document uses for chapters: the highest level that occurs at least twice. */
export function chapterLevelOf(root: XElement): number | undefined {
	const counts = [0, 0, 0, 0, 0, 0, 0];
	for (const heading of findElements(root, (element) => HEADING.test(element.name))) {
		if (!BYLINE.test(cleanLine(textContent(heading)))) counts[Number(heading.name[1])]!++;
	}
	const level = counts.findIndex((count, index) => index > 0 && count >= 2);
	return level > 0 ? level : undefined;
}

/** What the `<head>` and the Gutenberg header say about the document. */
export function htmlMeta(root: XElement, rendered: Rendered): {title?: string; meta: StoryMeta} {
	const pg: {title?: string; meta: StoryMeta} = rendered.header ? gutenbergMeta(rendered.header, rendered.footer) : {meta: {}};
	const metaTag = (name: string) => findElement(root, (e) => e.name === 'meta' && e.attrs['name']?.toLowerCase() === name)?.attrs['content'];
	let title = pg.title;
	let author = pg.meta.author ?? (metaTag('author') ? cleanLine(metaTag('author')!) : undefined);
	if (!title) {
		const titleElement = findElement(root, (element) => element.name === 'title');
		const fromHead = titleElement ? cleanLine(textContent(titleElement)) : '';
		const byline = /^(.+?),\s+by\s+(.+)$/i.exec(fromHead);
		if (byline) author ??= byline[2];
		const h1 = findElement(root, (element) => element.name === 'h1');
		title = (byline ? byline[1] : fromHead) || (h1 ? cleanLine(textContent(h1)) : '') || undefined;
	}
	const language = pg.meta.language ?? findElement(root, (element) => element.name === 'html')?.attrs['lang'];
	const description = metaTag('description');
	const meta: StoryMeta = {
		...pg.meta,
		...(author ? {author} : {}),
		...(language ? {language: cleanLine(language)} : {}),
		...(description && !pg.meta.summary ? {summary: cleanLine(description)} : {}),
	};
	return title ? {title, meta} : {meta};
}

/** The warning for a tree whose parsing stopped at MAX_DEPTH, if it did. */
export function depthWarnings(root: XElement, where = 'the file'): string[] {
	return root.attrs[TOO_DEEP] ? [`${where} nests tags more than ${MAX_DEPTH} deep; the rest was read as plain text`] : [];
}

/** Parses a whole (non-AO3) HTML document into a story. */
export function parseHtmlTree(root: XElement, key: string, fallbackTitle: string, fileWarnings: readonly string[] = []): Story {
	const warnings = [...fileWarnings, ...depthWarnings(root)];
	const builder = new StoryBuilder();
	const chapterLevel = chapterLevelOf(root);
	const emphasis = emphasisClasses(findElements(root, (element) => element.name === 'style').map(textContent));
	const rendered = renderHtml(root, builder, chapterLevel === undefined ? {emphasis} : {chapterLevel, emphasis});
	const {title, meta} = htmlMeta(root, rendered);
	const {text, blocks, chapters, spans} = builder.build();
	return {
		key,
		title: title || fallbackTitle || UNTITLED,
		text,
		blocks,
		chapters,
		meta: {...meta, ...(warnings.length > 0 ? {warningsAboutFile: [...warnings]} : {})},
		...(spans.length > 0 ? {spans} : {}),
	};
}
