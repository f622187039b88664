// The install figures: the packed tarball's size, the package's runtime dependencies, and how long
// `npx` of that tarball takes, from an empty folder and an empty npm cache, to show the first page.
import {execFileSync} from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Packs the package (already built) into `dir`; returns the tarball's path, its size and the runtime dependencies. */
export function packInto(repoRoot, dir) {
	const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
	// The benchmark has just built dist/: the prepack build would only do it again.
	const output = execFileSync(npm, ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], {cwd: repoRoot, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']});
	const [info] = JSON.parse(output);
	const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
	return {
		tarball: path.join(dir, info.filename),
		bytes: info.size,
		unpackedBytes: info.unpackedSize,
		files: info.entryCount,
		dependencies: Object.keys(manifest.dependencies ?? {}),
	};
}

/** The command line, working folder and environment that run the tarball with npx from an empty folder and cache. */
export function npxCommand(tarball, tempRoot, args) {
	const cwd = fs.mkdtempSync(path.join(tempRoot, 'npx-cwd-'));
	const cache = fs.mkdtempSync(path.join(tempRoot, 'npx-cache-'));
	// A relative path, as a reader who downloaded the tarball would type it.
	const spec = path.relative(cwd, tarball);
	return {
		command: process.platform === 'win32' ? 'npx.cmd' : 'npx',
		args: ['--yes', spec.startsWith('.') ? spec : `./${spec}`, ...args],
		cwd,
		env: {npm_config_cache: cache, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false'},
	};
}
