import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {parseText} from '../formats/text.js';
import {Layout} from './layout.js';
import {type ReaderAction, initialReaderState, readerReducer} from './reader.js';

const paragraphs = Array.from({length: 40}, (_, i) => `Paragraph ${i} has a few words in it, enough to wrap onto two lines here.`);
const story = parseText(paragraphs.join('\n\n'), {key: 'k', title: 'T'});
const context = (height = 10, width = 40) => ({layout: new Layout(story, width), height, libraryLength: 3});
const run = (actions: ReaderAction[], ctx = context(), state = initialReaderState()) => actions.reduce((s, a) => readerReducer(s, a, ctx), state);

describe('readerReducer', () => {
	it('moves to the first row after the page on nextPage', () => {
		const ctx = context();
		const page = ctx.layout.page(0, 10);
		const next = run([{type: 'nextPage'}], ctx);
		expect(next.offset).toBeGreaterThan(0);
		expect(next.offset).toBeGreaterThanOrEqual(page.end);
		expect(story.text.slice(page.end, next.offset).trim()).toBe('');
	});

	it('comes back to the same page with prevPage after nextPage', () => {
		expect(run([{type: 'nextPage'}, {type: 'nextPage'}, {type: 'prevPage'}]).offset).toBe(run([{type: 'nextPage'}]).offset);
	});

	it('stops at the start and does not move back past it', () => {
		expect(run([{type: 'prevPage'}, {type: 'lineUp'}, {type: 'halfUp'}]).offset).toBe(0);
	});

	it('goes to the last page with end, and nextPage there changes nothing', () => {
		const ctx = context();
		const atEnd = run([{type: 'end'}], ctx);
		expect(ctx.layout.page(atEnd.offset, 10).atEnd).toBe(true);
		expect(readerReducer(atEnd, {type: 'nextPage'}, ctx)).toBe(atEnd);
		expect(story.text.slice(ctx.layout.page(atEnd.offset, 10).start)).toContain('Paragraph 39');
	});

	it('goes back to the start with start', () => {
		expect(run([{type: 'nextPage'}, {type: 'start'}]).offset).toBe(0);
	});

	it('moves one text row with lineDown and lineUp, skipping the blank row between paragraphs', () => {
		const ctx = context();
		const down = run([{type: 'lineDown'}], ctx);
		expect(ctx.layout.page(down.offset, 10).start).toBe(ctx.layout.rows(0)[1]!.start);
		expect(run([{type: 'lineDown'}, {type: 'lineUp'}], ctx).offset).toBe(0);
		const twice = run([{type: 'lineDown'}, {type: 'lineDown'}], ctx);
		expect(twice.offset).toBe(story.blocks[1]!.start);
	});

	it('moves half a page with halfDown', () => {
		const ctx = context(10);
		const half = run([{type: 'halfDown'}], ctx);
		const five = run(Array<ReaderAction>(5).fill({type: 'lineDown'}), ctx);
		expect(half.offset).toBeGreaterThan(0);
		expect(half.offset).toBeLessThanOrEqual(five.offset);
	});

	it('clamps goto to the story', () => {
		expect(run([{type: 'goto', offset: -5}]).offset).toBe(0);
		expect(run([{type: 'goto', offset: 1e9}]).offset).toBe(story.text.length);
	});

	it('opens and closes overlays and keeps the library selection inside the list', () => {
		expect(run([{type: 'openOverlay', overlay: 'help'}]).overlay).toBe('help');
		expect(run([{type: 'openOverlay', overlay: 'help'}, {type: 'closeOverlay'}]).overlay).toBe('none');
		expect(run([{type: 'libraryMove', to: 7}]).libraryIndex).toBe(2);
		expect(run([{type: 'libraryMove', to: -1}]).libraryIndex).toBe(0);
	});

	it('clears a notice when the reader moves', () => {
		const state = run([{type: 'notice', text: 'Saved'}]);
		expect(state.notice).toBe('Saved');
		expect(run([{type: 'nextPage'}], context(), state).notice).toBeUndefined();
	});

	it('keeps the position when the width changes: the page at the new width starts with the same text', () => {
		const narrow = context(10, 25);
		const state = run([{type: 'nextPage'}, {type: 'nextPage'}], context(10, 60));
		const first = story.text.slice(state.offset, state.offset + 10);
		const page = narrow.layout.page(state.offset, 10);
		expect(story.text.slice(page.start, page.end)).toContain(first);
		expect(run([{type: 'nextPage'}, {type: 'nextPage'}], context(10, 60)).offset).toBe(state.offset);
	});
});

describe('readerReducer properties', () => {
	it('undoes nextPage with prevPage and lineDown with lineUp, at any size', () => {
		fc.assert(
			fc.property(fc.integer({min: 20, max: 90}), fc.integer({min: 1, max: 30}), fc.integer({min: 0, max: 12}), (width, height, pages) => {
				const ctx = context(height, width);
				const forward = run(Array<ReaderAction>(pages).fill({type: 'nextPage'}), ctx);
				if (ctx.layout.page(forward.offset, height).atEnd) return;
				const next = readerReducer(forward, {type: 'nextPage'}, ctx);
				expect(readerReducer(next, {type: 'prevPage'}, ctx).offset).toBe(forward.offset);
				const down = readerReducer(forward, {type: 'lineDown'}, ctx);
				expect(readerReducer(down, {type: 'lineUp'}, ctx).offset).toBe(forward.offset);
			}),
			{numRuns: 200},
		);
	});
});
