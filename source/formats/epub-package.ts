/**
 * The parts of an EPUB that describe the book rather than hold it: the container that points at
 * the package (OPF), the package's metadata, manifest and spine, and the contents (the EPUB 3
 * navigation document or the EPUB 2 NCX). Everything is read leniently, through htmlparser2:
 * a stray `&` or a missing end tag costs nothing, where strict XML parsers reject the whole book.
 */
import path from 'node:path';
import type {StoryMeta} from '../core/story.js';
import {cleanLine, cleanNote} from './builder.js';
import {type XElement, childElements, findElement, findElements, localName, parseTree, textContent} from './tree.js';

/** A file the manifest lists. */
export type ManifestItem = {readonly id: string; readonly path: string; readonly mediaType: string; readonly properties: readonly string[]};

/** One spine entry: a manifest item in reading order. */
export type SpineItem = {readonly item: ManifestItem; readonly linear: boolean};

/** What the package says: metadata, manifest by id, spine, and where the NCX is. */
export type Package = {
	readonly title?: string;
	readonly meta: StoryMeta;
	readonly manifest: ReadonlyMap<string, ManifestItem>;
	readonly spine: readonly SpineItem[];
	readonly ncx?: ManifestItem;
	readonly nav?: ManifestItem;
};

/** A contents entry: its title and the file (and fragment) it points at. */
export type TocEntry = {readonly title: string; readonly path: string; readonly fragment?: string};

/** The package path named by META-INF/container.xml, if the container names one. */
export function rootfilePath(containerXml: string): string | undefined {
	const root = parseTree(containerXml, 'xml');
	const rootfiles = findElements(root, (element) => localName(element.name) === 'rootfile');
	const chosen = rootfiles.find((element) => (element.attrs['media-type'] ?? '').includes('oebps-package')) ?? rootfiles[0];
	const fullPath = chosen?.attrs['full-path']?.trim();
	return fullPath ? fullPath.replace(/^\/+/, '') : undefined;
}

/** Resolves `href` (URL-encoded, maybe with a fragment) against the folder of `from`; undefined when it leaves the book. */
export function resolveHref(from: string, href: string): {path: string; fragment?: string} | undefined {
	const hash = href.indexOf('#');
	const fragment = hash >= 0 ? href.slice(hash + 1) : undefined;
	let target = (hash >= 0 ? href.slice(0, hash) : href).replace(/\?.*$/, '');
	if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return undefined;
	try {
		target = decodeURIComponent(target);
	} catch {
		// A malformed escape is more likely a literal % in a file name than an encoding.
	}
	const joined = target === '' ? from : path.posix.normalize(path.posix.join(path.posix.dirname(from), target));
	if (joined === '..' || joined.startsWith('../') || joined.startsWith('/')) return undefined;
	const clean = joined.replace(/^\.\//, '');
	return fragment ? {path: clean, fragment: safeDecode(fragment)} : {path: clean};
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** Reads the package document at `opfPath`. */
export function parsePackage(opfXml: string, opfPath: string): Package {
	const root = parseTree(opfXml, 'xml');
	const metadata = findElement(root, (element) => localName(element.name) === 'metadata') ?? root;
	const manifest = new Map<string, ManifestItem>();
	for (const element of findElements(root, (e) => localName(e.name) === 'item')) {
		const id = element.attrs['id'];
		const target = element.attrs['href'] ? resolveHref(opfPath, element.attrs['href']) : undefined;
		if (id === undefined || !target) continue;
		const properties = (element.attrs['properties'] ?? '').split(/\s+/).filter(Boolean);
		manifest.set(id, {id, path: target.path, mediaType: (element.attrs['media-type'] ?? '').toLowerCase(), properties});
	}
	const spineElement = findElement(root, (element) => localName(element.name) === 'spine');
	const spine: SpineItem[] = [];
	for (const ref of spineElement ? findElements(spineElement, (e) => localName(e.name) === 'itemref') : []) {
		const item = manifest.get(ref.attrs['idref'] ?? '');
		if (item) spine.push({item, linear: (ref.attrs['linear'] ?? 'yes').trim().toLowerCase() !== 'no'});
	}
	const items = [...manifest.values()];
	const ncx = manifest.get(spineElement?.attrs['toc'] ?? '') ?? items.find((item) => item.mediaType === 'application/x-dtbncx+xml' || item.path.toLowerCase().endsWith('.ncx'));
	const nav = items.find((item) => item.properties.includes('nav'));
	const {title, meta} = packageMeta(metadata);
	return {...(title ? {title} : {}), meta, manifest, spine, ...(ncx ? {ncx} : {}), ...(nav ? {nav} : {})};
}

function packageMeta(metadata: XElement): {title?: string; meta: StoryMeta} {
	const all = (name: string) => findElements(metadata, (element) => localName(element.name) === name);
	const texts = (name: string) => unique(all(name).map((element) => cleanLine(textContent(element))));
	// EPUB 3 gives a creator's role in a refining <meta>; EPUB 2 in an opf:role attribute.
	const roles = new Map<string, string>();
	for (const element of findElements(metadata, (e) => localName(e.name) === 'meta' && e.attrs['property'] === 'role')) {
		roles.set((element.attrs['refines'] ?? '').replace(/^#/, ''), cleanLine(textContent(element)));
	}
	const creators = all('creator').map((element) => ({name: cleanLine(textContent(element)), role: element.attrs['opf:role'] ?? roles.get(element.attrs['id'] ?? '')}));
	const authors = creators.filter((creator) => creator.role === undefined || creator.role === 'aut');
	const author = unique((authors.length > 0 ? authors : creators).map((creator) => creator.name)).join(', ');
	const description = all('description').map((element) => textContent(element))[0];
	const summary = description ? cleanNote(/<[a-z/]/i.test(description) ? htmlToText(description) : description) : '';
	const tags = texts('subject');
	const source = texts('source')[0] ?? texts('identifier').find((id) => /^(?:https?:|urn:isbn:|isbn)/i.test(id));
	const rights = texts('rights')[0];
	const meta: StoryMeta = {
		...(author ? {author} : {}),
		...(texts('language')[0] ? {language: texts('language')[0]} : {}),
		...(summary ? {summary} : {}),
		...(tags.length > 0 ? {tags} : {}),
		...(source ? {source: gutenbergSource(source)} : {}),
		...(rights ? {notes: [`Rights: ${rights}`]} : {}),
	};
	const title = texts('title')[0];
	return title ? {title, meta} : {meta};
}

// A description is often escaped HTML (Calibre, AO3): keep its paragraphs, drop its tags.
function htmlToText(html: string): string {
	const root = parseTree(html.replace(/<\/(?:p|div|li|h[1-6])>|<br\s*\/?>/gi, '$&\n\n'), 'html');
	return textContent(root);
}

function gutenbergSource(source: string): string {
	const number = /gutenberg\.org\/(?:ebooks|files)\/(\d+)/i.exec(source)?.[1];
	return number ? `Project Gutenberg #${number}` : source;
}

function unique(values: readonly string[]): string[] {
	return [...new Set(values.filter(Boolean))];
}

/**
 * The entries of an EPUB 3 navigation document's `toc` nav, in order, nested entries flattened.
 * A heading without a link (a `<span>`) points where its first child entry points.
 */
export function navEntries(navXhtml: string, navPath: string): TocEntry[] {
	const root = parseTree(navXhtml, 'html');
	const navs = findElements(root, (element) => element.name === 'nav');
	const nav = navs.find((element) => /\btoc\b/.test(element.attrs['epub:type'] ?? element.attrs['role'] ?? '')) ?? navs[0];
	if (!nav) return [];
	const entries: TocEntry[] = [];
	for (const li of findElements(nav, (element) => element.name === 'li')) {
		const label = childElements(li).find((element) => element.name === 'a' || element.name === 'span');
		const title = label ? cleanLine(textContent(label)) : '';
		const link = label?.name === 'a' && label.attrs['href'] ? label : findElement(li, (element) => element.name === 'a' && element.attrs['href'] !== undefined);
		const target = link ? resolveHref(navPath, link.attrs['href']!) : undefined;
		if (title && target) entries.push({title, ...target});
	}
	return entries;
}

/** The entries of an EPUB 2 NCX, in document order (nested navPoints flattened). */
export function ncxEntries(ncxXml: string, ncxPath: string): TocEntry[] {
	const root = parseTree(ncxXml, 'xml');
	const entries: TocEntry[] = [];
	for (const point of findElements(root, (element) => localName(element.name) === 'navpoint')) {
		const children = childElements(point);
		const label = children.find((element) => localName(element.name) === 'navlabel');
		const text = label ? findElement(label, (element) => localName(element.name) === 'text') : undefined;
		const content = children.find((element) => localName(element.name) === 'content');
		const title = cleanLine(text ? textContent(text) : label ? textContent(label) : '');
		const target = content?.attrs['src'] ? resolveHref(ncxPath, content.attrs['src']) : undefined;
		if (title && target) entries.push({title, ...target});
	}
	return entries;
}
