// Regenerates the coverage table of README.md: recorded cases per route, replayed, asserted.
import { writeFileSync } from 'node:fs';
import { README, coverageTable, readmeWith } from '../selftest/contract/coverage.js';
import { loadRecordings } from '../selftest/contract/recordings.js';
import { assertionsOf, listTranscriptAnnotations } from '../selftest/contract/suite-assertions.js';

const recordings = loadRecordings();
const { testsByCase, dangling } = assertionsOf(recordings, listTranscriptAnnotations());
if (dangling.length > 0) console.warn(`annotations naming no recorded case:\n  ${dangling.join('\n  ')}`);
writeFileSync(README, readmeWith(coverageTable(recordings, testsByCase)));
console.log(`coverage table written to ${README}`);
