import { ContentError } from '../pipeline/content-error.ts';
import { toIncidentJson } from '../pipeline/build-incident.ts';
import { loadIncident } from '../pipeline/load-incident.ts';
import { formatPartialDate } from '../pipeline/partial-date.ts';

const USAGE = `usage: npm run --silent timeline -- <content-dir> [--json]

Reads <content-dir>/incident.yaml and <content-dir>/articles/*.md and prints the incident:
a readable timeline by default, or the incident JSON with --json.`;

function main(argv: string[]): number {
  const args = argv.filter((arg) => !arg.startsWith('--'));
  const flags = new Set(argv.filter((arg) => arg.startsWith('--')));
  const unknown = [...flags].filter((flag) => !['--json', '--help'].includes(flag));
  if (flags.has('--help')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.length !== 1 || unknown.length) {
    process.stderr.write(`${unknown.length ? `unknown option ${unknown.join(', ')}\n` : ''}${USAGE}\n`);
    return 2;
  }
  let loaded;
  try {
    loaded = loadIncident(args[0] ?? '');
  } catch (error) {
    if (error instanceof ContentError) {
      process.stderr.write(`${error.message}\n`);
      return 1;
    }
    throw error;
  }
  const { incident } = loaded;
  if (flags.has('--json')) {
    process.stdout.write(toIncidentJson(incident));
    return 0;
  }
  const outlets = new Map(incident.sources.map((source) => [source.id, source.outlet]));
  const lines = [`${incident.incident.title}`, `${incident.sources.length} sources, ${incident.events.length} timeline entries`, ''];
  for (const event of incident.events) {
    const who = [...new Set(event.mentions.map((mention) => outlets.get(mention.source) ?? mention.source))].join(', ');
    lines.push(`${formatPartialDate({ value: event.date, precision: event.precision, approximate: event.approximate })}: ${event.summary} [${who}]`);
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
