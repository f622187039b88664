/**
 * Time left: words left in the chapter and the story, at the reader's own pace. The pace starts at
 * an average adult's silent reading speed and follows the reader's page turns of plausible length.
 */
import {blockIndexAt, type Story, storyLength, textPart} from './story.js';
import {countWords} from './words.js';
import {sliceClock} from './slice-clock.js';

/** Words a minute before Lectern has seen the reader read. */
export const DEFAULT_PACE = 230;
const MIN_PACE = 60;
const MAX_PACE = 1200;
// A page turned in under a few seconds was skimmed or skipped; one after many minutes was not read
// in one go. Neither says how fast the reader reads.
const MIN_SECONDS = 4;
const MAX_SECONDS = 600;
const WEIGHT = 0.15;

/** The pace after a page of `words` read in `seconds`; implausible turns leave it as it was. */
export function updatePace(pace: number, words: number, seconds: number): number {
	if (words < 20 || seconds < MIN_SECONDS || seconds > MAX_SECONDS) return pace;
	const sample = Math.min(MAX_PACE, Math.max(MIN_PACE, (words * 60) / seconds));
	return Math.round(pace * (1 - WEIGHT) + sample * WEIGHT);
}

/** Words before each block, and in all: built once per story, in slices, like the page index. */
export class WordIndex {
	private before: Float64Array;
	private done = 0;

	constructor(private readonly story: Story) {
		this.before = new Float64Array(story.blocks.length + 1);
	}

	/** Counts more blocks until `deadline`; true once every block is counted. */
	build(deadline: number, now: () => number = Date.now): boolean {
		const {blocks} = this.story;
		const spend = sliceClock(deadline, now);
		while (this.done < blocks.length) {
			const block = blocks[this.done]!;
			const {text, base} = textPart(this.story, block.start, block.end);
			this.before[this.done + 1] = this.before[this.done]! + countWords(text, block.start - base, block.end - base);
			this.done++;
			if (spend(block.end - block.start) && this.done < blocks.length) return false;
		}
		return true;
	}

	/** The words before each block (and, last, in all) once every block is counted. */
	counts(): Float64Array | undefined {
		return this.done === this.story.blocks.length ? this.before : undefined;
	}

	/** Takes counts made elsewhere (`counts` of an index of the same story); false, and nothing taken, when they are not for this story. */
	adopt(before: Float64Array): boolean {
		if (before.length !== this.story.blocks.length + 1 || before[0] !== 0) return false;
		this.before = before;
		this.done = this.story.blocks.length;
		return true;
	}

	/** Words from the start of the story to `offset`, estimated inside a block by its share of characters. */
	wordsBefore(offset: number): number | undefined {
		const {blocks} = this.story;
		if (this.done < blocks.length) return undefined;
		if (blocks.length === 0) return 0;
		const index = blockIndexAt(blocks, offset);
		const block = blocks[index]!;
		const inBlock = this.before[index + 1]! - this.before[index]!;
		const share = block.end > block.start ? Math.min(1, Math.max(0, (offset - block.start) / (block.end - block.start))) : 0;
		return this.before[index]! + inBlock * share;
	}
}

/** "12 min", "3 h 10 min", "under a minute". */
export function formatMinutes(minutes: number): string {
	if (minutes < 1) return 'under a minute';
	const rounded = Math.round(minutes);
	if (rounded < 60) return `${rounded} min`;
	const hours = Math.floor(rounded / 60);
	const rest = rounded % 60;
	return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}

/**
 * Time left, from the most detailed wording to the shortest, for the status line to pick the one
 * that fits: "12 min left in chapter · 3 h 10 min in book", "12 min left in chapter", "3 h 10 min left".
 */
export function timeLeft(index: WordIndex, story: Story, offset: number, pace: number): string[] {
	const here = index.wordsBefore(offset);
	const total = index.wordsBefore(storyLength(story));
	if (here === undefined || total === undefined) return [];
	const book = formatMinutes((total - here) / pace);
	const next = story.chapters.find((chapter) => chapter.start > offset);
	if (story.chapters.length === 0 || !story.chapters.some((chapter) => chapter.start <= offset)) return [`${book} left`];
	const chapterEnd = index.wordsBefore(next ? next.start : storyLength(story))!;
	const chapter = `${formatMinutes((chapterEnd - here) / pace)} left in chapter`;
	return [`${chapter} · ${book} in book`, chapter, `${book} left`];
}
