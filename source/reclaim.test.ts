import {expect, test} from 'vitest';
import {reclaimMemory} from './reclaim.js';

// A weak reference keeps its target alive until the current job ends, so it is made in one job and checked in the next.
async function weakGarbage(): Promise<WeakRef<object>> {
	const ref = new WeakRef({payload: new Uint8Array(1024)});
	await new Promise((resolve) => setImmediate(resolve));
	return ref;
}

test('collects an unreachable object without node being started with --expose-gc', async () => {
	const ref = await weakGarbage();
	reclaimMemory();
	expect(ref.deref()).toBeUndefined();
});

test('can run more than once', async () => {
	reclaimMemory();
	const ref = await weakGarbage();
	reclaimMemory();
	expect(ref.deref()).toBeUndefined();
});
