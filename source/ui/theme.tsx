/**
 * Delivers the resolved theme to every view through React context, so a view asks for a role
 * ("heading", "status") and never for a colour, and tests render with whatever theme they pass.
 */
import {type ReactNode, createContext, useContext} from 'react';
import {PLAIN_THEME, type ResolvedTheme, type Role, type RoleStyle} from '../core/color.js';

// Without a provider, views draw as they would with NO_COLOR: never wrong, only plainer.
const ThemeContext = createContext<ResolvedTheme>(PLAIN_THEME);

/** Props: the resolved theme for everything inside. */
export type ThemeProviderProps = {
	readonly theme: ResolvedTheme;
	readonly children?: ReactNode;
};

/** Makes `theme` the one every view inside draws with. */
export function ThemeProvider({theme, children}: ThemeProviderProps) {
	return <ThemeContext.Provider value={theme}>{children}</ThemeContext.Provider>;
}

/** The theme of the nearest provider, or the colourless theme when there is none. */
export function useTheme(): ResolvedTheme {
	return useContext(ThemeContext);
}

/** The `<Text>` props for a role: spread them, `<Text {...roleProps(theme, 'heading')}>`. */
export function roleProps(theme: ResolvedTheme, role: Role): RoleStyle {
	return theme.roles[role];
}

/**
 * The colour to paint the whole screen with (`<Box backgroundColor>`, margins included), or
 * undefined when the theme leaves the terminal's own background.
 */
export function screenBackground(theme: ResolvedTheme): string | undefined {
	return theme.background;
}
