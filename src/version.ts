// Replaced at build time by esbuild's `define` with package.json's version; tests read package.json.
declare const __PM_VERSION__: string | undefined;
export const VERSION: string = typeof __PM_VERSION__ === 'string' ? __PM_VERSION__ : '0.0.0-dev';
