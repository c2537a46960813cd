import { calendarDay, dayNumber, monthName } from './calendar.ts';
import { datePhrase } from './date-phrase.ts';
import { capitalize, fill } from './fill.ts';
import { ADVICE, CLAIMS, FILLER, HAPPENINGS, HEADINGS, NAMES, QUOTATIONS, VOICES, type Happening, type Quotation } from './incident.ts';
import type { Outlet } from './outlets.ts';
import type { Random } from './random.ts';

/** When an article appeared: the day and time its writer knew, and how much of it the page states. */
export interface Publication {
  day: number;
  hour: number;
  minute: number;
  form: 'time' | 'day' | 'month' | 'bounded' | 'unknown';
}

export interface ComposedArticle {
  fileName: string;
  markdown: string;
}

const FIRST_DAY = dayNumber('2024-05-07');
const LAST_DAY = dayNumber('2024-09-30');
const NEWS = HAPPENINGS.filter((happening) => happening.news);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60).replace(/-+$/, '');
}

/** Most coverage comes in the first days and right after each new development. */
export function samplePublication(random: Random): Publication {
  const day = random.chance(0.5)
    ? FIRST_DAY + Math.floor((LAST_DAY - FIRST_DAY) * Math.pow(random.next(), 3))
    : Math.min(LAST_DAY, dayNumber(random.pick(NEWS).day) + random.int(0, 3));
  const roll = random.next();
  const form = roll < 0.8 ? 'time' : roll < 0.92 ? 'day' : roll < 0.95 ? 'month' : roll < 0.98 ? 'bounded' : 'unknown';
  return { day: Math.max(FIRST_DAY, day), hour: random.int(6, 21), minute: random.int(0, 59), form };
}

function known(happening: { day: string; hour: number }, day: number, hour: number): boolean {
  const at = dayNumber(happening.day);
  return at < day || (at === day && happening.hour < hour);
}

function timeValue(day: number, hour: number, minute: number, offset: string | null): string {
  return `${calendarDay(day).iso}T${pad(hour)}:${pad(minute)}${offset ?? ''}`;
}

function publishedValue(publication: Publication, outlet: Outlet): string {
  const iso = calendarDay(publication.day).iso;
  switch (publication.form) {
    case 'time':
      return timeValue(publication.day, publication.hour, publication.minute, outlet.offset);
    case 'day':
      return iso;
    case 'month':
      return iso.slice(0, 7);
    case 'bounded':
      return `{ after: ${calendarDay(publication.day - 1).iso}, before: ${calendarDay(publication.day + 2).iso} }`;
    case 'unknown':
      return 'unknown';
  }
}

/** The state of one article while it is written: what it has said already, and its house style. */
class Writer {
  readonly random: Random;
  readonly outlet: Outlet;
  /** The day its relative dates count from. */
  reference: number;
  readonly usedReports = new Set<string>();
  readonly usedQuotes = new Set<string>();
  readonly usedClaims = new Set<string>();

  constructor(random: Random, outlet: Outlet, reference: number) {
    this.random = random;
    this.outlet = outlet;
    this.reference = reference;
  }

  report(happening: Happening): string {
    const fresh = happening.reports.filter((template) => !this.usedReports.has(template));
    const template = this.random.pick(fresh.length ? fresh : happening.reports);
    this.usedReports.add(template);
    const date = datePhrase({ day: dayNumber(happening.day), precision: happening.precision }, this.reference, this.outlet, this.random);
    return fill(template, { random: this.random, date });
  }

  detail(happening: Happening): string | undefined {
    return happening.details.length ? fill(this.random.pick(happening.details), { random: this.random }) : undefined;
  }

  quote(quotation: Quotation): string {
    this.usedQuotes.add(quotation.id);
    const { random } = this;
    const [open, close] = this.outlet.curly ? ['“', '”'] : ['"', '"'];
    const text = fill(quotation.text, { random });
    const comma = `${text.replace(/[.!]$/, '')},`;
    const [full, short] = quotation.speaker;
    const role = fill(quotation.role, { random });
    const split = text.indexOf(', ');
    const forms = [
      () => `${open}${comma}${close} ${short} said.`,
      () => `${open}${comma}${close} said ${full}, ${role}.`,
      () => `${full}, ${role}, said: ${open}${text}${close}`,
      () => `${open}${comma}${close} ${short} told ${random.pick(NAMES.news)}.`,
      () => `${open}${comma}${close} ${full} said ${datePhrase({ day: dayNumber(quotation.day), precision: 'day' }, this.reference, this.outlet, random)}.`,
      () => `In a statement, ${full} said: ${open}${text}${close}`,
    ];
    if (split > 20 && split < text.length - 20) {
      forms.push(() => `${open}${text.slice(0, split)},${close} ${short} said. ${open}${capitalize(text.slice(split + 2))}${close}`);
    }
    return random.pick(forms)();
  }

  voice(): string {
    const [open, close] = this.outlet.curly ? ['“', '”'] : ['"', '"'];
    return fill(`${open}${this.random.pick(VOICES)},${close} said {first} {last}, {n:19-84}, who lives {w:2-9} streets from the plant.`, { random: this.random });
  }

  claim(day: number, hour: number): string | undefined {
    const open = CLAIMS.filter((claim) => !this.usedClaims.has(claim.text) && known(happeningById(claim.after ?? 'leak'), day, hour));
    if (!open.length) return undefined;
    const claim = this.random.pick(open);
    this.usedClaims.add(claim.text);
    return fill(claim.text, { random: this.random });
  }

  filler(): string {
    return fill(this.random.pick(FILLER), { random: this.random });
  }
}

function happeningById(id: string): Happening {
  const happening = HAPPENINGS.find((candidate) => candidate.id === id);
  if (!happening) throw new Error(`no happening ${id}`);
  return happening;
}

function paragraph(sentences: ReadonlyArray<string | undefined>): string {
  return sentences.filter((sentence): sentence is string => Boolean(sentence)).join(' ');
}

function updateLabel(day: number, hour: number, minute: number, dayFirst: boolean): string {
  const c = calendarDay(day);
  if (dayFirst) return `Updated ${c.day} ${monthName(c.month)} ${c.year} at ${pad(hour)}:${pad(minute)}:`;
  const h12 = hour % 12 === 0 ? 12 : hour % 12;
  return `Update, ${monthName(c.month)} ${c.day}, ${c.year} (${h12}:${pad(minute)}${hour < 12 ? 'AM' : 'PM'}):`;
}

/**
 * One article of outlet `outlet`, published per `publication`: it leads with the latest
 * development it can know of, recalls some earlier ones with date expressions relative to its own
 * date, reprints quotations, takes positions on the topics and adds colour, all in Markdown.
 */
export function composeArticle(index: number, outlet: Outlet, publication: Publication, random: Random): ComposedArticle {
  const { day, hour } = publication;
  const writer = new Writer(random, outlet, day);
  const knownNews = NEWS.filter((happening) => known(happening, day, hour));
  const main = random.chance(0.7) ? (knownNews.at(-1) ?? happeningById('leak')) : random.pick(knownNews.slice(-3));
  const background = random
    .sample(
      HAPPENINGS.filter((happening) => happening !== main && known(happening, day, hour)),
      random.int(2, 5),
    )
    .sort((a, b) => a.day.localeCompare(b.day));
  const quotations = QUOTATIONS.filter((quotation) => dayNumber(quotation.day) < day || (quotation.day === calendarDay(day).iso && hour > 17));

  const blocks: string[] = [];
  blocks.push(paragraph([writer.report(main), random.chance(0.6) ? writer.detail(main) : undefined]));
  const mainQuote = quotations.find((quotation) => quotation.day === main.day);
  if (mainQuote && random.chance(0.7)) blocks.push(paragraph([writer.quote(mainQuote), random.chance(0.4) ? writer.claim(day, hour) : undefined]));

  if (random.chance(outlet.headings)) blocks.push(`## ${random.pick(HEADINGS)}`);
  for (let i = 0; i < background.length; i += 2) {
    const pair = background.slice(i, i + 2);
    blocks.push(paragraph(pair.flatMap((happening) => [writer.report(happening), random.chance(0.3) ? writer.detail(happening) : undefined])));
  }

  const middle: string[] = [];
  for (let i = random.int(2, 3); i > 0; i--) middle.push(paragraph([writer.claim(day, hour), random.chance(0.6) ? writer.claim(day, hour) : undefined, random.chance(0.4) ? writer.filler() : undefined]));
  for (const quotation of random.sample(quotations.filter((q) => !writer.usedQuotes.has(q.id)), random.int(0, 2))) middle.push(writer.quote(quotation));
  for (let i = random.int(0, 2); i > 0; i--) middle.push(writer.voice());
  for (let i = random.int(2, 4); i > 0; i--) middle.push(paragraph([writer.filler(), writer.filler(), random.chance(0.5) ? writer.filler() : undefined]));
  if (random.chance(0.2)) {
    const statement = quotations.find((quotation) => quotation.id === 'apology');
    if (statement) middle.push(`In a statement, the company said:\n\n> ${fill(statement.text, { random })}`);
  }
  if (random.chance(0.15)) middle.push(`What residents should know:\n\n${random.sample(ADVICE, random.int(3, 5)).map((item) => `- ${item}`).join('\n')}`);
  if (random.chance(0.2)) middle.push(`Read [the agency’s statement](https://cepa.example/news/${calendarDay(day).iso}) and [earlier coverage](https://www.${outlet.domain}/tag/port-calder/).`);
  if (random.chance(outlet.headings / 2)) middle.splice(random.int(0, middle.length), 0, `## ${random.pick(HEADINGS)}`);
  blocks.push(...random.shuffle(middle).filter((block) => block !== ''));
  if (random.chance(0.3)) blocks.push(`${outlet.name} has contacted ${random.pick(NAMES.co)} for comment.`);

  const frontmatter: string[] = [];
  const title = fill(random.pick(main.headlines), { random });
  let updated = false;
  if (random.chance(0.12) && (publication.form === 'time' || publication.form === 'day')) {
    const later = hour + random.int(2, 9);
    const updateDay = later > 23 ? day + 1 : day;
    const updateHour = later % 24;
    const minute = random.int(0, 59);
    const at = publication.form === 'time' ? timeValue(updateDay, updateHour, minute, outlet.offset) : calendarDay(updateDay).iso;
    writer.reference = updateDay;
    const fresh = NEWS.filter((happening) => !known(happening, day, hour) && known(happening, updateDay, updateHour));
    const content = paragraph([
      fresh[0] ? writer.report(fresh[0]) : writer.claim(updateDay, updateHour),
      writer.claim(updateDay, updateHour),
    ]);
    const block = `:::update[${updateLabel(updateDay, updateHour, minute, outlet.dayFirst)}]{at=${at}}\n${content || writer.filler()}\n:::`;
    if (random.chance(0.6)) {
      if (random.chance(0.3)) {
        const label = `Original article, ${updateLabel(day, hour, publication.minute, outlet.dayFirst).replace(/^Update(d)?,? /, '')}`;
        blocks.splice(0, blocks.length, block, `:::original[${label}]\n${blocks.join('\n\n')}\n:::`);
      } else blocks.unshift(block);
    } else blocks.push(block);
    frontmatter.push('updated:', `  - at: ${at}`, `    note: ${fresh[0] ? 'new development added' : 'further details added'}`);
    updated = true;
  }

  const head = [
    '---',
    `title: ${JSON.stringify(updated && random.chance(0.5) ? `[Updated] ${title}` : title)}`,
    `outlet: ${JSON.stringify(outlet.name)}`,
    `url: https://www.${outlet.domain}/${calendarDay(day).iso.replace(/-/g, '/')}/${slug(title)}-${index}/`,
    `published: ${publishedValue(publication, outlet)}`,
    ...frontmatter,
    ...(random.chance(0.7) ? [`author: ${JSON.stringify(random.pick(outlet.authors))}`] : []),
    '---',
  ];
  return { fileName: `${outlet.id}-${String(index).padStart(5, '0')}.md`, markdown: `${head.join('\n')}\n\n${blocks.join('\n\n')}\n` };
}
