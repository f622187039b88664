/** Print mode: the story as plain text, wrapped to a width, for pipes and screen readers. */
import {Layout} from './core/layout.js';
import {pageLines} from './core/screen.js';
import type {Story} from './core/story.js';

/** Yields the story's lines wrapped to `width` columns, without any escape sequence. */
export function* printLines(story: Story, width: number): Generator<string> {
	const layout = new Layout(story, width);
	for (let block = 0; block < story.blocks.length; block++) {
		for (const line of pageLines(layout, layout.rows(block))) yield line.text.trimEnd();
	}
}
