import { VFile } from 'vfile';
import { reporter } from 'vfile-reporter';
import { ContentError } from '../pipeline/content-error.ts';
import { processArticle } from '../pipeline/process-article.ts';
import { readContent, SKIPPED_MESSAGE } from '../pipeline/read-content.ts';

const USAGE = `usage: npm run check:content -- [<content-dir>]

Validates a content folder (default ./content) and lists what a person should review:
dates that cannot be resolved, empty articles. Exits 1 when the content cannot be built.`;

function main(argv: string[]): number {
  if (argv.includes('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const dir = argv.find((arg) => !arg.startsWith('--')) ?? 'content';
  let files: VFile[];
  try {
    const content = readContent(dir);
    files = content.articles.map((article) => {
      const file = new VFile({ path: article.file });
      for (const message of processArticle(article).messages) {
        file.message(message.reason, {
          ...(message.line ? { place: { line: message.line, column: message.column ?? 1 } } : {}),
          ruleId: message.ruleId,
          source: 'parallax',
        });
      }
      return file;
    });
    for (const path of content.skipped) {
      const file = new VFile({ path });
      file.message(SKIPPED_MESSAGE, { ruleId: 'hidden-file', source: 'parallax' });
      files.push(file);
    }
  } catch (error) {
    if (error instanceof ContentError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  process.stderr.write(`${reporter(files, { quiet: false })}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
