/**
 * Helpers for the format tests: the shared corpus (read from `../shared/corpus` beside the repo,
 * never copied into it) and the invariants every story must keep, whatever file it came from.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {expect} from 'vitest';
import type {Story} from '../core/story.js';

/** The repository root. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The shared corpus folder. */
export const corpusDir = path.resolve(repoRoot, '..', 'shared', 'corpus');

/** Our own fixtures (AO3-shaped HTML written for these tests). */
export const fixturesDir = path.resolve(repoRoot, 'test', 'fixtures');

/**
 * The bytes of a corpus file, or undefined (with a visible warning) when the corpus is not there.
 * On CI a missing corpus is an error: a test that silently skips proves nothing.
 */
export function corpusFile(relative: string): Uint8Array | undefined {
	const file = path.join(corpusDir, relative);
	if (existsSync(file)) return readFileSync(file);
	if (process.env['CI']) throw new Error(`corpus file missing on CI: ${file}`);
	console.warn(`skipped: corpus file ${file} not found`);
	return undefined;
}

/** The full path of a corpus file (for messages and names). */
export function corpusPath(relative: string): string {
	return path.join(corpusDir, relative);
}

// C0 controls other than \n, DEL, C1 controls and the Unicode line separators: none may reach the screen.
const CONTROL = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u2028\u2029]/;

/** Asserts the invariants of the story model: safe text, offsets inside it, sorted, "\n\n" between blocks. */
export function expectSaneStory(story: Story): void {
	expect(storyProblems(story)).toEqual([]);
}

// Checked by hand and reported in one list: one expect per block would make big books slow to test.
function storyProblems(story: Story): string[] {
	const problems: string[] = [];
	const {text, blocks, chapters} = story;
	const spans = story.spans ?? [];
	const control = (where: string, value: string) => {
		const found = CONTROL.exec(value.replaceAll('\n', ' '));
		if (found) problems.push(`${where}: control character U+${found[0].charCodeAt(0).toString(16)} at ${found.index}`);
	};
	control('text', text.replaceAll('\n', ' '));
	control('title', story.title);
	for (const [name, value] of Object.entries(story.meta)) {
		for (const item of Array.isArray(value) ? value : [value]) control(`meta.${name}`, String(item));
	}
	let previous: Story['blocks'][number] | undefined;
	blocks.forEach((block, i) => {
		const body = text.slice(block.start, block.end);
		if (block.start < 0 || block.end > text.length) problems.push(`block ${i} out of the text`);
		if (block.kind === 'break' ? block.end !== block.start : block.end <= block.start || body.trim() === '') problems.push(`block ${i} (${block.kind}) has wrong extent`);
		if (block.kind !== 'break' && !block.lineBreaks && body.includes('\n')) problems.push(`block ${i} has a newline but no lineBreaks`);
		if (previous && block.start < previous.end) problems.push(`block ${i} starts before block ${i - 1} ends`);
		if (previous && previous.kind !== 'break' && block.kind !== 'break' && text.slice(previous.end, block.start) !== '\n\n') problems.push(`blocks ${i - 1} and ${i} are not separated by a blank line`);
		previous = block;
	});
	if (blocks.at(0)?.kind === 'break' || blocks.at(-1)?.kind === 'break') problems.push('a break at the start or the end');
	chapters.forEach((chapter, i) => {
		if (chapter.start < (i > 0 ? chapters[i - 1]!.start : 0) || chapter.start > text.length) problems.push(`chapter ${i} out of order or out of the text`);
		if (chapter.title.trim() === '') problems.push(`chapter ${i} has no title`);
	});
	const lastEnd = {italic: 0, bold: 0};
	spans.forEach((span, i) => {
		if (span.start < (i > 0 ? spans[i - 1]!.start : 0) || span.end <= span.start || span.end > text.length) problems.push(`span ${i} out of order or out of the text`);
		if (span.start < lastEnd[span.style]) problems.push(`span ${i} overlaps the previous ${span.style} span`);
		lastEnd[span.style] = span.end;
	});
	return problems.slice(0, 20);
}

/** The text of each span of a style, in order. */
export function spanTexts(story: Story, style: 'italic' | 'bold'): string[] {
	return (story.spans ?? []).filter((span) => span.style === style).map((span) => story.text.slice(span.start, span.end));
}

/** Each block as `kind:text` (breaks as `<break>`), for compact expectations. */
export function shownBlocks(story: Story): string[] {
	return story.blocks.map((block) => (block.kind === 'break' ? '<break>' : `${block.kind}:${story.text.slice(block.start, block.end)}`));
}
