/**
 * Which screen is on show, drawn from the reader's state: the page with its status line (and the
 * settings panel or the theme picker over it), or one of the overlays.
 */
import type {Bookmark} from '../core/bookmarks.js';
import {cardFields} from '../core/card.js';
import {hintLine} from '../core/keymap.js';
import type {Layout} from '../core/layout.js';
import type {LibraryItem} from '../core/library.js';
import {type WordIndex, timeLeft} from '../core/pace.js';
import {type ReaderState, chapterIndexAt} from '../core/reader.js';
import {type Frame, fit, pageLines, progressAt, statusLine} from '../core/screen.js';
import {hitsWithin} from '../core/search.js';
import {type Story, chapterAt, storyLength} from '../core/story.js';
import {THEMES} from '../core/themes.js';
import type {StorySource} from '../io/stories.js';
import {type BookmarkRow, BookmarksView} from './bookmarks-view.js';
import {CardView, cardLines} from './card-view.js';
import {ContentsView} from './contents-view.js';
import {HELP, HelpView} from './help-view.js';
import {LibraryView} from './library-view.js';
import {promptLine} from './prompt-line.js';
import {type ItalicFallback, ReaderView} from './reader-view.js';
import {SettingsPanel} from './settings-panel.js';

/** Props: the reader's state and everything it is drawn from. */
export type ScreensProps = {
	readonly state: ReaderState;
	readonly opened: {readonly story: Story; readonly source: StorySource} | undefined;
	readonly layout: Layout | undefined;
	readonly frame: Frame;
	readonly items: ReadonlyArray<LibraryItem<StorySource>>;
	readonly marks: readonly Bookmark[];
	readonly words: WordIndex | undefined;
	readonly cols: number;
	readonly rows: number;
	readonly italicFallback?: ItalicFallback;
};

/** The screen for the reader's state. */
export function Screens({state, opened, layout, frame, items, marks, words, cols, rows, italicFallback = 'none'}: ScreensProps) {
	const {settings} = state;
	if (state.overlay === 'help') return <HelpView lines={HELP} top={state.scrollTop} cols={cols} rows={rows} />;
	if (state.overlay === 'card' && opened) {
		return <CardView lines={cardLines(cardFields(opened.story, words), Math.min(cols - 2, 72))} top={state.scrollTop} cols={cols} rows={rows} />;
	}
	if (state.overlay === 'contents' && opened && layout) {
		const current = chapterIndexAt(opened.story.chapters, layout.page(state.offset, frame.body).start);
		return (
			<ContentsView
				title={opened.story.title}
				chapters={opened.story.chapters}
				current={current}
				selected={state.contentsIndex}
				length={storyLength(opened.story)}
				cols={cols}
				rows={rows}
			/>
		);
	}
	const prompt = state.prompt ? (width: number) => promptLine(state.prompt!, width) : undefined;
	if (state.overlay === 'bookmarks' && opened) {
		const length = Math.max(1, storyLength(opened.story));
		const rowsOf: BookmarkRow[] = marks.map((bookmark) => {
			const chapter = chapterAt(opened.story.chapters, bookmark.offset)?.title;
			return {bookmark, percent: Math.min(100, Math.floor((100 * bookmark.offset) / length)), ...(chapter ? {chapter} : {})};
		});
		const footer = prompt?.(Math.min(cols - 2, 72)) ?? state.notice;
		return <BookmarksView title={opened.story.title} items={rowsOf} selected={state.bookmarkIndex} cols={cols} rows={rows} {...(footer ? {footer} : {})} />;
	}
	if (state.overlay === 'library' || !layout || !opened) {
		return <LibraryView items={items} selected={state.libraryIndex} cols={cols} rows={rows} now={Date.now()} {...(state.notice ? {notice: state.notice} : {})} />;
	}
	const page = layout.page(state.offset, frame.body);
	const progress = progressAt(layout, state.offset, frame.body);
	const status =
		state.overlay === 'themes'
			? themePickerLine(settings.theme, frame.column)
			: prompt
				? prompt(frame.column)
				: statusLine(opened.story.title, progress, frame.column, state.notice, words ? timeLeft(words, opened.story, page.start, settings.pace) : []);
	return (
		<>
			<ReaderView
				frame={frame}
				lines={pageLines(layout, page.rows, hitsWithin(state.search?.result, page.start, page.end))}
				status={status}
				italicFallback={italicFallback}
			/>
			{state.overlay === 'settings' && <SettingsPanel settings={settings} selected={state.settingIndex} cols={cols} />}
		</>
	);
}

// The status line while the theme picker is open: where the reader is in the list, and the keys.
function themePickerLine(current: string, width: number): string {
	const index = THEMES.findIndex((theme) => theme.name === current);
	const label = THEMES[index]?.label ?? current;
	return fit(`Theme ‹ ${label} › ${index + 1}/${THEMES.length} · ${hintLine('themes')}`, width);
}

