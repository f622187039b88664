/**
 * Gives back the memory that opening a long story used. Reading a file leaves its bytes, the
 * decoded text and the parser's pieces behind, about three bytes per byte of text (60 MB for a
 * 20 MB story). V8 frees objects that large only in a full garbage collection, which an idle
 * reader never triggers: without one they stay resident for the whole session.
 */
import v8 from 'node:v8';
import vm from 'node:vm';

/** Stories shorter than this (in characters) leave too little behind to be worth a collection. */
export const RECLAIM_MIN_LENGTH = 1 << 20;

/** How long after the page count appears the collection runs, so that it never holds back that frame. */
export const RECLAIM_DELAY_MS = 100;

type Collector = () => void;

let collect: Collector | undefined;

/**
 * Runs one full garbage collection now (about 10 ms for War and Peace, 20 ms for a 20 MB story).
 * The young generation needs none: it is kept at its starting size (see the entry, scripts/code-cache.mjs).
 */
export function reclaimMemory(): void {
	collect ??= garbageCollector();
	collect();
}

// Node's `gc` exists only in contexts created while --expose-gc is set: set it for one new
// context, then unset it again (unless node was started with it).
function garbageCollector(): Collector {
	const exposed = (globalThis as {gc?: Collector}).gc;
	if (exposed) return exposed;
	v8.setFlagsFromString('--expose-gc');
	try {
		return vm.runInNewContext('gc') as Collector;
	} finally {
		v8.setFlagsFromString('--no-expose-gc');
	}
}
