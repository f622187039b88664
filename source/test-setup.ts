// Loads what the reader loads on demand, so that every test sees the same layout rules.
import {loadHyphenation} from './core/hyphenate.js';

await loadHyphenation();
