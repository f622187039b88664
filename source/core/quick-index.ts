/**
 * A short story is counted whole before its first page is drawn, so that page already shows page
 * numbers and time left; a longer one is counted in the background (ui/use-index.ts). Shared by
 * the reader and the quick first page (start.ts), which must draw the same first page.
 */
import type {Layout} from './layout.js';
import {storyLength} from './story.js';
import type {WordIndex} from './pace.js';

/** Characters of story counted at once: well under a millisecond once the code is warm. */
export const QUICK_CHARS = 64 * 1024;

/**
 * Counts a short story's rows and words now and returns true; returns false, doing nothing, for a
 * longer one. Chosen by size, not by a time limit: on a busy machine a time limit would leave a
 * short story's first frame without page numbers now and then.
 */
export function indexShortStory(layout: Layout, words: WordIndex | undefined): boolean {
	return storyLength(layout.story) <= QUICK_CHARS && layout.buildIndex(Infinity) && (words?.build(Infinity) ?? true);
}
