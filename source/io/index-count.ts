/**
 * The whole-book index of a long book from the story cache, counted on a worker thread: the
 * worker's side (io/index-worker.ts starts it). It runs in dist/start.js, loaded again in the
 * worker, and reads the book through the file the reader's own story holds open.
 */
import {loadHyphenation} from '../core/hyphenate.js';
import {Layout} from '../core/layout.js';
import {WordIndex} from '../core/pace.js';
import {storyLength} from '../core/story.js';
import type {Typography} from '../core/typeset.js';
import {type EntryRef, peekEntryOf} from './story-cache.js';

/** What a worker is asked to count: the rows of the book at one width and typography, and its words if wanted. */
export type IndexJob = {
	readonly ref: EntryRef;
	readonly width: number;
	readonly typography: Typography;
	readonly words: boolean;
	/** The page height to find page starts for, as well (`Layout.pageHeight`). */
	readonly height?: number;
};

/**
 * Rows (and words) before each block and, last, in all (`Layout.rowCounts` and `WordIndex.counts`),
 * and the page starts for one page height (`Layout.pageStarts`).
 */
export type IndexCounts = {
	readonly rows: Float64Array;
	readonly words?: Float64Array;
	readonly pages?: {readonly height: number; readonly starts: Float64Array};
};

/** Counts what `job` asks for; undefined when the entry is no longer the story the reader has. */
export async function countIndex(job: IndexJob, pause: () => void = () => {}): Promise<IndexCounts | undefined> {
	const {ref} = job;
	const story = peekEntryOf(ref)?.story();
	if (!story || story.blocks.length !== ref.blocks || storyLength(story) !== ref.length) return undefined;
	if (job.typography.hyphenate) await loadHyphenation();
	const layout = new Layout(story, job.width, job.typography);
	const words = job.words ? new WordIndex(story) : undefined;
	// Rows and words are counted together, a few thousand characters of each in turn, so that each
	// part of the text is read from the entry once (few parts are kept). The deadlines here are
	// readings of a clock that counts them: sliceClock reads it every CHARS_PER_CHECK characters.
	let readings = 0;
	// `pause` waits while the reader asks the count to give way (io/index-worker.ts).
	const clock = () => {
		pause();
		return readings++;
	};
	let rowsDone = false;
	let wordsDone = words === undefined;
	while (!rowsDone || !wordsDone) {
		if (!rowsDone) rowsDone = layout.buildIndex(readings + STEP_READINGS, clock);
		if (!wordsDone) wordsDone = words!.build(readings + STEP_READINGS, clock);
	}
	const rows = layout.rowCounts()!;
	const wordCounts = words?.counts();
	const {height} = job;
	return {
		rows,
		...(wordCounts ? {words: wordCounts} : {}),
		// Found now that the row count is complete.
		...(height === undefined ? {} : {pages: {height, starts: Float64Array.from(layout.pageStarts(height)!)}}),
	};
}

// Clock readings (of CHARS_PER_CHECK characters each) counted of one kind before the other.
const STEP_READINGS = 4;
