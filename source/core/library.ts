/** The library list: bundled stories and stories read before, most recently read first. */

/** A story the library can list; `source` says how to open it again. */
export type LibraryItem<Source> = {
	readonly key: string;
	readonly title: string;
	/** Author, or fandom where the author is not known. */
	readonly byline?: string;
	/** Percent read, when the story was opened before. */
	readonly percent?: number;
	readonly readAt?: number;
	readonly source: Source;
	readonly bookmarks?: number;
	/** True when the story's file has moved or vanished. */
	readonly missing?: boolean;
};

/** What the library knows of a bundled story. */
export type BundledEntry<Source> = {
	readonly key: string;
	readonly title: string;
	readonly author?: string;
	readonly fandom?: string;
	readonly source: Source;
};

/** A saved reading position, as far as the library needs it. */
export type ProgressRecord<Source> = {
	readonly offset: number;
	readonly length: number;
	readonly title: string;
	readonly readAt: number;
	readonly source: Source;
	readonly byline?: string;
	readonly bookmarks?: readonly unknown[];
};

/** Merges bundled stories and saved progress into one list, most recently read first. */
export function libraryItems<Source>(
	bundled: ReadonlyArray<BundledEntry<Source>>,
	progress: Readonly<Record<string, ProgressRecord<Source>>>,
	isMissing: (source: Source) => boolean = () => false,
): Array<LibraryItem<Source>> {
	const items = new Map<string, LibraryItem<Source>>();
	for (const story of bundled) {
		const byline = story.author ?? story.fandom;
		items.set(story.key, {key: story.key, title: story.title, source: story.source, ...(byline ? {byline} : {})});
	}
	for (const [key, entry] of Object.entries(progress)) {
		const known = items.get(key);
		const percent = entry.length > 0 ? Math.min(100, Math.round((100 * entry.offset) / entry.length)) : 0;
		const base = known ?? {key, title: entry.title || key, source: entry.source, ...(entry.byline ? {byline: entry.byline} : {})};
		const missing = !known && isMissing(entry.source);
		items.set(key, {...base, percent, readAt: entry.readAt, bookmarks: entry.bookmarks?.length ?? 0, ...(missing ? {missing} : {})});
	}
	return [...items.values()].sort((a, b) => (b.readAt ?? -1) - (a.readAt ?? -1));
}

/** "just now", "5 min ago", "3 h ago", "2 days ago", or a date. */
export function relativeTime(then: number, now: number): string {
	const minutes = Math.floor((now - then) / 60_000);
	if (minutes < 1) return 'just now';
	if (minutes < 60) return `${minutes} min ago`;
	const hours = Math.floor(minutes / 60);
	if (hours < 24) return `${hours} h ago`;
	const days = Math.floor(hours / 24);
	if (days < 30) return `${days} day${days === 1 ? '' : 's'} ago`;
	return new Date(then).toISOString().slice(0, 10);
}
