/**
 * Archive of Our Own HTML downloads: the preface's tag list becomes the story's metadata (rating,
 * warnings, fandom, relationships, characters, tags, summary), each chapter's `<h2 class="heading">`
 * becomes a chapter, and author's notes (work, chapter and end notes) become note blocks that the
 * reader can fold. The structure is the archive's download template: `#preface` with
 * `dl.tags`, `h1`, `.byline` and labelled blockquotes; `#chapters` with `div.meta` groups before
 * (and after) each chapter's `div.userstuff`; `#afterword` with end notes and a boilerplate message.
 */
import {UNTITLED, type Story, type StoryMeta} from '../core/story.js';
import {StoryBuilder, cleanLine, cleanNote} from './builder.js';
import {type HtmlRole, depthWarnings, renderHtml} from './html.js';
import {type XElement, childElements, findElement, hasClass, textContent} from './tree.js';

// Fields whose value is a sentence with links in it ("Part 2 of <a>Series</a>"), not a list of tags.
const WHOLE_VALUE = new Set(['series', 'stats', 'language', 'collections']);

/** True for a document shaped like an AO3 download. */
export function isAo3(root: XElement): boolean {
	const chapters = findElement(root, (element) => element.attrs['id'] === 'chapters');
	if (!chapters) return false;
	return findElement(root, (element) => element.attrs['id'] === 'preface' || (element.name === 'dl' && hasClass(element, 'tags'))) !== undefined;
}

/** Parses an AO3 download (see `isAo3`) into a story. */
export function parseAo3(root: XElement, key: string, fallbackTitle: string, fileWarnings: readonly string[] = []): Story {
	const warnings = [...fileWarnings, ...depthWarnings(root)];
	const preface = findElement(root, (element) => element.attrs['id'] === 'preface');
	const found = preface ? ao3Meta(preface) : {meta: {}};
	const builder = new StoryBuilder();
	if (preface) renderWorkNotes(preface, builder);
	for (const id of ['chapters', 'afterword']) {
		const section = findElement(root, (element) => element.attrs['id'] === id);
		if (section) renderHtml(fragment([section]), builder, {roleOf: ao3Role});
	}
	const {text, blocks, chapters, spans} = builder.build();
	return {
		key,
		title: found.title || fallbackTitle || UNTITLED,
		text,
		blocks,
		chapters,
		meta: {...found.meta, ...(warnings.length > 0 ? {warningsAboutFile: [...warnings]} : {})},
		...(spans.length > 0 ? {spans} : {}),
	};
}

/** Renders the work's notes from an AO3 preface (the labelled "Notes" blockquote) as note blocks. */
export function renderWorkNotes(preface: XElement, builder: StoryBuilder): void {
	const workNotes = labelled(preface, /^notes?:?$/i);
	if (!workNotes) return;
	builder.enterNote();
	renderHtml(fragment(workNotes), builder);
	builder.leaveNote();
}

/**
 * How AO3 chapters and afterword read: headings of meta groups are chapters, everything else in a
 * meta group (summary, notes, "see the end of the chapter") is an author's note.
 */
export function ao3Role(element: XElement): HtmlRole | undefined {
	if (element.name === 'p' && hasClass(element, 'message')) return 'skip';
	const parent = element.parent;
	if (/^h[1-6]$/.test(element.name) && (hasClass(element, 'heading') || (parent && isNoteGroup(parent)))) return 'chapter';
	if (parent && isNoteGroup(parent)) return 'note';
	return undefined;
}

function isNoteGroup(element: XElement): boolean {
	if (element.name !== 'div') return false;
	return hasClass(element, 'meta') || hasClass(element, 'notes') || hasClass(element, 'endnotes') || /endnotes$/.test(element.attrs['id'] ?? '');
}

/** The metadata of an AO3 preface: title, author, tags, summary, stats and where it was posted. */
export function ao3Meta(preface: XElement): {title?: string; meta: StoryMeta} {
	const tags = new Map<string, string[]>();
	const list = findElement(preface, (element) => element.name === 'dl' && hasClass(element, 'tags'));
	let label = '';
	for (const item of list ? childElements(list) : []) {
		if (item.name === 'dt') label = cleanLine(textContent(item)).replace(/:$/, '').toLowerCase();
		else if (item.name === 'dd' && label) tags.set(label, WHOLE_VALUE.has(label) ? [cleanLine(textContent(item))].filter(Boolean) : valuesOf(item));
	}
	const first = (...names: string[]) => names.map((name) => tags.get(name)).find((values) => values && values.length > 0);
	const heading = findElement(preface, (element) => element.name === 'h1') ?? findElement(preface, (element) => hasClass(element, 'title'));
	const byline = findElement(preface, (element) => hasClass(element, 'byline'));
	const authors = byline ? valuesOf(byline).map((name) => name.replace(/^by\s+/i, '')).filter(Boolean) : [];
	const summary = labelled(preface, /^summary:?$/i)?.[1];
	const link = findElement(preface, (element) => element.name === 'a' && /archiveofourown\.org\/works\/\d+/.test(element.attrs['href'] ?? ''));
	const notes = ['category', 'series', 'collections', 'stats'].flatMap((name) => {
		const values = tags.get(name);
		return values && values.length > 0 ? [`${name[0]!.toUpperCase()}${name.slice(1)}: ${values.join(', ')}`] : [];
	});
	const rating = first('rating', 'ratings');
	const fandoms = first('fandom', 'fandoms');
	const language = first('language');
	const optional = <K extends keyof StoryMeta>(name: K, value: StoryMeta[K] | undefined) => (value && (!Array.isArray(value) || value.length > 0) ? {[name]: value} : {});
	const meta: StoryMeta = {
		...optional('author', authors.join(', ') || undefined),
		...optional('fandom', fandoms?.join(', ')),
		...optional('rating', rating?.join(', ')),
		...optional('warnings', first('archive warning', 'archive warnings', 'warning', 'warnings')),
		...optional('relationships', first('relationship', 'relationships')),
		...optional('characters', first('character', 'characters')),
		...optional('tags', first('additional tags', 'freeform', 'tags')),
		...optional('summary', summary ? summaryText(summary) || undefined : undefined),
		...optional('language', language?.[0]),
		...optional('source', link?.attrs['href']),
		...optional('notes', notes),
	};
	const title = heading ? cleanLine(textContent(heading)) : '';
	return title ? {title, meta} : {meta};
}

// A dd lists its tags as links; a dd without links (Language, Stats) is one plain value.
function valuesOf(element: XElement): string[] {
	const links: string[] = [];
	const stack = [element];
	while (stack.length > 0) {
		const current = stack.pop()!;
		for (const child of childElements(current).reverse()) {
			if (child.name === 'a') links.unshift(cleanLine(textContent(child)));
			else stack.push(child);
		}
	}
	const values = links.length > 0 ? links : [cleanLine(textContent(element))];
	return values.filter(Boolean);
}

// "Summary" and "Notes" are labels (a `p`) followed by the blockquote they name.
function labelled(root: XElement, label: RegExp): [XElement, XElement] | undefined {
	const marker = findElement(root, (element) => element.name !== 'blockquote' && element.name !== 'div' && label.test(cleanLine(textContent(element))));
	if (!marker?.parent) return undefined;
	const siblings = childElements(marker.parent);
	const next = siblings[siblings.indexOf(marker) + 1];
	return next?.name === 'blockquote' ? [marker, next] : undefined;
}

function summaryText(blockquote: XElement): string {
	const paragraphs = childElements(blockquote).filter((element) => element.name === 'p');
	const texts = paragraphs.length > 0 ? paragraphs.map((p) => cleanLine(textContent(p))) : [cleanLine(textContent(blockquote))];
	return cleanNote(texts.filter(Boolean).join('\n\n'));
}

// A detached root to render some elements alone; the renderer only reads children.
function fragment(children: readonly XElement[]): XElement {
	return {type: 'element', name: '#root', attrs: {}, children: [...children], parent: undefined};
}
