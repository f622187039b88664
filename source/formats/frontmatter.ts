/**
 * The header of a bundled story: `key: value` lines between two `---` lines, then the text
 * verbatim. Written by hand because the header is a handful of flat strings and a YAML parser
 * would cost more start-up time than the whole reader's first page.
 */

/** A parsed header and the verbatim text after it. */
export type FrontMatter = {
	readonly fields: Readonly<Record<string, string>>;
	readonly body: string;
};

/** Splits a bundled story file into its header fields and its body, byte for byte. */
export function parseFrontMatter(raw: string): FrontMatter {
	const match = /^---\n([\s\S]*?)\n---\n/.exec(raw);
	if (!match) return {fields: {}, body: raw};
	const fields: Record<string, string> = {};
	for (const line of match[1]!.split('\n')) {
		const colon = line.indexOf(':');
		if (colon <= 0) continue;
		const key = line.slice(0, colon).trim().toLowerCase();
		if (key) fields[key] = line.slice(colon + 1).trim();
	}
	return {fields, body: raw.slice(match[0].length)};
}

/** Splits a comma-separated header value into trimmed, non-empty items. */
export function listField(value: string | undefined): string[] {
	return (value ?? '')
		.split(',')
		.map((item) => item.trim())
		.filter(Boolean);
}
