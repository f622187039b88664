import {readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseFile} from './index.js';
import {expectSaneStory, fixturesDir, shownBlocks, spanTexts} from './testkit.js';

const fixture = (name: string) => {
	const story = parseFile(readFileSync(path.join(fixturesDir, name)), name);
	expectSaneStory(story);
	return story;
};

describe('an AO3 download with one chapter', () => {
	const story = fixture('ao3-single-chapter.html');

	it('takes its title, author and tags from the preface', () => {
		expect(story.title).toBe("The Lamplighter's Almanac");
		expect(story.meta).toMatchObject({
			author: 'quietmarginalia',
			rating: 'General Audiences',
			warnings: ['No Archive Warnings Apply'],
			fandom: 'Original Work',
			characters: ['The Lamplighter', 'The Weather'],
			tags: ['Fluff', 'Slice of Life', 'Weather & Almanacs'],
			summary: 'A lamplighter keeps notes on the weather, and the weather, for once, keeps notes back.',
			language: 'English',
			source: 'http://archiveofourown.org/works/90000001',
		});
		expect(story.meta.notes).toEqual(['Category: Gen', 'Stats: Published: 2024-03-02 Words: 401']);
	});

	it('reads the work notes and end notes as notes, the text as paragraphs, and leaves out the boilerplate', () => {
		const shown = shownBlocks(story);
		expect(shown.slice(0, 3)).toEqual(['note:Notes', "note:Written for a prompt about small rituals. Placeholder prose for Lectern's tests.", expect.stringMatching(/^paragraph:Every evening/)]);
		expect(shown.slice(-2)).toEqual(['note:End Notes', 'note:Thank you for reading! The almanac entries are invented.']);
		expect(shown).toContain('<break>');
		expect(story.text).not.toMatch(/Posted originally|drop by the archive|General Audiences/);
		expect(story.chapters).toEqual([]);
	});

	it('keeps emphasis, line breaks and neutralises an encoded escape', () => {
		expect(spanTexts(story, 'italic')).toContain('clear tonight.\nyou may leave your umbrella.');
		expect(spanTexts(story, 'bold')).toEqual(['honorary']);
		expect(story.text).toContain('thank you\u241b[31m.');
	});
});

describe('an AO3 download with several chapters', () => {
	const story = fixture('ao3-multi-chapter.html');

	it('makes a chapter of each chapter heading', () => {
		expect(story.chapters.map((c) => c.title)).toEqual(['Chapter 1: Departures', 'Chapter 2: The Heron Objects', 'Chapter 3: Arrivals']);
		for (const chapter of story.chapters) expect(story.text.slice(chapter.start)).toMatch(/^Chapter \d/);
	});

	it('reads every list field and keeps "Part 2 of" in the series', () => {
		expect(story.meta).toMatchObject({
			author: 'tidewrack, lanternfish',
			fandom: 'Original Work, Ghost Stories',
			rating: 'Teen And Up Audiences',
			warnings: ['Creator Chose Not To Use Archive Warnings', 'Major Character Death'],
			relationships: ['Ferrywoman/Passenger', 'Ferrywoman & Heron'],
			characters: ['Marguerite Oduya', 'The Passenger', 'A Heron'],
			tags: ['Ghosts', 'Bittersweet', 'Timetables'],
			summary: 'The last ferry leaves at 11:52.\n\nMarguerite has never once been late, which is why the passenger who is late becomes a problem.',
		});
		expect(story.meta.notes).toContain('Series: Part 2 of The River Papers');
	});

	it('folds chapter summaries, chapter notes and end notes into notes around each chapter', () => {
		const kinds = story.blocks.map((b) => b.kind);
		expect(kinds.slice(0, 7)).toEqual(['note', 'note', 'heading', 'note', 'note', 'note', 'note']);
		const first = shownBlocks(story).indexOf('note:Chapter End Notes');
		expect(shownBlocks(story)[first - 1]).toBe('paragraph:The passenger arrived at 11:58 with a suitcase and an apology.');
		expect(shownBlocks(story)).toContain('note:Last one! Tissues optional.');
		expect(shownBlocks(story).at(-1)).toBe('note:The River Papers continue in part three.');
	});
});
