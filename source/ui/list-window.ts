/** Where a list screen (library, bookmarks) draws, and which of its items fit with the selection in view. */

/** The column a list is drawn in, its margin, and the first item that shows. */
export type ListWindow = {readonly width: number; readonly margin: string; readonly first: number; readonly room: number};

/** Fits `count` items of `perItem` rows each under a two-row header and above a one-row footer. */
export function listWindow(cols: number, rows: number, selected: number, count: number, perItem: number): ListWindow {
	const width = Math.min(cols - 2, 72);
	const room = Math.max(1, Math.floor((rows - 4) / perItem));
	const first = Math.min(Math.max(0, selected - room + 1), Math.max(0, count - room));
	return {width, margin: ' '.repeat(Math.max(0, Math.floor((cols - width) / 2))), first, room};
}
