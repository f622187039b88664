/**
 * The composition root: the story on screen, the reader reducer, the terminal size, the key
 * handler and the effects that save the position. Everything it draws comes from `ui/`.
 */
import {Box, useApp, useInput} from 'ink';
import {useEffect, useMemo, useRef, useState} from 'react';
import {type Bookmark, SNIPPET_CHARS, defaultName, snippetAt} from './core/bookmarks.js';
import {commandFor, keyLabel} from './core/keymap.js';
import {sanitize} from './core/sanitize.js';
import {type LibraryItem} from './core/library.js';
import {type ReaderAction, type ReaderState, initialReaderState, readerReducer} from './core/reader.js';
import {cardFields} from './core/card.js';
import {type ColorLevel, resolveTheme} from './core/color.js';
import {gotoOffset} from './core/goto.js';
import {updatePace} from './core/pace.js';
import {searchStory} from './core/search.js';
import {frameFor} from './core/screen.js';
import {DEFAULT_SETTINGS, MIN_WIDTH, type ReaderSettings, SETTING_FIELDS, widthStep} from './core/settings.js';
import {THEMES, findTheme, nextTheme, previousTheme} from './core/themes.js';
import {type Story, storyLength, textSlice} from './core/story.js';
import type {IndexOffload} from './io/index-worker.js';
import type {Storage} from './io/storage.js';
import type {StorySource} from './io/stories.js';
import {RECLAIM_DELAY_MS, RECLAIM_MIN_LENGTH, reclaimMemory} from './reclaim.js';
import {cardLines} from './ui/card-view.js';
import {keyNames} from './ui/keys.js';
import {SETTINGS_PANEL_ROWS} from './ui/settings-panel.js';
import {type SizeSource, useSize} from './ui/size.js';
import {ThemeProvider, screenBackground} from './ui/theme.js';
import type {ItalicFallback} from './ui/reader-view.js';
import {Screens} from './ui/screens.js';
import {TooSmall} from './ui/too-small.js';
import {type Session, usePersistence} from './ui/use-persistence.js';
import {type PreparedLayout, useStoryLayout} from './ui/use-story-layout.js';
import {HELP} from './ui/help-view.js';

/** The part of storage the reader changes directly. */
export type BookmarkStore = Pick<Storage, 'bookmarks' | 'changeBookmarks' | 'forget'>;

/** The story and position on screen, shared with the CLI so every kind of exit can save them. */
export type {Session} from './ui/use-persistence.js';

/** Props: what to show first, and the I/O the app may ask for. */
export type AppProps = {
	readonly story?: Story;
	readonly source?: StorySource;
	readonly offset?: number;
	readonly size: SizeSource;
	/** The settings to start with (stored ones, with this run's flags over them). */
	readonly settings?: ReaderSettings;
	/** Saves the settings the reader changed (only those: a flag for one run is not saved). */
	readonly saveSettings?: (changed: Partial<ReaderSettings>) => void;
	/** How many colours the terminal shows; tests and NO_COLOR get none. */
	readonly colorLevel?: ColorLevel;
	/** How italics are drawn: underlined on terminals that have none. */
	readonly italicFallback?: ItalicFallback;
	/** The library's items, read fresh each time the library opens. */
	readonly library: () => ReadonlyArray<LibraryItem<StorySource>>;
	/** Opens a story from the library: its text and saved offset. Throws a user-facing error. */
	readonly open: (source: StorySource) => {story: Story; offset: number};
	/** Saves the position; called debounced while reading. */
	readonly save: (story: Story, source: StorySource, offset: number) => void;
	readonly session: Session;
	/** Where bookmarks live, and how a story leaves the library. */
	readonly marks: BookmarkStore;
	readonly notice?: string;
	/** The layout and word index start.ts made for the first page, reused when they fit. */
	readonly prepared?: PreparedLayout;
	/** Counts a long book's whole-book index on another thread, when it can (io/index-worker.ts). */
	readonly offloadIndex?: IndexOffload;
	/** Milliseconds to wait after the last move before saving. */
	readonly saveDelay?: number;
};

// The settings that differ between two sets of settings.
function diff(before: ReaderSettings, after: ReaderSettings): Partial<ReaderSettings> {
	return Object.fromEntries(Object.entries(after).filter(([key, value]) => before[key as keyof ReaderSettings] !== value));
}

// A key name that stands for typed text: one printable character (named keys are longer).
function isText(name: string): boolean {
	return name === 'space' || (Array.from(name).length === 1 && !/\p{Cc}/u.test(name));
}

/** The reader application. */
export function App(props: AppProps) {
	const {exit} = useApp();
	const {cols, rows} = useSize(props.size);
	const [opened, setOpened] = useState(() => (props.story && props.source ? {story: props.story, source: props.source} : undefined));
	const [state, setState] = useState<ReaderState>(() => ({
		...initialReaderState(props.offset ?? 0, opened ? 'none' : 'library', props.settings ?? DEFAULT_SETTINGS),
		...(props.notice ? {notice: props.notice} : {}),
	}));
	const [items, setItems] = useState(() => (opened ? [] : props.library()));
	const [marks, setMarks] = useState<readonly Bookmark[]>(() => (opened ? props.marks.bookmarks(opened.story.key) : []));
	const deleted = useRef<Bookmark | undefined>(undefined);
	const {settings} = state;
	// The settings panel sits under the page, so the page is laid out in the rows above it.
	const panelRows = state.overlay === 'settings' ? SETTINGS_PANEL_ROWS : 0;
	const frame = frameFor(cols, rows - panelRows, settings.width);
	const theme = useMemo(() => resolveTheme(findTheme(settings.theme) ?? THEMES[0]!, props.colorLevel ?? 'none'), [settings.theme, props.colorLevel]);
	const column = frame?.column ?? 1;
	const story = opened?.story;
	const {layout, words, indexReady} = useStoryLayout(story, column, settings, props.prepared, props.offloadIndex);
	const lastTurn = useRef({at: Date.now(), savedPace: settings.pace});
	// Once a long story is open and counted, what parsing it left behind is collected (once per story;
	// a story read from the cache in parts left nothing of the kind).
	const reclaimed = useRef<Story | undefined>(undefined);
	useEffect(() => {
		if (!story || !indexReady || reclaimed.current === story || story.parts || storyLength(story) < RECLAIM_MIN_LENGTH) return;
		const timer = setTimeout(() => {
			reclaimed.current = story;
			reclaimMemory();
		}, RECLAIM_DELAY_MS);
		return () => clearTimeout(timer);
	}, [story, indexReady]);

	const {session, save} = props;
	usePersistence(opened, state.offset, props);

	// Keys are handled against the state as it is now, not as of the last render: Ink swaps the
	// input handler in an effect after the frame is drawn, and several keys can arrive in one read.
	const live = useRef({state, items, opened, layout, frame, marks});
	live.current = {state, items, opened, layout, frame, marks};
	const apply = (next: ReaderState) => {
		live.current.state = next;
		setState(next);
	};
	const dispatch = (action: ReaderAction) => {
		const {state, layout, frame, items} = live.current;
		const context = {
			height: frame?.body ?? 1,
			libraryLength: items.length,
			bookmarkCount: live.current.marks.length,
			scrollMax: Math.max(0, (state.overlay === 'card' && layout ? cardLines(cardFields(layout.story, words), Math.min(cols - 2, 72)).length : HELP.length) - rows + 1),
			...(layout ? {layout} : {}),
		};
		apply(readerReducer(state, action, context));
	};

	const openItem = (item: LibraryItem<StorySource> | undefined) => {
		if (!item) return;
		try {
			const next = props.open(item.source);
			// Until the next render lays the new story out, further keys of this read must not move in it.
			live.current.layout = undefined;
			live.current.opened = {story: next.story, source: item.source};
			setOpened(live.current.opened);
			setBookmarks(props.marks.bookmarks(next.story.key));
			apply(initialReaderState(next.offset, 'none', live.current.state.settings));
		} catch (error) {
			dispatch({type: 'notice', text: (error as Error).message});
		}
	};

	const setBookmarks = (next: readonly Bookmark[]) => {
		live.current.marks = next;
		setMarks(next);
	};
	const changeBookmarks = (change: (list: readonly Bookmark[]) => readonly Bookmark[]) => {
		const {opened} = live.current;
		if (!opened) return;
		const {story, source} = opened;
		props.marks.changeBookmarks(story.key, {title: story.title, source, length: storyLength(story)}, change);
		setBookmarks(props.marks.bookmarks(story.key));
	};
	const changeSettings = (changed: Partial<ReaderSettings>, notice?: string) => {
		dispatch({type: 'changeSettings', settings: {...live.current.state.settings, ...changed}});
		props.saveSettings?.(changed);
		if (notice) dispatch({type: 'notice', text: notice});
	};
	const submitPrompt = () => {
		const {state, opened, layout} = live.current;
		const prompt = state.prompt;
		if (!prompt || !opened || !layout) return;
		if (prompt.purpose === 'search') {
			dispatch({type: 'closePrompt'});
			const query = prompt.text.trim();
			if (!query) return;
			dispatch({type: 'setSearch', result: searchStory(opened.story, query)});
			dispatch({type: 'searchStep', by: 1});
			return;
		}
		if (prompt.purpose === 'goto') {
			dispatch({type: 'closePrompt'});
			const target = gotoOffset(prompt.text, opened.story);
			if (typeof target === 'string') dispatch({type: 'notice', text: target});
			else dispatch({type: 'jump', offset: layout.offsetAt(layout.cursorAt(target))});
			return;
		}
		if (prompt.purpose === 'add') {
			const offset = prompt.offset ?? state.offset;
			const here = textSlice(opened.story, offset, offset + SNIPPET_CHARS);
			const name = prompt.text.trim() || defaultName(here, 0);
			const bookmark: Bookmark = {id: globalThis.crypto.randomUUID(), name, offset, snippet: snippetAt(here, 0), createdAt: Date.now()};
			changeBookmarks((list) => [...list, bookmark]);
			dispatch({type: 'closePrompt'});
			dispatch({type: 'notice', text: `Bookmarked “${name}” · ${keyLabel('B')} lists bookmarks`});
			return;
		}
		const name = prompt.text.trim();
		if (name) changeBookmarks((list) => list.map((b) => (b.id === prompt.id ? {...b, name} : b)));
		dispatch({type: 'closePrompt'});
	};

	useInput((input, key) => {
		// A whole-book index being counted on another thread waits while this key is answered.
		props.offloadIndex?.hold();
		for (const name of keyNames(input, key)) handleKey(name);
	});

	function handleKey(name: string): void {
		const {state, items, opened, layout, frame, marks} = live.current;
		const context = state.prompt ? 'prompt' : state.overlay === 'none' ? 'reader' : state.overlay;
		const command = commandFor(context, name);
		switch (command) {
			case undefined:
				if (context === 'prompt' && isText(name)) dispatch({type: 'promptType', text: sanitize(name === 'space' ? ' ' : name)});
				return;
			case 'submit':
				submitPrompt();
				return;
			case 'cancel':
				if (context === 'themes') dispatch({type: 'revertTheme'});
				else dispatch({type: 'closePrompt'});
				return;
			case 'erase':
				dispatch({type: 'promptErase'});
				return;
			case 'addBookmark': {
				if (!opened || !layout || !frame) return;
				const offset = layout.page(state.offset, frame.body).start;
				dispatch({type: 'openPrompt', prompt: {purpose: 'add', text: defaultName(textSlice(opened.story, offset, offset + SNIPPET_CHARS), 0), offset}});
				return;
			}
			case 'bookmarks':
				if (opened) setBookmarks(props.marks.bookmarks(opened.story.key));
				dispatch({type: 'openOverlay', overlay: 'bookmarks'});
				return;
			case 'jumpBack':
				dispatch({type: 'jumpBack'});
				return;
			case 'contents':
			case 'card':
				dispatch({type: 'openOverlay', overlay: command});
				return;
			case 'notes':
				changeSettings({notes: state.settings.notes === 'open' ? 'folded' : 'open'}, state.settings.notes === 'open' ? "Authors' notes folded" : "Authors' notes shown");
				return;
			case 'nextChapter':
			case 'prevChapter':
				dispatch({type: 'chapter', by: command === 'nextChapter' ? 1 : -1});
				return;
			case 'search':
				dispatch({type: 'openPrompt', prompt: {purpose: 'search', text: state.search?.result.query ?? ''}});
				return;
			case 'goto':
				dispatch({type: 'openPrompt', prompt: {purpose: 'goto', text: ''}});
				return;
			case 'nextHit':
			case 'prevHit':
				dispatch({type: 'searchStep', by: command === 'nextHit' ? 1 : -1});
				return;
			case 'cycleTheme': {
				const next = nextTheme(state.settings.theme);
				changeSettings({theme: next.name}, `Theme: ${next.label}`);
				return;
			}
			case 'pickTheme':
			case 'settings':
				dispatch({type: 'openOverlay', overlay: command === 'pickTheme' ? 'themes' : 'settings'});
				return;
			case 'narrower':
			case 'wider': {
				const widest = Math.max(MIN_WIDTH, live.current.frame ? cols : MIN_WIDTH);
				const current = Math.min(state.settings.width, widest);
				const next = widthStep({...state.settings, width: current}, command === 'wider' ? 1 : -1).width;
				if (next === current || (command === 'wider' && current >= widest)) {
					dispatch({type: 'notice', text: command === 'wider' ? 'The column is as wide as the window' : 'The column is as narrow as it gets'});
					return;
				}
				changeSettings({width: Math.min(next, widest)}, `Column: ${Math.min(next, widest)} cells`);
				return;
			}
			case 'resetWidth':
				changeSettings({width: DEFAULT_SETTINGS.width}, `Column: ${DEFAULT_SETTINGS.width} cells (default)`);
				return;
			case 'less':
			case 'more': {
				const field = SETTING_FIELDS[state.settingIndex];
				if (field) changeSettings(diff(state.settings, field.step(state.settings, command === 'less' ? -1 : 1)));
				return;
			}
			case 'rename': {
				const mark = marks[state.bookmarkIndex];
				if (mark) dispatch({type: 'openPrompt', prompt: {purpose: 'rename', text: mark.name, id: mark.id}});
				return;
			}
			case 'delete': {
				const mark = marks[state.bookmarkIndex];
				if (!mark) return;
				deleted.current = mark;
				changeBookmarks((list) => list.filter((b) => b.id !== mark.id));
				dispatch({type: 'bookmarkMove', to: state.bookmarkIndex});
				dispatch({type: 'notice', text: `Deleted “${mark.name}” · ${keyLabel('u')} undoes`});
				return;
			}
			case 'undo': {
				const mark = deleted.current;
				if (!mark) return;
				deleted.current = undefined;
				changeBookmarks((list) => (list.some((b) => b.id === mark.id) ? list : [...list, mark]));
				dispatch({type: 'notice', text: `Restored “${mark.name}”`});
				return;
			}
			case 'forget': {
				const item = items[state.libraryIndex];
				if (!item) return;
				props.marks.forget(item.key);
				const fresh = props.library();
				live.current.items = fresh;
				setItems(fresh);
				dispatch({type: 'libraryMove', to: state.libraryIndex});
				dispatch({type: 'notice', text: `Removed “${item.title}” from the library (the file is untouched)`});
				return;
			}
			case 'quit':
				// The last keys of this read may not have been drawn yet: the session must have them.
				if (opened) session.current = {story: opened.story, source: opened.source, offset: state.offset};
				exit();
				return;
			case 'help':
				dispatch({type: 'openOverlay', overlay: 'help'});
				return;
			case 'library': {
				// Save first, so the library shows where the reader is now.
				if (opened) save(opened.story, opened.source, state.offset);
				const fresh = props.library();
				live.current.items = fresh;
				setItems(fresh);
				dispatch({type: 'openOverlay', overlay: 'library'});
				return;
			}
			case 'close':
				if (opened) dispatch({type: 'closeOverlay'});
				return;
			case 'up':
			case 'down': {
				const by = command === 'up' ? -1 : 1;
				if (context === 'help' || context === 'card') dispatch({type: 'overlayScroll', by});
				else if (context === 'contents') dispatch({type: 'contentsMove', to: state.contentsIndex + by});
				else if (context === 'settings') dispatch({type: 'settingMove', to: state.settingIndex + by});
				else if (context === 'themes') dispatch({type: 'previewTheme', theme: (by > 0 ? nextTheme(state.settings.theme) : previousTheme(state.settings.theme)).name});
				else if (context === 'bookmarks') dispatch({type: 'bookmarkMove', to: state.bookmarkIndex + by});
				else dispatch({type: 'libraryMove', to: state.libraryIndex + by});
				return;
			}
			case 'first':
			case 'last':
				if (context === 'bookmarks') dispatch({type: 'bookmarkMove', to: command === 'first' ? 0 : marks.length - 1});
				else if (context === 'contents') dispatch({type: 'contentsMove', to: command === 'first' ? 0 : (opened?.story.chapters.length ?? 1) - 1});
				else dispatch({type: 'libraryMove', to: command === 'first' ? 0 : items.length - 1});
				return;
			case 'open':
				if (context === 'contents') {
					const chapter = opened?.story.chapters[state.contentsIndex];
					if (chapter) dispatch({type: 'jump', offset: chapter.start});
				} else if (context === 'themes') {
					props.saveSettings?.({theme: state.settings.theme});
					dispatch({type: 'closeOverlay'});
					dispatch({type: 'notice', text: `Theme: ${findTheme(state.settings.theme)?.label ?? state.settings.theme}`});
				} else if (context === 'bookmarks') {
					const mark = marks[state.bookmarkIndex];
					if (mark) dispatch({type: 'jump', offset: mark.offset});
				} else openItem(items[state.libraryIndex]);
				return;
			case 'nextPage':
				learnPace();
				dispatch({type: command});
				return;
			default:
				dispatch({type: command});
		}
	}

	// A page turned after a plausible time tells how fast the reader reads: "time left" follows it.
	function learnPace(): void {
		const {state, layout, frame} = live.current;
		const now = Date.now();
		const seconds = (now - lastTurn.current.at) / 1000;
		lastTurn.current.at = now;
		if (!layout || !frame || !words) return;
		const page = layout.page(state.offset, frame.body);
		const before = words.wordsBefore(page.start);
		const after = words.wordsBefore(page.end);
		if (before === undefined || after === undefined) return;
		const pace = updatePace(state.settings.pace, after - before, seconds);
		if (pace === state.settings.pace) return;
		dispatch({type: 'changeSettings', settings: {...live.current.state.settings, pace}});
		// Saved when it has moved by a tenth, not on every page.
		if (Math.abs(pace - lastTurn.current.savedPace) >= lastTurn.current.savedPace / 10) {
			lastTurn.current.savedPace = pace;
			props.saveSettings?.({pace});
		}
	}

	// The index's progress re-renders the status line as the page count arrives.
	void indexReady;
	const background = screenBackground(theme);
	return (
		<ThemeProvider theme={theme}>
			<Box flexDirection="column" width={cols} height={rows} {...(background ? {backgroundColor: background} : {})}>
				{frame ? (
					<Screens
						state={state}
						opened={opened}
						layout={layout}
						frame={frame}
						items={items}
						marks={marks}
						words={words}
						cols={cols}
						rows={rows}
						{...(props.italicFallback ? {italicFallback: props.italicFallback} : {})}
					/>
				) : (
					<TooSmall cols={cols} rows={rows} />
				)}
			</Box>
		</ThemeProvider>
	);
}
