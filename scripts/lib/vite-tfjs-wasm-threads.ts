/**
 * A Vite plugin that keeps tfjs's threaded WASM backend working after minification.
 *
 * tfjs starts its WASM threads by sending `factory.toString()` to each worker as a Blob. The
 * Emscripten factory reads `_scriptDir`, a variable of its enclosing closure, guarded by
 * `typeof _scriptDir !== "undefined"`. A minifier sees that the variable is declared, renames it
 * and drops the guard (`e !== void 0 && e`), so inside the worker, where the closure is gone,
 * the factory throws "e is not defined". Declaring `_scriptDir` on globalThis instead makes it a
 * free variable that no minifier renames, and the guard keeps working in the worker.
 */
import type { Plugin } from 'vite';

const MODULE = /tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;
const DECLARATION = 'var _scriptDir = ';

/** Rewrites the closure variable into a global one; throws if the file no longer looks as expected. */
export function globaliseScriptDir(code: string): string {
  const at = code.indexOf(DECLARATION);
  if (at < 0 || code.indexOf(DECLARATION, at + 1) >= 0)
    throw new Error('tfjs-backend-wasm changed: expected one "var _scriptDir = " in its threaded factory');
  return code.slice(0, at) + 'globalThis._scriptDir = ' + code.slice(at + DECLARATION.length);
}

/** The plugin: add it to `vite.plugins`. */
export function tfjsWasmThreads(): Plugin {
  return {
    name: 'kit:tfjs-wasm-threads',
    enforce: 'pre',
    transform(code, id) {
      return MODULE.test(id) ? { code: globaliseScriptDir(code), map: null } : null;
    },
  };
}
