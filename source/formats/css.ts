/**
 * The one thing Lectern wants from a stylesheet: which classes make text italic or bold. Many
 * EPUBs (Calibre's especially) mark emphasis with `<span class="calibre7">` and a CSS rule, not
 * with `<i>`. Only simple class selectors (`.c7`, `span.italic`) are read; the rest of CSS is not.
 */

/** Class names that a stylesheet makes italic, and those it makes bold. */
export type EmphasisClasses = {readonly italic: ReadonlySet<string>; readonly bold: ReadonlySet<string>};

const RULE = /([^{}]*)\{([^{}]*)\}/g;
const CLASS_SELECTOR = /^[a-z0-9]*\.([\w-]+)$/i;

/** Reads the emphasis classes of one or more stylesheets. */
export function emphasisClasses(stylesheets: readonly string[]): EmphasisClasses {
	const italic = new Set<string>();
	const bold = new Set<string>();
	for (const css of stylesheets) {
		for (const [, selectors, body] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(RULE)) {
			const isItalic = /font-style\s*:\s*(?:italic|oblique)/i.test(body!);
			const isBold = /font-weight\s*:\s*(?:bold|bolder|[6-9]00)/i.test(body!);
			if (!isItalic && !isBold) continue;
			for (const selector of selectors!.split(',')) {
				const name = CLASS_SELECTOR.exec(selector.trim())?.[1];
				if (!name) continue;
				if (isItalic) italic.add(name);
				if (isBold) bold.add(name);
			}
		}
	}
	return {italic, bold};
}
