/**
 * Search: every place a query occurs in the story, case-insensitive, matching across line breaks
 * and any run of whitespace (hyphenation is never in the text: the layout adds its hyphens).
 */

import {type Story, storyLength, textPart, textSlice} from './story.js';

/** A match: offsets of its first character and just past its last. */
export type Hit = {readonly start: number; readonly end: number};

/** The matches of one query, in story order. */
export type SearchResult = {
	readonly query: string;
	/** Match starts and ends, in story order (typed arrays: a common word matches thousands of times). */
	readonly starts: Int32Array;
	readonly ends: Int32Array;
};

/**
 * The regular expression for a query: its words in order, with any whitespace or punctuation
 * between them, so "mr darcy" finds "Mr. Darcy" and a phrase split over lines is still found.
 */
export function queryPattern(query: string): RegExp | undefined {
	const words = query.trim().split(/\s+/).filter(Boolean);
	if (words.length === 0) return undefined;
	const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
	return new RegExp(escaped.join('[\\s\\p{P}]+'), 'giu');
}

/** Finds every match of `query` in `text`. */
export function search(text: string, query: string): SearchResult {
	const pattern = queryPattern(query);
	const starts: number[] = [];
	const ends: number[] = [];
	if (pattern) {
		for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
			starts.push(match.index);
			ends.push(match.index + match[0].length);
			if (match[0].length === 0) pattern.lastIndex++;
		}
	}
	return {query, starts: Int32Array.from(starts), ends: Int32Array.from(ends)};
}

// Characters past the end of a part that its search also reads: a match that starts in one part
// and runs into the next (a phrase across two paragraphs) is found, unless it is longer than this.
const PART_OVERLAP = 4096;

/**
 * `search` over a story's text. A text kept in parts (a long book from the story cache) is searched
 * a part at a time, so the whole of it is never read into memory; the matches are the same.
 */
export function searchStory(story: Story, query: string): SearchResult {
	if (!story.parts) return search(story.text, query);
	const pattern = queryPattern(query);
	const starts: number[] = [];
	const ends: number[] = [];
	const length = storyLength(story);
	// Matches do not overlap: each search starts past the end of the last match found.
	let lastEnd = 0;
	for (let at = 0; pattern && at < length; ) {
		const part = textPart(story, at, at);
		const partEnd = part.base + part.text.length;
		if (partEnd <= at) break;
		const window = part.text + textSlice(story, partEnd, partEnd + PART_OVERLAP);
		pattern.lastIndex = Math.max(at, lastEnd) - part.base;
		// A match is found by the part it starts in.
		for (let match = pattern.exec(window); match && part.base + match.index < partEnd; match = pattern.exec(window)) {
			starts.push(part.base + match.index);
			lastEnd = part.base + match.index + match[0].length;
			ends.push(lastEnd);
			if (match[0].length === 0) pattern.lastIndex++;
		}
		at = partEnd;
	}
	return {query, starts: Int32Array.from(starts), ends: Int32Array.from(ends)};
}

/** Index of the first match at or after `offset`, or -1 when none is. */
export function firstAtOrAfter(result: SearchResult, offset: number): number {
	let lo = 0;
	let hi = result.starts.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (result.starts[mid]! < offset) lo = mid + 1;
		else hi = mid;
	}
	return lo < result.starts.length ? lo : -1;
}

/** The matches that overlap `[start, end)`: for highlighting a page. */
export function hitsWithin(result: SearchResult | undefined, start: number, end: number): Hit[] {
	if (!result) return [];
	const hits: Hit[] = [];
	let lo = 0;
	let hi = result.ends.length;
	while (lo < hi) {
		const mid = (lo + hi) >> 1;
		if (result.ends[mid]! <= start) lo = mid + 1;
		else hi = mid;
	}
	for (let i = lo; i < result.starts.length && result.starts[i]! < end; i++) hits.push({start: result.starts[i]!, end: result.ends[i]!});
	return hits;
}

/**
 * The match to go to from the page at `offset` in direction `by` (1 next, -1 previous), and whether
 * the search wrapped around the end (or the start) of the story to find it.
 */
export function step(result: SearchResult, current: number | undefined, offset: number, by: 1 | -1): {index: number; wrapped: boolean} | undefined {
	const count = result.starts.length;
	if (count === 0) return undefined;
	if (current !== undefined) {
		const index = current + by;
		if (index >= count) return {index: 0, wrapped: true};
		if (index < 0) return {index: count - 1, wrapped: true};
		return {index, wrapped: false};
	}
	const at = firstAtOrAfter(result, offset);
	if (by === 1) return at < 0 ? {index: 0, wrapped: true} : {index: at, wrapped: false};
	const before = (at < 0 ? count : at) - 1;
	return before < 0 ? {index: count - 1, wrapped: true} : {index: before, wrapped: false};
}
