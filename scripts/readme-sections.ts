/**
 * The README's generated sections: the keys, from the keymap the reader itself runs on, and the
 * theme names. `npm run docs` writes them between their markers; test/readme.test.ts fails when
 * the README and the code disagree.
 */
import {HELP_SECTIONS, KEYMAP, keyLabel} from '../source/core/keymap.js';
import {DEFAULT_THEME, THEMES} from '../source/core/themes.js';

/** The README sections that are generated, by marker name: `<!-- keys:start -->` ... `<!-- keys:end -->`. */
export function generatedSections(): Record<string, string> {
	return {keys: keysMarkdown(), themes: themesMarkdown()};
}

/** A key as the README shows it: in a `<kbd>`, with the characters Markdown or HTML would read escaped. */
export function kbd(label: string): string {
	const escaped = label.replace(/[&<>`|\\*_[\]~]/g, (c) => `&#${c.codePointAt(0)};`);
	return `<kbd>${escaped}</kbd>`;
}

/** Every binding, one table per screen, in the order and with the titles of the `?` help screen. */
export function keysMarkdown(): string {
	const tables = HELP_SECTIONS.map(([context, title]) => {
		// The same bindings, keys and help text as helpRows(context), with each key in its own <kbd>.
		const rows = KEYMAP.filter((binding) => binding.context === context).map(
			(binding) => `| ${binding.keys.map((key) => kbd(keyLabel(key))).join(' ')} | ${binding.help.replaceAll('|', '\\|')} |`,
		);
		return [`**${title}**`, '', '| keys | what they do |', '|---|---|', ...rows].join('\n');
	});
	return tables.join('\n\n');
}

/** The theme names, in the order `c` cycles through them, the default first. */
export function themesMarkdown(): string {
	return THEMES.map((theme) => `\`${theme.name}\`${theme.name === DEFAULT_THEME ? ' (the default: your terminal’s own colours)' : ''}`).join(', ');
}

/** The text between a section's marker lines (with its final newline), or undefined when the README has no such section. */
export function sectionOf(readme: string, name: string): string | undefined {
	const start = `<!-- ${name}:start -->\n`;
	const from = readme.indexOf(start);
	const to = readme.indexOf(`<!-- ${name}:end -->`, from + start.length);
	return from === -1 || to === -1 ? undefined : readme.slice(from + start.length, to);
}

/** The README with each section's text replaced; a missing marker is an error that names it. */
export function fillSections(readme: string, sections: Readonly<Record<string, string>>): string {
	let result = readme;
	for (const [name, body] of Object.entries(sections)) {
		const old = sectionOf(result, name);
		if (old === undefined) throw new Error(`README.md has no <!-- ${name}:start --> ... <!-- ${name}:end --> markers (the start marker on a line of its own).`);
		const at = result.indexOf(`<!-- ${name}:start -->\n`) + `<!-- ${name}:start -->\n`.length;
		result = result.slice(0, at) + (body ? `${body}\n` : '') + result.slice(at + old.length);
	}
	return result;
}
