/**
 * The terminal size as an input. The source subscribes to `resize` before Ink does, so the first
 * frame Ink draws after a resize is already laid out for the new size.
 */
import {useSyncExternalStore} from 'react';

/** A terminal size. */
export type Size = {readonly cols: number; readonly rows: number};

/** A readable, subscribable terminal size. */
export type SizeSource = {
	get(): Size;
	subscribe(listener: () => void): () => void;
};

/** Follows `stream`'s size; `fallback` is used where the stream reports none. */
export function streamSize(stream: NodeJS.WriteStream, fallback: Size = {cols: 80, rows: 24}): SizeSource {
	let size: Size = read();
	const listeners = new Set<() => void>();
	function read(): Size {
		return {cols: stream.columns || fallback.cols, rows: stream.rows || fallback.rows};
	}
	stream.on('resize', () => {
		size = read();
		for (const listener of listeners) listener();
	});
	return {
		get: () => size,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
	};
}

/** A size that never changes: for tests and print mode. */
export function fixedSize(cols: number, rows: number): SizeSource {
	const size = {cols, rows};
	return {get: () => size, subscribe: () => () => undefined};
}

/** The current terminal size; re-renders on every change. */
export function useSize(source: SizeSource): Size {
	return useSyncExternalStore(source.subscribe, source.get);
}
