import type {Plugin} from 'esbuild';

/** The esbuild plugin that patches Ink's, Yoga's and ansi-tokenize's code at build time (see build-patches.mjs). */
export declare const dependencyPatches: Plugin;
