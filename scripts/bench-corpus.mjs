// The benchmark's large input: War and Peace repeated until the text reaches a given size, each
// copy's books renumbered (BOOK 16, BOOK 17, ...) so the story reads as one long book of many
// chapters, with the Gutenberg header once at the top and the licence once at the end.
import fs from 'node:fs';
import path from 'node:path';

const BOOK = /^BOOK [A-Z]+(?=:)/gm;
const EPILOGUE = /^((?:FIRST|SECOND) EPILOGUE)(.*)$/gm;

/** Writes a text of at least `bytes` bytes built from `source` (a Gutenberg text) into `dir`; returns its path. */
export function writeLargeText(source, dir, bytes) {
	const raw = fs.readFileSync(source, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
	const start = raw.indexOf('\n', raw.indexOf('*** START OF')) + 1;
	const end = raw.lastIndexOf('*** END OF');
	if (start <= 0 || end < start) throw new Error(`${source}: no Gutenberg START/END markers`);
	const header = raw.slice(0, start);
	const body = raw.slice(start, end);
	const footer = raw.slice(end);
	// Copies after the first leave out the table of contents: they start at the first book.
	const firstBook = body.search(/^BOOK ONE/m);
	const repeated = firstBook > 0 ? body.slice(firstBook) : body;
	const booksPerCopy = repeated.match(BOOK)?.length ?? 0;

	const parts = [header, body];
	let size = Buffer.byteLength(header) + Buffer.byteLength(body) + Buffer.byteLength(footer);
	for (let copy = 2; size < bytes; copy++) {
		let book = booksPerCopy * (copy - 1);
		const text = repeated.replace(BOOK, () => `BOOK ${++book}`).replace(EPILOGUE, (_, name, rest) => `${name}${rest || ':'} (volume ${copy})`);
		const room = bytes - size;
		// The last copy is cut at a chapter, so the text ends where a chapter does.
		const cut = Buffer.byteLength(text) > room ? chapterBefore(text, room) : text;
		parts.push(cut);
		size += Buffer.byteLength(cut);
		if (cut.length < text.length) break;
	}
	parts.push(footer);
	const file = path.join(dir, `war-and-peace-x${Math.round(size / 1048576)}MB.txt`);
	fs.writeFileSync(file, parts.join(''));
	return file;
}

// The text up to the first chapter heading that starts after `bytes` bytes (an estimate in characters is close enough).
function chapterBefore(text, bytes) {
	const next = text.slice(bytes).search(/^CHAPTER /m);
	return next < 0 ? text : text.slice(0, bytes + next);
}
