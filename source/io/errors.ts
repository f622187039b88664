/** An expected failure: its message is the one line the user sees before Lectern exits with 1. */
export class LecternError extends Error {
	override readonly name = 'LecternError';
}
