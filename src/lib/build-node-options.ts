/**
 * The options Node starts Astro with for `npm run build` (package.json's `build` script, which a
 * unit test keeps equal to this list): the benchmark and the trust tests build the same way.
 *
 * `--max-opt=2`: V8 optimizes hot code with Maglev at most, not TurboFan. TurboFan makes code
 * that runs for a long time the fastest, but it compiles on background threads, and a build runs
 * its code for seconds on cores it already keeps busy (the article threads, the merge, Pagefind).
 * Over 1 000 generated articles, cold builds took 6-18 % less time and 7-20 % less CPU without
 * it (four series of alternated builds), rebuilds 6 % less, and 5 000 articles no longer; the
 * minimal Astro site the benchmark compares with gained nothing (see "How it works" in the
 * README). `astro dev` keeps V8's defaults.
 */
export const BUILD_NODE_OPTIONS: readonly string[] = ['--max-opt=2'];
