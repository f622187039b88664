import {Text} from 'ink';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {Layout} from '../core/layout.js';
import {WordIndex} from '../core/pace.js';
import {parseText} from '../formats/text.js';
import type {IndexCounts, IndexOffload, IndexRequest} from '../io/index-worker.js';
import {useWholeBookIndex} from './use-index.js';

afterEach(cleanup);

// Long enough not to be counted at once (core/quick-index.ts).
const story = parseText(Array.from({length: 4000}, (_, i) => `Paragraph ${i} and ${'its words '.repeat(i % 9)}end.`).join('\n\n'), {key: 'k', title: 'T'});

function Probe({layout, words, offload}: {layout: Layout; words: WordIndex; offload: IndexOffload}) {
	return <Text>{useWholeBookIndex(layout, words, offload) ? `ready ${layout.totalRows()}` : 'counting'}</Text>;
}

// An offload whose counts are those of layouts counted beforehand (as a worker would make them), or none.
function fakeOffload(answer: (request: IndexRequest) => IndexCounts | undefined) {
	const asked: IndexRequest[] = [];
	const offload: IndexOffload = {
		count(request) {
			asked.push(request);
			return {counts: Promise.resolve(answer(request)), cancel() {}};
		},
		hold() {},
	};
	return {offload, asked};
}

async function until(frame: () => string | undefined, text: string): Promise<void> {
	for (let i = 0; i < 400 && !frame()?.includes(text); i++) await new Promise((resolve) => setTimeout(resolve, 5));
	expect(frame()).toContain(text);
}

describe('useWholeBookIndex', () => {
	it('takes the counts made elsewhere, page starts included, and counts nothing itself', async () => {
		const elsewhere = new Layout(story, 40);
		const elsewhereWords = new WordIndex(story);
		elsewhere.buildIndex(Infinity);
		elsewhereWords.build(Infinity);
		const {offload, asked} = fakeOffload((request) => ({rows: elsewhere.rowCounts()!, words: elsewhereWords.counts()!, pages: {height: request.height ?? 0, starts: Float64Array.from(elsewhere.pageStarts(request.height ?? 1)!)}}));
		const layout = new Layout(story, 40);
		layout.page(0, 12);
		layout.pageStarts(12);
		const words = new WordIndex(story);
		const {lastFrame} = render(<Probe layout={layout} words={words} offload={offload} />);
		await until(lastFrame, `ready ${elsewhere.totalRows()}`);
		expect(asked).toEqual([{story, width: 40, typography: layout.typography, words: true, height: 12}]);
		expect(words.counts()).toBe(elsewhereWords.counts());
		expect(Array.from(layout.pageStarts(12)!)).toEqual(Array.from(elsewhere.pageStarts(12)!));
		// Only the page on screen was ever set here.
		expect(layout.wrappedChars).toBeLessThan(2000);
	});

	it('counts in slices itself when the count elsewhere fails', async () => {
		const {offload} = fakeOffload(() => undefined);
		const layout = new Layout(story, 40);
		const {lastFrame} = render(<Probe layout={layout} words={new WordIndex(story)} offload={offload} />);
		const expected = new Layout(story, 40);
		expected.buildIndex(Infinity);
		await until(lastFrame, `ready ${expected.totalRows()}`);
		expect(layout.wrappedChars).toBeGreaterThan(story.text.length / 2);
	});
});
