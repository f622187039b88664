/**
 * Reader state and the reducer that is the only place it changes. Navigation is expressed in
 * character offsets: the page on screen is always "the page whose first row shows `offset`".
 */
import type {Layout} from './layout.js';
import {type SearchResult, step as stepSearch} from './search.js';
import {type Chapter, storyLength} from './story.js';
import {DEFAULT_SETTINGS, type ReaderSettings, SETTING_FIELDS} from './settings.js';
import type {ThemeName} from './themes.js';

/** What covers the page, if anything. */
export type Overlay = 'none' | 'help' | 'library' | 'bookmarks' | 'settings' | 'themes' | 'contents' | 'card';

/** A one-line text prompt: naming a new bookmark, or renaming one. */
export type Prompt = {
	readonly purpose: 'add' | 'rename' | 'search' | 'goto';
	readonly text: string;
	/** True while the text is the suggested default: the first key typed replaces it. */
	readonly pristine: boolean;
	/** The bookmark being renamed. */
	readonly id?: string;
	/** Where a new bookmark goes. */
	readonly offset?: number;
};

const JUMPS_REMEMBERED = 100;

/** The reader's state. */
export type ReaderState = {
	/** The reading position: offset of the first character on the page. Never a page number. */
	readonly offset: number;
	readonly overlay: Overlay;
	/** Selected row of the library list. */
	readonly libraryIndex: number;
	/** First line on show of a scrolling overlay (help, story card). */
	readonly scrollTop: number;
	/** A one-shot message for the status line. */
	readonly notice?: string;
	/** Where the last page turns forward started, newest last: lets a turn back retrace them. */
	readonly turned?: readonly number[];
	/** Selected row of the bookmark list. */
	readonly bookmarkIndex: number;
	/** The text prompt, while one is open: keys type into it. */
	readonly prompt?: Prompt;
	/** Where each jump (bookmark, start, end, contents, search) left from, newest last. */
	readonly jumps: readonly number[];
	readonly settings: ReaderSettings;
	/** Selected row of the settings screen. */
	readonly settingIndex: number;
	/** The theme before the picker opened: Esc goes back to it. */
	readonly themeBefore?: ThemeName;
	/** Selected row of the contents. */
	readonly contentsIndex: number;
	/** The last search, and which of its matches the reader went to last. */
	readonly search?: {readonly result: SearchResult; readonly index?: number};
};

/** Everything that can happen to the reader. */
export type ReaderAction =
	| {type: 'nextPage'}
	| {type: 'prevPage'}
	| {type: 'lineDown'}
	| {type: 'lineUp'}
	| {type: 'halfDown'}
	| {type: 'halfUp'}
	| {type: 'start'}
	| {type: 'end'}
	| {type: 'goto'; offset: number}
	| {type: 'openOverlay'; overlay: Exclude<Overlay, 'none'>}
	| {type: 'closeOverlay'}
	| {type: 'libraryMove'; to: number}
	| {type: 'overlayScroll'; by: number}
	| {type: 'bookmarkMove'; to: number}
	| {type: 'jump'; offset: number}
	| {type: 'jumpBack'}
	| {type: 'openPrompt'; prompt: Omit<Prompt, 'pristine'>}
	| {type: 'promptType'; text: string}
	| {type: 'promptErase'}
	| {type: 'closePrompt'}
	| {type: 'changeSettings'; settings: ReaderSettings}
	| {type: 'settingMove'; to: number}
	| {type: 'previewTheme'; theme: ThemeName}
	| {type: 'revertTheme'}
	| {type: 'contentsMove'; to: number}
	| {type: 'chapter'; by: 1 | -1}
	| {type: 'setSearch'; result: SearchResult}
	| {type: 'searchStep'; by: 1 | -1}
	| {type: 'notice'; text: string | undefined};

/** What the reducer needs to know: the layout in use (none before a story is open), the page height, list lengths. */
export type ReaderContext = {
	readonly layout?: Layout;
	readonly height: number;
	readonly libraryLength: number;
	/** The last line a scrolling overlay can start at. */
	readonly scrollMax?: number;
	readonly bookmarkCount?: number;
};

/** The state a story opens in. */
export function initialReaderState(offset = 0, overlay: Overlay = 'none', settings: ReaderSettings = DEFAULT_SETTINGS): ReaderState {
	return {offset: Math.max(0, offset), overlay, libraryIndex: 0, scrollTop: 0, bookmarkIndex: 0, jumps: [], settings, settingIndex: 0, contentsIndex: 0};
}

/** Applies one action. Pure: the same state, action and context always give the same result. */
export function readerReducer(state: ReaderState, action: ReaderAction, context: ReaderContext): ReaderState {
	switch (action.type) {
		case 'openOverlay':
			return {
				...state,
				overlay: action.overlay,
				notice: undefined,
				scrollTop: 0,
				libraryIndex: 0,
				bookmarkIndex: 0,
				settingIndex: 0,
				contentsIndex: action.overlay === 'contents' && context.layout ? currentChapter(context.layout, state.offset, context.height) : 0,
				...(action.overlay === 'themes' ? {themeBefore: state.settings.theme} : {}),
			};
		case 'closeOverlay': {
			const {themeBefore: _kept, ...rest} = state;
			return {...rest, overlay: 'none'};
		}
		case 'changeSettings':
			return {...state, settings: action.settings};
		case 'settingMove':
			return {...state, settingIndex: clamp(action.to, 0, SETTING_FIELDS.length - 1)};
		case 'contentsMove':
			return {...state, contentsIndex: clamp(action.to, 0, (context.layout?.story.chapters.length ?? 0) - 1)};
		case 'setSearch':
			return {...state, search: {result: action.result}};
		case 'previewTheme':
			return {...state, settings: {...state.settings, theme: action.theme}};
		case 'revertTheme': {
			const {themeBefore, ...rest} = state;
			return {...rest, overlay: 'none', settings: {...state.settings, theme: themeBefore ?? state.settings.theme}};
		}
		case 'libraryMove':
			return {...state, libraryIndex: clamp(action.to, 0, context.libraryLength - 1)};
		case 'overlayScroll':
			return {...state, scrollTop: clamp(state.scrollTop + action.by, 0, context.scrollMax ?? 0)};
		case 'bookmarkMove':
			return {...state, bookmarkIndex: clamp(action.to, 0, (context.bookmarkCount ?? 0) - 1)};
		case 'openPrompt':
			return {...state, prompt: {...action.prompt, pristine: true}, notice: undefined};
		case 'promptType':
			if (!state.prompt) return state;
			return {...state, prompt: {...state.prompt, text: (state.prompt.pristine ? '' : state.prompt.text) + action.text, pristine: false}};
		case 'promptErase':
			if (!state.prompt) return state;
			return {...state, prompt: {...state.prompt, text: state.prompt.pristine ? '' : Array.from(state.prompt.text).slice(0, -1).join(''), pristine: false}};
		case 'closePrompt': {
			const {prompt: _prompt, ...rest} = state;
			return rest;
		}
		case 'jump':
			if (action.offset === state.offset) return state;
			return {...moveTo(state, action.offset), jumps: [...state.jumps, state.offset].slice(-JUMPS_REMEMBERED), overlay: 'none'};
		case 'jumpBack': {
			const back = state.jumps.at(-1);
			if (back === undefined) return {...state, notice: 'No earlier place to go back to'};
			// Going back is a jump too, so a second ` returns to where the first one left.
			return {...moveTo(state, back), jumps: [...state.jumps.slice(0, -1), state.offset]};
		}
		case 'notice':
			return {...state, notice: action.text};
		default:
			return context.layout ? navigate(state, action, {...context, layout: context.layout}) : state;
	}
}

type Navigation = Extract<ReaderAction, {type: 'nextPage' | 'prevPage' | 'lineDown' | 'lineUp' | 'halfDown' | 'halfUp' | 'start' | 'end' | 'goto' | 'chapter' | 'searchStep'}>;

function navigate(state: ReaderState, action: Navigation, context: ReaderContext & {layout: Layout}): ReaderState {
	const {layout, height} = context;
	switch (action.type) {
		case 'nextPage': {
			// Pages tile the story like a book's: the last one may be short.
			if (layout.page(state.offset, height).atEnd) return state;
			const turned = [...(state.turned ?? []), state.offset].slice(-TURNS_REMEMBERED);
			return {...moveTo(state, layout.scroll(state.offset, height)), turned};
		}
		case 'prevPage': {
			const turned = state.turned ?? [];
			const from = turned.at(-1);
			// Retrace a turn forward exactly, as long as the page size has not changed since.
			if (from !== undefined && layout.scroll(from, height) === state.offset) {
				return {...moveTo(state, from), turned: turned.slice(0, -1)};
			}
			return moveTo(state, layout.scroll(state.offset, -height));
		}
		case 'lineDown':
			return forward(state, context, 1);
		case 'lineUp':
			return moveTo(state, layout.scroll(state.offset, -1));
		case 'halfDown':
			return forward(state, context, Math.max(1, Math.floor(height / 2)));
		case 'halfUp':
			return moveTo(state, layout.scroll(state.offset, -Math.max(1, Math.floor(height / 2))));
		case 'start':
			return readerReducer(state, {type: 'jump', offset: 0}, context);
		case 'end':
			return readerReducer(state, {type: 'jump', offset: layout.endOffset(height)}, context);
		case 'goto':
			return moveTo(state, Math.min(Math.max(0, action.offset), storyLength(layout.story)));
		case 'chapter': {
			const {chapters} = layout.story;
			const start = layout.page(state.offset, height).start;
			const current = chapterIndexAt(chapters, start);
			// Back from inside a chapter goes to its start; from its start, to the one before.
			const target = action.by === 1 ? current + 1 : current >= 0 && chapters[current]!.start < start ? current : current - 1;
			const chapter = chapters[target];
			if (!chapter) return {...state, notice: action.by === 1 ? 'This is the last chapter' : 'This is the first chapter'};
			return moveTo(state, chapter.start);
		}
		case 'searchStep': {
			const search = state.search;
			if (!search) return {...state, notice: 'Nothing searched yet: press / to search'};
			const found = stepSearch(search.result, search.index, layout.page(state.offset, height).start + (action.by === 1 ? 1 : 0), action.by);
			if (!found) return {...state, notice: `No match for “${search.result.query}”`};
			const count = search.result.starts.length;
			const moved = readerReducer(state, {type: 'jump', offset: rowStart(layout, search.result.starts[found.index]!)}, context);
			const wrapped = found.wrapped ? (action.by === 1 ? 'wrapped to the start · ' : 'wrapped to the end · ') : '';
			return {...moved, search: {result: search.result, index: found.index}, notice: `“${search.result.query}” ${wrapped}${found.index + 1} of ${count}`};
		}
		default:
			return assertNever(action);
	}
}

// Scrolling by lines stops once the last row is on screen, and never moves backward.
function forward(state: ReaderState, {layout, height}: ReaderContext & {layout: Layout}, rows: number): ReaderState {
	if (layout.page(state.offset, height).atEnd) return state;
	const target = Math.min(layout.scroll(state.offset, rows), layout.endOffset(height));
	return target > state.offset ? moveTo(state, target) : state;
}

const TURNS_REMEMBERED = 64;

// The start of the row that shows `offset`, so that a page turned to it begins with that row.
function rowStart(layout: Layout, offset: number): number {
	return layout.offsetAt(layout.cursorAt(offset));
}

// The contents open on the chapter the page is in (the first one before any chapter).
function currentChapter(layout: Layout, offset: number, height: number): number {
	return Math.max(0, chapterIndexAt(layout.story.chapters, layout.page(offset, height).start));
}

/** Index of the chapter that holds `offset`, or -1 before the first. */
export function chapterIndexAt(chapters: readonly Chapter[], offset: number): number {
	let index = -1;
	for (let i = 0; i < chapters.length && chapters[i]!.start <= offset; i++) index = i;
	return index;
}

function clamp(value: number, low: number, high: number): number {
	return Math.max(low, Math.min(value, Math.max(low, high)));
}

// Every move but a page turn forgets the turns: they no longer lead to where the reader is.
function moveTo(state: ReaderState, offset: number): ReaderState {
	if (offset === state.offset && state.notice === undefined) return state;
	const {turned: _turned, ...rest} = state;
	return {...rest, offset, notice: undefined};
}

function assertNever(value: never): never {
	throw new Error(`Unhandled reader action: ${JSON.stringify(value)}`);
}
