/**
 * Imports a module as Node itself loads it, past the module runner of the build. A build runs its
 * configuration and content configuration through Vite's module runner, which transforms every
 * module it runs (source maps included) before running it; Node loads the same TypeScript from its
 * compile cache in a fraction of that time. Where Node cannot load it (a bundled build, or a test
 * runner that runs modules in a context of its own), `fallback` imports it as the caller was.
 * A module loaded both ways runs twice, as two modules: what they share is kept on the global object.
 */
export async function importNatively<T>(url: URL, fallback: () => Promise<T>): Promise<T> {
  if (url.protocol === 'file:') {
    try {
      // A dynamic import the module runner does not rewrite.
      const nodeImport = new Function('url', 'return import(url)') as (url: string) => Promise<T>;
      return await nodeImport(url.href);
    } catch {
      // Imported below instead, which reports the module's own errors.
    }
  }
  return fallback();
}
