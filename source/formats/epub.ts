/**
 * EPUB 2 and 3 to the story model. The spine's XHTML files go through the HTML renderer into one
 * reading text; the contents (nav document, else NCX, else one entry per spine file) are mapped to
 * offsets by noting, while rendering, where each spine file starts and where each element id that
 * the contents point at appears. Reading is lenient (no container, wrong mimetype, a missing
 * chapter file, a stray `&`: read on, say so in `warningsAboutFile`) and bounded (zip limits, DRM).
 */
import {UNTITLED, type Story, type StoryMeta} from '../core/story.js';
import {LecternError} from '../io/errors.js';
import {ao3Meta, ao3Role, renderWorkNotes} from './ao3.js';
import {StoryBuilder, cleanLine} from './builder.js';
import {emphasisClasses} from './css.js';
import {decodeText} from './decode.js';
import {type Package, type SpineItem, type TocEntry, navEntries, ncxEntries, parsePackage, rootfilePath} from './epub-package.js';
import {gutenbergMeta} from './gutenberg.js';
import {type RenderOptions, depthWarnings, renderHtml} from './html.js';
import {type XElement, findElement, findElements, hasClass, localName, parseTree, textContent} from './tree.js';
import {DEFAULT_ZIP_LIMITS, ZipArchive, ZipError, type ZipLimits} from './zip.js';

/** The limits an EPUB is read within (see ZipLimits). */
export type EpubLimits = ZipLimits;

/** A file that is not a readable EPUB (not a zip, cut short, no package); `reason` says why. */
export class InvalidEpubError extends LecternError {
	/** The reason alone, for callers that word the message differently. */
	readonly reason: string;

	constructor(fileName: string, reason: string) {
		super(`${fileName}: is not a valid EPUB (${reason}).`);
		this.reason = reason;
	}
}

const FONT = /\.(?:ttf|otf|woff2?|ttc|eot|dfont)$/i;
// Font obfuscation (IDPF and Adobe) scrambles fonts only; it is not DRM.
const OBFUSCATION = new Set(['http://www.idpf.org/2008/embedding', 'http://ns.adobe.com/pdf/enc#RC']);
const MAX_WARNED_FILES = 5;

/** Parses an EPUB's bytes into a story; `fileName` names the file in errors. */
export function parseEpub(bytes: Uint8Array, fileName: string, key: string, fallbackTitle: string, limits: Partial<EpubLimits> = {}): Story {
	const book = new Book(bytes, fileName, {...DEFAULT_ZIP_LIMITS, ...limits});
	book.refuseDrm();
	const opfPath = book.packagePath();
	const opf = book.text(opfPath);
	if (opf === undefined) throw new InvalidEpubError(fileName, `its package file ${opfPath} cannot be read`);
	const pkg = parsePackage(opf, opfPath);
	const spine = readingOrder(pkg, book);
	if (spine.length === 0) throw new InvalidEpubError(fileName, 'it lists no chapters to read');
	const toc = contents(pkg, book).map((entry) => ({...entry, path: book.canonical(entry.path)}));
	const builder = new StoryBuilder();
	const read = renderSpine(spine, pkg, book, toc, builder);
	const {text, blocks, chapters, spans} = builder.build();
	for (const entry of toc) {
		const start = (entry.fragment ? read.idOffsets.get(`${entry.path}#${entry.fragment}`) : undefined) ?? read.itemStarts.get(entry.path);
		if (start !== undefined) chapters.push({title: entry.title, start});
	}
	if (chapters.length === 0) {
		for (const {title, path} of read.untitled) chapters.push({title: cleanLine(title), start: read.itemStarts.get(path)!});
	}
	chapters.sort((a, b) => a.start - b.start);
	const pgNotes = read.pg ? (gutenbergMeta(read.pg.header, read.pg.footer).meta.notes ?? []) : [];
	const notes = [...(pkg.meta.notes ?? []), ...(read.ao3?.meta.notes ?? []), ...pgNotes];
	const meta: StoryMeta = {
		...pkg.meta,
		...read.ao3?.meta,
		...(notes.length > 0 ? {notes} : {}),
		...(book.warnings.length > 0 ? {warningsAboutFile: book.warningList()} : {}),
	};
	return {key, title: read.ao3?.title || pkg.title || fallbackTitle || UNTITLED, text, blocks, chapters, meta, ...(spans.length > 0 ? {spans} : {})};
}

type SpineRead = {
	/** Where each spine file's text starts, and where each element a contents entry names starts. */
	readonly itemStarts: Map<string, number>;
	readonly idOffsets: Map<string, number>;
	/** Spine files with text, and a title for each, for a book without contents. */
	readonly untitled: Array<{title: string; path: string}>;
	pg?: {header: string; footer: string};
	ao3?: {title?: string; meta: StoryMeta};
};

// Renders every spine file into the builder, noting the offsets the contents need.
function renderSpine(spine: readonly SpineItem[], pkg: Package, book: Book, toc: readonly TocEntry[], builder: StoryBuilder): SpineRead {
	const wanted = new Map<string, Set<string>>();
	for (const entry of toc) if (entry.fragment) (wanted.get(entry.path) ?? wanted.set(entry.path, new Set()).get(entry.path)!).add(entry.fragment);
	const stylesheets = [...pkg.manifest.values()].filter((item) => item.mediaType === 'text/css').map((item) => book.text(item.path, false) ?? '');
	const bookEmphasis = emphasisClasses(stylesheets);
	const read: SpineRead = {itemStarts: new Map(), idOffsets: new Map(), untitled: []};
	for (const {item} of spine) {
		const xhtml = book.text(item.path);
		if (xhtml === undefined) continue;
		const path = book.canonical(item.path);
		const tree = parseTree(xhtml, 'html');
		for (const warning of depthWarnings(tree, path)) book.warn(warning);
		const preface = ao3Preface(tree);
		if (preface) {
			read.ao3 ??= ao3Meta(preface);
			renderWorkNotes(preface, builder);
			continue;
		}
		const before = builder.blockCount;
		builder.mark((offset) => read.itemStarts.set(path, offset));
		const ids = wanted.get(path);
		const inline = findElements(tree, (element) => element.name === 'style').map(textContent);
		const options: RenderOptions = {
			emphasis: inline.length > 0 ? emphasisClasses([...stylesheets, ...inline]) : bookEmphasis,
			...(ids ? {wantIds: ids, onId: (id: string, offset: number) => read.idOffsets.has(`${path}#${id}`) || read.idOffsets.set(`${path}#${id}`, offset)} : {}),
			...(read.ao3 ? {roleOf: ao3Role} : {}),
		};
		const rendered = renderHtml(tree, builder, options);
		if (rendered.header && !read.pg) read.pg = rendered;
		// Titles from the files themselves only matter for a book without contents.
		if (builder.blockCount > before && toc.length === 0) read.untitled.push({title: itemTitle(tree, read.untitled.length + 1), path});
	}
	return read;
}

// Linear items in spine order, then the non-linear ones (notes, answers: content a terminal reader
// cannot reach by links), except the navigation document, whose contents Lectern shows itself.
function readingOrder(pkg: Package, book: Book): SpineItem[] {
	let spine = pkg.spine;
	if (spine.length === 0) {
		book.warn('the spine is empty; reading the files in manifest order');
		spine = [...pkg.manifest.values()].map((item) => ({item, linear: true}));
	}
	const seen = new Set<string>();
	const ordered = [...spine.filter((entry) => entry.linear), ...spine.filter((entry) => !entry.linear && entry.item !== pkg.nav)];
	return ordered.filter(({item}) => {
		const markup = /html|xml/.test(item.mediaType) || (item.mediaType === '' && /\.x?html?$/i.test(item.path));
		// A file listed twice is read once: a spine that repeats a file must not multiply the text.
		if (!markup || item.mediaType.includes('svg') || item.mediaType.includes('ncx') || seen.has(item.path)) return false;
		seen.add(item.path);
		return true;
	});
}

// The EPUB 3 nav document wins when it has entries (it is the newer, richer one); else the NCX.
function contents(pkg: Package, book: Book): TocEntry[] {
	if (pkg.nav) {
		const nav = book.text(pkg.nav.path, false);
		const entries = nav === undefined ? [] : navEntries(nav, pkg.nav.path);
		if (entries.length > 0) return entries;
	}
	if (pkg.ncx) {
		const ncx = book.text(pkg.ncx.path, false);
		if (ncx !== undefined) return ncxEntries(ncx, pkg.ncx.path);
	}
	return [];
}

function itemTitle(tree: XElement, index: number): string {
	const heading = findElement(tree, (element) => /^h[1-6]$/.test(element.name)) ?? findElement(tree, (element) => element.name === 'title');
	return (heading && cleanLine(textContent(heading))) || `Section ${index}`;
}

// AO3's EPUB opens with a preface file like its HTML download's `#preface`.
function ao3Preface(tree: XElement): XElement | undefined {
	const preface = findElement(tree, (element) => element.attrs['id'] === 'preface');
	const tags = preface && findElement(preface, (element) => element.name === 'dl' && hasClass(element, 'tags'));
	return tags ? preface : undefined;
}

// The archive plus the file name for messages and the warnings collected while reading.
class Book {
	readonly warnings: string[] = [];
	private readonly zip: ZipArchive;
	private missing = 0;

	constructor(
		bytes: Uint8Array,
		private readonly fileName: string,
		limits: ZipLimits,
	) {
		try {
			this.zip = new ZipArchive(bytes, limits);
		} catch (error) {
			throw this.fail(error);
		}
	}

	refuseDrm(): void {
		const drm = new LecternError(`${this.fileName}: is protected by DRM; Lectern cannot read it.`);
		if (this.zip.has('META-INF/rights.xml') || this.zip.has('META-INF/sinf.xml')) throw drm;
		const encryption = this.zip.has('META-INF/encryption.xml') ? this.text('META-INF/encryption.xml', false) : undefined;
		if (encryption === undefined) return;
		for (const data of findElements(parseTree(encryption, 'xml'), (element) => localName(element.name) === 'encrypteddata')) {
			const method = findElement(data, (element) => localName(element.name) === 'encryptionmethod')?.attrs['algorithm'] ?? '';
			const uri = findElement(data, (element) => localName(element.name) === 'cipherreference')?.attrs['uri'] ?? '';
			if (!OBFUSCATION.has(method) && !FONT.test(uri)) throw drm;
		}
	}

	packagePath(): string {
		const container = this.zip.has('META-INF/container.xml') ? this.text('META-INF/container.xml', false) : undefined;
		const named = container === undefined ? undefined : rootfilePath(container);
		if (named && this.zip.has(named)) return this.zip.resolve(named)!;
		const found = this.zip.names.find((name) => name.toLowerCase().endsWith('.opf'));
		if (!found) throw new InvalidEpubError(this.fileName, 'no package file (.opf) inside');
		this.warn(container === undefined ? 'no META-INF/container.xml; found the package by its name' : 'container.xml names no package that exists; found it by its name');
		return found;
	}

	/** The decoded text of an entry, or undefined (with a warning when `warnMissing`) when it cannot be read. */
	text(name: string, warnMissing = true): string | undefined {
		if (!this.zip.has(name)) {
			if (warnMissing) this.missingFile(name);
			return undefined;
		}
		try {
			return decodeText(this.zip.read(name), name).text;
		} catch (error) {
			if (error instanceof ZipError && error.limit) throw this.fail(error);
			this.warn(`skipped ${name}: ${error instanceof Error ? error.message.replace(/^.*?: /, '') : 'unreadable'}`);
			return undefined;
		}
	}

	/** The name the archive stores `name` under (paths in a book may differ from it in case). */
	canonical(name: string): string {
		return this.zip.resolve(name) ?? name;
	}

	warn(message: string): void {
		this.warnings.push(message);
	}

	warningList(): string[] {
		return this.missing > MAX_WARNED_FILES ? [...this.warnings, `and ${this.missing - MAX_WARNED_FILES} more missing files`] : [...this.warnings];
	}

	private missingFile(name: string): void {
		this.missing++;
		if (this.missing <= MAX_WARNED_FILES) this.warn(`skipped a missing file: ${name}`);
	}

	private fail(error: unknown): Error {
		if (!(error instanceof ZipError)) return error instanceof Error ? error : new Error(String(error));
		if (error.limit) return new LecternError(`${this.fileName}: Lectern will not open this EPUB (${error.message}).`);
		return new InvalidEpubError(this.fileName, error.message);
	}
}
