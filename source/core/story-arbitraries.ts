/**
 * Test-only: stories and typographies for property tests of the layout, built directly in the
 * story model so they can hold what plain text cannot (verse, author's notes, emphasis spans).
 */
import fc from 'fast-check';
import {type Block, type Span, type Story, partBounds} from './story.js';
import type {Typography} from './typeset.js';

/** Every combination of the typography settings: property tests run each of them. */
export const ALL_TYPOGRAPHIES: readonly Typography[] = [false, true].flatMap((justify) =>
	[false, true].flatMap((hyphenate) =>
		(['spaced', 'indented'] as const).flatMap((paragraphStyle) => ([1, 2] as const).map((spacing) => ({justify, hyphenate, paragraphStyle, spacing}))),
	),
);

/** A name for a typography in test titles: "justify hyphenate indented ×2". */
export function typographyName(typography: Typography): string {
	const parts = [typography.justify ? 'justify' : 'ragged', typography.hyphenate ? 'hyphenate' : 'whole words', typography.paragraphStyle, `×${typography.spacing}`];
	return parts.join(' ');
}

// Words that hyphenate, words that must not (short, numbers, addresses), compounds, dashes,
// curly quotes, accents, wide characters, emoji and a word longer than any column.
const VOCABULARY = [
	'the',
	'a',
	'of',
	'and',
	'she',
	'visitor',
	'extraordinary',
	'conversation',
	'monstrosity',
	'condescension',
	'impetuously',
	'understanding',
	'representative',
	'hyphenation',
	'beautiful',
	'incomprehensibilities',
	'fifteen-year-old',
	'well-known',
	'life—with',
	'1812',
	'https://example.com/a/long/path',
	'“Natásha,',
	'mother’s',
	'Mikháylovna’s',
	'日本語の文章',
	'😀',
	'👩‍👩‍👧',
	'x'.repeat(30),
];

const word = fc.oneof(
	{weight: 4, arbitrary: fc.constantFrom(...VOCABULARY)},
	{weight: 1, arbitrary: fc.stringMatching(/^[a-zé’]{1,14}$/)},
);

type BlockSpec = {kind: Block['kind']; words: string[]; verse: boolean; separators: string[]};

const blockSpec: fc.Arbitrary<BlockSpec> = fc.record({
	kind: fc.constantFrom<Block['kind']>('paragraph', 'paragraph', 'paragraph', 'paragraph', 'heading', 'break', 'note'),
	words: fc.array(word, {minLength: 1, maxLength: 30}),
	verse: fc.boolean(),
	// Between words: a space, a line end (hard-wrapped prose, or a verse line) or an empty line (a stanza break in verse).
	separators: fc.array(fc.constantFrom(' ', ' ', ' ', '\n', '\n\n'), {minLength: 30, maxLength: 30}),
});

/** A story of paragraphs, headings, scene breaks, notes and verse, with italic and bold spans. */
export const storyArbitrary: fc.Arbitrary<Story> = fc
	.tuple(fc.array(blockSpec, {minLength: 1, maxLength: 14}), fc.array(fc.tuple(fc.nat(), fc.nat({max: 40}), fc.boolean()), {maxLength: 12}))
	.map(([specs, spanSeeds]) => buildStory(specs, spanSeeds));

function buildStory(specs: readonly BlockSpec[], spanSeeds: ReadonlyArray<readonly [number, number, boolean]>): Story {
	let text = '';
	const blocks: Block[] = [];
	// Like the formats: no scene break first, last, or twice in a row.
	const kept = specs.filter((spec, i) => spec.kind !== 'break' || (i > 0 && i < specs.length - 1 && specs[i - 1]!.kind !== 'break'));
	for (const spec of kept) {
		if (text) text += '\n\n';
		const start = text.length;
		if (spec.kind === 'break') {
			blocks.push({kind: 'break', start, end: start});
			continue;
		}
		const verse = spec.verse && spec.kind !== 'heading';
		const words = spec.kind === 'heading' ? spec.words.slice(0, 6) : spec.words;
		const separator = (i: number) => (verse || spec.separators[i] === '\n' ? spec.separators[i]! : ' ');
		text += words.map((w, i) => (i === 0 ? w : separator(i) + w)).join('');
		blocks.push({kind: spec.kind, start, end: text.length, ...(verse ? {lineBreaks: true} : {})});
	}
	const spans: Span[] = [];
	for (const style of ['italic', 'bold'] as const) {
		const ranges = spanSeeds
			.filter(([, , italic]) => italic === (style === 'italic'))
			.map(([at, length]) => {
				const start = text.length === 0 ? 0 : at % text.length;
				return {start, end: Math.min(text.length, start + 1 + length)};
			})
			.sort((a, b) => a.start - b.start);
		// Spans of one style never overlap: each starts after the one before it ends.
		let last = -1;
		for (const range of ranges) {
			if (range.start < last || range.end <= range.start) continue;
			spans.push({...range, style});
			last = range.end;
		}
	}
	spans.sort((a, b) => a.start - b.start);
	return {key: 'k', title: 'T', text, blocks, chapters: [], meta: {}, spans};
}

/**
 * `story` with its text kept in parts of about `chars` characters, as the story cache gives a long
 * book. Reading its whole `text` throws: a test with it finds any code that needs all of it.
 */
export function inParts(story: Story, chars: number): Story {
	const {text, blocks} = story;
	return {
		...story,
		get text(): string {
			throw new Error('the whole text was read');
		},
		parts: {
			length: text.length,
			around(start, end) {
				const {from, to} = partBounds(blocks, text.length, start, end, chars);
				return {text: text.slice(from, to), base: from};
			},
		},
	};
}
