/** Types for the one entry point of the `hyphen` package Lectern uses (it ships no types). */
declare module 'hyphen/en/index.js' {
	/** Options of a hyphenation call. */
	type HyphenOptions = {
		readonly hyphenChar?: string;
		readonly minWordLength?: number;
		readonly exceptions?: readonly string[];
	};
	/** The English (en-us) hyphenator: returns `text` with a soft hyphen at every break point. */
	const hyphen: {
		hyphenateSync(text: string, options?: HyphenOptions): string;
	};
	export default hyphen;
}
