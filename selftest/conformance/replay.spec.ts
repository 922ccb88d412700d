// Conformance: every recorded Magento exchange, replayed against the emulator of its version,
// must get the recorded answer (and mail). One test per replay sequence, one step per exchange.
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { startEmulator } from '../../emulator/index.js';
import { SequenceReplay } from './replay.js';
import { exclusionOf } from './excluded.js';
import { sequencesOf, type Sequence } from './sequences.js';
import { FOLDERS, loadFolder, type RecordedExchange, type TranscriptFolder } from './transcript.js';

/** The excluded exchanges recorded between an ordered sequence's first and last: their effects may matter. */
function excludedDuring(transcripts: TranscriptFolder, sequence: Sequence): RecordedExchange[] {
  const orders = sequence.exchanges.map((e) => e.order ?? NaN);
  const [first, last] = [Math.min(...orders), Math.max(...orders)];
  return transcripts.exchanges.filter(
    (e) => e.order !== undefined && e.order > first && e.order < last && exclusionOf(transcripts.folder, e.case) !== undefined,
  );
}

const inRecordedOrder = (sequence: Sequence, excluded: RecordedExchange[]): RecordedExchange[] =>
  excluded.length === 0 ? sequence.exchanges : [...sequence.exchanges, ...excluded].sort((a, b) => (a.order ?? 0) - (b.order ?? 0));

/** Eight lower-case letters and digits, like the recorded run ids, unique per replay. */
const newRunId = (): string => randomBytes(8).toString('hex').replace(/^\d/, 'r').slice(0, 8);

for (const { folder, version } of FOLDERS) {
  const transcripts = loadFolder(folder, version);
  for (const sequence of sequencesOf(transcripts)) {
    test(sequence.name, async () => {
      const emulator = await startEmulator({ version, port: 0, mail: { kind: 'capture' } });
      try {
        const replay = new SequenceReplay(sequence, emulator, transcripts.mails, newRunId());
        await test.step('prepare what the recording did off the record', () => replay.prepare());
        for (const exchange of inRecordedOrder(sequence, excludedDuring(transcripts, sequence))) {
          if (exclusionOf(folder, exchange.case) !== undefined) {
            await replay.standIn(exchange);
            continue;
          }
          await test.step(exchange.case, async () => {
            const problems = await replay.replay(exchange);
            const request = `${exchange.request.method} ${exchange.request.path}`;
            expect.soft(problems, `${folder}/${exchange.case} (${request})\n${problems.join('\n')}`).toEqual([]);
          });
        }
        for (const mail of replay.offRecordMails()) {
          await test.step(`${mail.case} (mail)`, () => {
            const problems = replay.offRecordMailMismatches(mail);
            expect.soft(problems, `${folder}/${mail.case}.eml\n${problems.join('\n')}`).toEqual([]);
          });
        }
      } finally {
        await emulator.close();
      }
    });
  }
}
