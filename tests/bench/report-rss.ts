/**
 * Preloaded (`node --import`) into a process the benchmark measures: writes its peak resident set
 * size, in bytes, to BENCH_RSS_FILE when it exits. Used where /usr/bin/time is missing.
 */
import { writeFileSync } from 'node:fs';

const file = process.env['BENCH_RSS_FILE'];
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS * 1024)));
