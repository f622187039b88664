/**
 * A small element tree built from htmlparser2's streaming events, for HTML and XML alike.
 *
 * Written instead of using domhandler's DOM because every walk over it here is iterative: a file
 * of a hundred thousand nested tags must not overflow the stack, and domutils' helpers recurse.
 * Text nodes are objects so that a walk can recognise one particular node again (the line that
 * ends a Project Gutenberg header).
 */
import {decodeHTML} from 'entities';
import {Parser} from 'htmlparser2';

/** A run of text, with entities already decoded. */
export type XText = {readonly type: 'text'; text: string};

/** An element: its lower-case (HTML) or as-written (XML) name, attributes and children. */
export type XElement = {
	readonly type: 'element';
	readonly name: string;
	readonly attrs: Readonly<Record<string, string>>;
	readonly children: XNode[];
	readonly parent: XElement | undefined;
};

/** A node of the tree. */
export type XNode = XElement | XText;

/** Deeper nesting than any book has; past it the rest of the file is read as plain text. */
export const MAX_DEPTH = 512;

/** The attribute set on the root when the file nested deeper than MAX_DEPTH. */
export const TOO_DEEP = '#too-deep';

class TooDeep extends Error {}

/**
 * Parses HTML (lenient, HTML entities) or XML (names keep their case and prefix) into a tree under
 * a root element named `#root`. XML is read with entity decoding off and decoded here with the
 * HTML table, so `&nbsp;` in an OPF works and a stray `&` stays a plain ampersand.
 *
 * htmlparser2 keeps its open elements in an array it grows with `unshift`, so its time is
 * quadratic in the nesting depth (200 000 nested tags take seconds). A file nested deeper than
 * MAX_DEPTH stops being parsed there; its remaining text, tags stripped, is kept as plain text and
 * the root is marked with TOO_DEEP.
 */
export function parseTree(source: string, mode: 'html' | 'xml'): XElement {
	const xml = mode === 'xml';
	const decode = xml ? decodeHTML : (text: string) => text;
	const root: XElement = {type: 'element', name: '#root', attrs: {}, children: [], parent: undefined};
	let current = root;
	let depth = 0;
	const appendText = (text: string) => {
		const last = current.children.at(-1);
		if (last?.type === 'text') last.text += text;
		else current.children.push({type: 'text', text});
	};
	const parser = new Parser(
		{
			onopentag(name, attribs) {
				if (++depth > MAX_DEPTH) throw new TooDeep();
				const attrs: Record<string, string> = {};
				for (const [key, value] of Object.entries(attribs)) attrs[xml ? key.toLowerCase() : key] = decode(value);
				const element: XElement = {type: 'element', name, attrs, children: [], parent: current};
				current.children.push(element);
				current = element;
			},
			onclosetag() {
				depth--;
				if (current.parent) current = current.parent;
			},
			ontext(data) {
				appendText(decode(data));
			},
		},
		{xmlMode: xml, decodeEntities: !xml, recognizeSelfClosing: true, lowerCaseTags: !xml, recognizeCDATA: true},
	);
	try {
		parser.write(source);
		parser.end();
	} catch (error) {
		if (!(error instanceof TooDeep)) throw error;
		appendText(decodeHTML(source.slice(parser.startIndex).replace(/<[^>]*>?/g, ' ')));
		(root.attrs as Record<string, string>)[TOO_DEEP] = 'true';
	}
	return root;
}

/** The name after any namespace prefix, lower-cased: `dc:Title` → `title`. */
export function localName(name: string): string {
	return name.slice(name.indexOf(':') + 1).toLowerCase();
}

/** True when the element's class list holds `name`. */
export function hasClass(element: XElement, name: string): boolean {
	const classes = element.attrs['class'];
	return classes !== undefined && classes.split(/\s+/).includes(name);
}

/**
 * Visits every node under `root` (not `root` itself) in document order, with its parent; a visit
 * that returns true ends the walk. A loop over two parallel stacks, not a generator: walks run
 * several times per chapter file, mostly before the JIT has warmed up.
 */
export function walk(root: XElement, visit: (node: XNode, parent: XElement) => boolean | void): void {
	const parents: XElement[] = [root];
	const indexes: number[] = [0];
	while (parents.length > 0) {
		const top = parents.length - 1;
		const parent = parents[top]!;
		const child = parent.children[indexes[top]!++];
		if (!child) {
			parents.pop();
			indexes.pop();
			continue;
		}
		if (visit(child, parent) === true) return;
		if (child.type === 'element') {
			parents.push(child);
			indexes.push(0);
		}
	}
}

/** The first element under `root` for which `test` holds. */
export function findElement(root: XElement, test: (element: XElement) => boolean): XElement | undefined {
	let found: XElement | undefined;
	walk(root, (node) => node.type === 'element' && test(node) && (found = node) !== undefined);
	return found;
}

/** All elements under `root` for which `test` holds, in document order. */
export function findElements(root: XElement, test: (element: XElement) => boolean): XElement[] {
	const found: XElement[] = [];
	walk(root, (node) => {
		if (node.type === 'element' && test(node)) found.push(node);
	});
	return found;
}

/** The text of every text node under `node`, concatenated as it stands (whitespace untouched). */
export function textContent(node: XNode): string {
	if (node.type === 'text') return node.text;
	const parts: string[] = [];
	walk(node, (child) => {
		if (child.type === 'text') parts.push(child.text);
	});
	return parts.join('');
}

/** The element children of `element`. */
export function childElements(element: XElement): XElement[] {
	return element.children.filter((child): child is XElement => child.type === 'element');
}
