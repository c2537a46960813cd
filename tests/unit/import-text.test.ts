import { describe, expect, test } from 'vitest';
import { cleanBlocks } from '../../src/pipeline/import/clean-blocks.ts';
import { ImportError } from '../../src/pipeline/import/import-error.ts';
import { importText } from '../../src/pipeline/import/import-text.ts';
import { splitTextBlocks } from '../../src/pipeline/import/split-text-blocks.ts';

/** Invented saved pages: the clutter signals must hold for pages the importer was never tuned on. */

const page = (...lines: string[]) => lines.join('\n');

const FERRY = page(
  'Skip to main content',
  'Home',
  'World',
  'Business',
  '',
  'Ferry operator suspends crossings after engine fire',
  '',
  'By Jane Roe | May 10, 2024',
  '',
  'Photo: Harbour authority',
  '',
  'A fire broke out in the engine room of the Northern Star ferry on Wednesday evening, forcing the crew to return to port with 312 passengers on board.',
  '',
  'Nobody was injured. The fire was put out by the crew within twenty minutes, the operator said.',
  '',
  'He declined to comment.',
  '',
  'Also read: Ferry fares to rise by 8% in June',
  '',
  'Passengers were offered two options:',
  '• a full refund',
  '• a seat on the next crossing',
  '',
  'Investigation under way',
  '',
  'The maritime accident board has opened an investigation. It expects to publish a first report within a month.',
  '',
  'Share this article',
  'Facebook',
  'Twitter',
  '',
  'Most Read',
  'Council approves new harbour wall',
  'Storm warning for the weekend',
  '',
  '© 2024 Harbour Times. All rights reserved.',
);

function reasons(text: string): Map<string, string> {
  const { removals } = importText(text);
  return new Map(removals.map((removal) => [removal.text, removal.reason]));
}

describe('importText', () => {
  test('keeps every sentence of the article exactly as printed', () => {
    const { body } = importText(FERRY);
    expect(body).toBe(
      [
        'A fire broke out in the engine room of the Northern Star ferry on Wednesday evening, forcing the crew to return to port with 312 passengers on board.',
        'Nobody was injured. The fire was put out by the crew within twenty minutes, the operator said.',
        'He declined to comment.',
        'Passengers were offered two options:',
        '- a full refund\n- a seat on the next crossing',
        '## Investigation under way',
        'The maritime accident board has opened an investigation. It expects to publish a first report within a month.',
      ].join('\n\n') + '\n',
    );
  });

  test('reads the headline and the byline into the metadata', () => {
    expect(importText(FERRY).metadata).toEqual({
      title: 'Ferry operator suspends crossings after engine fire',
      published: { value: '2024-05-10', from: 'line 8: “By Jane Roe | May 10, 2024”' },
      updated: [],
      author: 'Jane Roe',
    });
  });

  test('reports each removed block with the signal that removed it', () => {
    const found = reasons(FERRY);
    expect(found.get('World')).toBe('before the headline (page header and menus)');
    expect(found.get('Photo: Harbour authority')).toBe('image caption or credit');
    expect(found.get('Also read: Ferry fares to rise by 8% in June')).toBe('promotion of another story');
    expect(found.get('Share this article')).toBe('share buttons');
    expect(found.get('Most Read')).toBe('other stories after the article (“Most Read” and everything after it)');
    expect(found.get('Storm warning for the weekend')).toMatch(/^other stories after the article \(after “Most Read”/);
  });

  test('removes short lines printed more than once, but keeps one copy of a repeated paragraph', () => {
    const text = page(
      'Bridge reopens after repairs',
      '',
      'The Elm Street bridge reopened to traffic on Monday after six weeks of repairs, the council said.',
      '',
      'Bridge works in pictures',
      '',
      'Work on the bridge cost £2m and was finished a week early. Cyclists will get a new lane in June.',
      '',
      'Bridge works in pictures',
      '',
      'Work on the bridge cost £2m and was finished a week early. Cyclists will get a new lane in June.',
    );
    const { body, removals } = importText(text);
    expect(body.match(/Work on the bridge/g)).toHaveLength(1);
    expect(removals.map((removal) => removal.reason)).toEqual([
      'headline (read into the metadata)',
      'short line printed 2 times on the page (teaser, label or caption)',
      'short line printed 2 times on the page (teaser, label or caption)',
      'repeats the paragraph of line 7',
    ]);
  });

  test('removes blocks in another script or language than the article', () => {
    const text = page(
      'Storm closes mountain pass',
      '',
      'Snow and high winds closed the Kestrel Pass on Tuesday morning, and the police advised drivers to avoid the area until Thursday.',
      '',
      'हिंदी समाचार पढ़ें',
      '',
      'Le col a été fermé par la police et la neige est attendue pour toute la semaine.',
      '',
      'Road crews worked through the night to clear the road, and the pass is expected to reopen on Friday.',
    );
    const found = reasons(text);
    expect(found.get('हिंदी समाचार पढ़ें')).toBe('written in Devanagari script, the article in Latin');
    const french = [...found].find(([removed]) => removed.startsWith('Le col a été fermé'));
    expect(french?.[1]).toBe('in another language (fr) than the article (en)');
  });

  test('ends the article at a comment section, even one without a heading', () => {
    const text = page(
      'Library to open on Sundays',
      '',
      'The central library will open on Sundays from next month, the city council announced on Friday.',
      '',
      'The change follows a petition signed by more than 4,000 residents last year.',
      '',
      'bookworm77',
      '3 hours ago',
      'Finally! I have been asking for this for years.',
      '',
      'Ann P.',
      '12 Mar 2024',
      'Who will pay for the extra staff? The article does not say.',
    );
    const { body, removals } = importText(text);
    expect(body).not.toContain('Finally');
    expect(body).not.toContain('Who will pay');
    expect(removals.find((removal) => removal.text === 'bookworm77')?.reason).toBe('reader comments (“bookworm77” and everything after it)');
  });

  test('wraps update markers in revision blocks, taking a missing year from the publication', () => {
    const text = page(
      'Port strike called off',
      '',
      'Published: 14 June 2023',
      '',
      'Update June 15: Union leaders accepted the new offer late on Thursday, ending the dispute.',
      '',
      'The original story follows:',
      '',
      'Dock workers at the port of Saltmere will strike for three days from Monday, their union said.',
    );
    const { body, metadata } = importText(text);
    expect(metadata.published?.value).toBe('2023-06-14');
    expect(metadata.updated.map((update) => update.value)).toEqual(['2023-06-15']);
    expect(body).toBe(
      ':::update[Update June 15:]{at=2023-06-15}\nUnion leaders accepted the new offer late on Thursday, ending the dispute.\n:::\n\n' +
        'The original story follows:\n\nDock workers at the port of Saltmere will strike for three days from Monday, their union said.\n',
    );
  });

  test('runs an update printed at the end of an article to its end', () => {
    const text = page(
      'Port strike called off',
      '',
      'Dock workers at the port of Saltmere will strike for three days from Monday, their union said on Friday.',
      '',
      'The union wants a pay rise of 9% for its 800 members at the port.',
      '',
      'Update, June 15, 2023 (6:10PM): Union leaders accepted the new offer late on Thursday.',
      '',
      'The strike will not go ahead, the port said.',
    );
    const { body, warnings } = importText(text);
    expect(body).toContain(':::update[Update, June 15, 2023 (6:10PM):]{at=2023-06-15T18:10}\nUnion leaders accepted the new offer late on Thursday.\n\nThe strike will not go ahead, the port said.\n:::');
    expect(warnings).toEqual([]);
  });

  test('keeps an update marker that states no date as text, with a warning', () => {
    const text = page('Port strike called off', '', 'Dock workers at the port of Saltmere will strike for three days from Monday, their union said.', '', 'Update: The strike has been called off.');
    const { body, warnings } = importText(text);
    expect(body).toContain('Update: The strike has been called off.');
    expect(warnings[0]).toMatch(/“Update:” states no date/);
  });

  test('turns short lines that lead into a paragraph into headings, and drops those that lead nowhere', () => {
    const text = page(
      'Council passes budget',
      'The city council passed its budget for next year on Tuesday by 31 votes to 20.',
      'What changes for residents',
      'Council tax will rise by 4.9%, and bin collections move to every other week from April.',
      'Related coverage',
    );
    const { body } = importText(text);
    expect(body).toBe(
      'The city council passed its budget for next year on Tuesday by 31 votes to 20.\n\n## What changes for residents\n\nCouncil tax will rise by 4.9%, and bin collections move to every other week from April.\n',
    );
  });

  test('keeps a short quoted paragraph, and a heading whose image credit follows on the next line', () => {
    const text = page(
      'Wind farm approved despite objections from fishermen',
      'Sam Okafor, 3 April 2024',
      'Updated: 4 April 2024 09:15',
      'The government approved a 40-turbine wind farm off the Saltmere coast on Wednesday, overruling objections from fishermen.',
      '“No.”',
      'That was the answer the fishermen’s leader gave when asked if he would accept the decision.',
      'What the scheme includes',
      'Image: Saltmere Wind Ltd',
      'The turbines will stand 12 kilometres from the shore and power about 300,000 homes, the developer said.',
    );
    const { body, metadata } = importText(text);
    expect(body).toContain('\n\n“No.”\n\n');
    expect(body).toContain('## What the scheme includes\n\nThe turbines');
    expect(metadata).toMatchObject({ author: 'Sam Okafor', published: { value: '2024-04-03' }, updated: [{ value: '2024-04-04T09:15' }] });
  });

  test('escapes only what Markdown would read as syntax, so the text renders as printed', () => {
    const text = page('Index falls', '', '1. The index fell by 3% on Monday, its biggest fall since March, traders said.', '', 'Analysts blamed *weak* data from [the] US and <b>China</b>.');
    const { body } = importText(text);
    expect(body).toContain('1\\. The index fell');
    expect(body).toContain('\\*weak\\*');
  });

  test('takes a reading-time label, an advertiser\'s copy, a standards notice and a "Read more" box for clutter', () => {
    const text = page(
      'Skip to main content',
      'Harbour Wire',
      'World',
      '',
      'Ferry operator suspends crossings after engine fire',
      '',
      'By Jane Roe, Harbour Wire',
      'May 10, 2024 at 09:15 GMT',
      '4 min read',
      '',
      'A fire broke out in the engine room of the Northern Star ferry on Wednesday evening, the operator said.',
      '',
      'ADVERTISEMENT - Seaview Hotels: book two nights, get the third free. Call us today.',
      '',
      'Nobody was injured, and the ferry returned to port under its own power.',
      '',
      'Our Standards: The Harbour Trust Principles.',
      '',
      'Read more',
      'Port strike called off after late-night talks',
      'May 9, 2024',
      'Who inspects the country’s ferries?',
      'May 8, 2024',
    );
    const { metadata, body } = importText(text);
    expect(metadata.title).toBe('Ferry operator suspends crossings after engine fire');
    expect(metadata.published?.value).toBe('2024-05-10T09:15+00:00');
    expect(body).toBe(
      'A fire broke out in the engine room of the Northern Star ferry on Wednesday evening, the operator said.\n\nNobody was injured, and the ferry returned to port under its own power.\n',
    );
    const found = reasons(text);
    expect(found.get('4 min read')).toBe('reading time');
    expect([...found].find(([removed]) => removed.startsWith('ADVERTISEMENT - Seaview Hotels'))?.[1]).toBe('advertisement');
    expect(found.get('Our Standards: The Harbour Trust Principles.')).toBe('editorial standards notice');
    expect(found.get('Who inspects the country’s ferries?')).toMatch(/^other stories after the article \(after “Read more”/);
  });

  test('finds the headline below a paywall notice, and keeps the standfirst under it as the first paragraph', () => {
    const text = page(
      'Trade Weekly',
      'News',
      'Log in',
      '',
      'You have 2 free articles remaining this month. Register now for unlimited access.',
      '',
      'PORTS',
      '',
      'Crane collapse: 2019 survey flagged corroded bolts',
      '',
      'Corroded anchor bolts, not the gale alone, are the likely cause of the crane collapse at Kestrel Dock last week, engineers say',
      '',
      'By Sam Lee | 10 Mar 2025 11:05',
      '',
      'The crane’s rear legs lifted off their rails at about 21:40 on 2 March, investigators said.',
    );
    const { metadata, body } = importText(text);
    expect(metadata).toMatchObject({ title: 'Crane collapse: 2019 survey flagged corroded bolts', author: 'Sam Lee', published: { value: '2025-03-10T11:05' } });
    expect(body.split('\n\n')[0]).toBe('Corroded anchor bolts, not the gale alone, are the likely cause of the crane collapse at Kestrel Dock last week, engineers say');
    expect([...reasons(text)].find(([removed]) => removed.startsWith('You have 2 free articles'))?.[1]).toBe('paywall notice');
  });

  const GAZETTE = (commentDate: string | undefined) =>
    page(
      'The Valley Gazette',
      'NEWS',
      'Residents return home as questions grow',
      'By Kirsty Moss',
      'Local Democracy Reporter',
      '06/03/2025',
      'Hundreds of families were heading home this afternoon after the evacuation order was lifted at midday.',
      'Support the Gazette - we are reader-funded. Buy me a coffee',
      'The council said the remaining 60 properties would stay closed.',
      ...(commentDate ? ['Comments (3)', 'FennickBorn', commentDate, 'Two phone calls and nobody came out.'] : []),
    );

  test('takes the writer\'s role under a byline, and a numeric date line, for metadata rather than the headline', () => {
    const { metadata, body, removals, warnings } = importText(GAZETTE('6 March 2025, 15:12'));
    expect(metadata).toMatchObject({ title: 'Residents return home as questions grow', author: 'Kirsty Moss' });
    expect(removals.find((removal) => removal.text === 'Local Democracy Reporter')?.reason).toBe('byline (the writer’s role)');
    expect(removals.find((removal) => removal.text.startsWith('Support the Gazette'))?.reason).toBe('donation prompt');
    expect(body).toBe(
      'Hundreds of families were heading home this afternoon after the evacuation order was lifted at midday.\n\nThe council said the remaining 60 properties would stay closed.\n',
    );
    // Day or month first: the page's other dates tell, and the reading is reported to be checked.
    expect(metadata.published?.value).toBe('2025-03-06');
    expect(warnings).toContain('published: line 6: “06/03/2025” is read as 2025-03-06, day first, as the page writes “6 March 2025”; check it');
  });

  test('reads a numeric date month first on a page that writes its dates month first, and not at all on a page that does not tell', () => {
    expect(importText(GAZETTE('March 6, 2025, 15:12')).metadata.published?.value).toBe('2025-06-03');
    const unknown = importText(GAZETTE(undefined));
    expect(unknown.metadata.published).toBeUndefined();
    expect(unknown.warnings).toContain('published: line 6: “06/03/2025” may be 2025-03-06 or 2025-06-03, and no other date of the page shows which comes first; set --published');
  });

  test('reads a byline printed without "By" above the date, past a long cookie notice, share row and captioned photo', () => {
    const text = page(
      'The Harbour Post',
      'News',
      'Sport',
      '',
      'Your privacy matters to us. We and our partners use cookies to show you relevant content and measure how our site is used. Manage preferences or accept all.',
      '',
      'HARBOUR',
      '',
      'Ferry hit a pier in the fog, inquiry finds',
      '',
      'Tamsin Rourke',
      'Transport Reporter',
      '',
      '14 May 2024 | 9:05 AM AEST',
      '',
      'Listen to this article · 3 min',
      '',
      'Share · Email · Print',
      '',
      'The ferry Kestrel at its berth on Tuesday, a week after the collision. Picture: Owen Hale',
      '',
      'The ferry that struck the north pier on 2 May had lost its radar minutes before, the inquiry found.',
      '',
      'The operator said it had replaced the unit.',
    );
    const { metadata, body, removals } = importText(text);
    expect(metadata).toMatchObject({ title: 'Ferry hit a pier in the fog, inquiry finds', author: 'Tamsin Rourke', published: { value: '2024-05-14T09:05+10:00' } });
    expect(body).toBe('The ferry that struck the north pier on 2 May had lost its radar minutes before, the inquiry found.\n\nThe operator said it had replaced the unit.\n');
    const reasonOf = (start: string) => removals.find((removal) => removal.text.startsWith(start))?.reason;
    expect(reasonOf('Your privacy matters')).toBe('cookie notice');
    expect(reasonOf('Listen to this article')).toBe('reading time');
    expect(reasonOf('Share · Email')).toBe('share buttons');
    expect(reasonOf('The ferry Kestrel at its berth')).toBe('image caption or credit');
  });

  test('reads a page with a long cookie banner, a "Words:" byline, a day-first date line and a short standfirst, and leaves out its prompts', () => {
    const text = page(
      'The Valley Ledger',
      'We value your privacy',
      'We and our partners use cookies and similar technologies to personalise content and ads, to provide social media features and to analyse our traffic. You can change your choices at any time by selecting "Cookie settings" at the bottom of any page.',
      'ACCEPT ALL     MANAGE PREFERENCES     REJECT NON-ESSENTIAL',
      'Ferry operator was warned about its radar a year ago, papers show',
      'Internal emails show a repair to the ferry radar was put off twice',
      'Words: Tamsin Rourke and Owen Hale',
      '03/04/2024 | 06:00',
      'The ferry Kestrel at its berth on Tuesday. (Coast Wire Photo/Owen Hale)',
      'Engineers warned a year ago that the radar of the ferry needed replacing, according to papers seen by the Ledger.',
      'Get the Morning Briefing - the top stories of the valley in your inbox by 7am, every weekday.',
      'Enter your email address SIGN UP',
      'By signing up you agree to our privacy notice. You can unsubscribe at any time.',
      'The operator said the repair had been planned for 28 March 2024.',
      'Do you have information about this story? Contact our team securely at tips@ledger.example',
      'Support independent journalism. Subscribe to the Ledger from £1 a week.',
      'SUBSCRIBE to the Ledger for unlimited access to our digital archive.',
    );
    const { metadata, body, removals } = importText(text);
    expect(metadata).toMatchObject({ title: 'Ferry operator was warned about its radar a year ago, papers show', author: 'Tamsin Rourke and Owen Hale' });
    // Day first, as "28 March 2024" shows: 3 April.
    expect(metadata.published?.value).toBe('2024-04-03T06:00');
    expect(body).toBe(
      'Internal emails show a repair to the ferry radar was put off twice\n\nEngineers warned a year ago that the radar of the ferry needed replacing, according to papers seen by the Ledger.\n\nThe operator said the repair had been planned for 28 March 2024.\n',
    );
    const reasonOf = (start: string) => removals.find((removal) => removal.text.startsWith(start))?.reason;
    for (const start of ['We value your privacy', 'We and our partners', 'ACCEPT ALL']) expect(reasonOf(start)).toBe('cookie notice');
    for (const start of ['Get the Morning Briefing', 'Enter your email', 'By signing up', 'Support independent', 'SUBSCRIBE to the Ledger']) expect(reasonOf(start)).toBe('subscription prompt');
    expect(reasonOf('Do you have information')).toBe('call for tips');
    expect(reasonOf('The ferry Kestrel at its berth')).toBe('image caption or credit');
  });

  test('dates a lone "Update:" paragraph by the revision the publication line states, and writes a byline in capitals as a name', () => {
    const text = page(
      'Ferry radar to be replaced, operator says',
      'By TAMSIN ROURKE',
      'Published 16 May 2024, 19:30 BST | Updated 17 May 2024, 11:05 BST',
      'The operator of the ferry Kestrel said on Thursday that it would replace the radar.',
      'It has not said when the inquiry will report.',
      'Update: In a statement this morning, the inquiry said it would report in June.',
    );
    const { metadata, body, warnings } = importText(text);
    expect(metadata).toMatchObject({ author: 'Tamsin Rourke', published: { value: '2024-05-16T19:30+01:00' }, updated: [{ value: '2024-05-17T11:05+01:00' }] });
    expect(body).toContain(':::update[Update:]{at=2024-05-17T11:05+01:00}\nIn a statement this morning, the inquiry said it would report in June.\n:::');
    expect(warnings.join('\n')).not.toMatch(/states no date/);
    // Two undated markers: which is the header's revision is not known, and each is named.
    const two = importText(`${text}\n\nUpdate: The operator confirmed the order.\n`);
    expect(two.body).not.toContain(':::update');
    expect(two.warnings.filter((warning) => /states no date/.test(warning))).toHaveLength(2);
  });

  test('takes "Name, Outlet" above the date for the byline, and keeps a title-case headline without one', () => {
    const byline = importText(page('Local News', 'Harbour ferry operator fined over fog collision', 'Tamsin Rourke, Coast Wire', 'May 14 2024 - 6:00am', 'The operator was fined on Monday, the court said.'));
    expect(byline.metadata).toMatchObject({ title: 'Harbour ferry operator fined over fog collision', author: 'Tamsin Rourke' });
    const titleCase = importText(page('NATIONAL', 'Ferry Operator Fined Over Collision', '14 May 2024', 'The operator was fined on Monday, the court said.'));
    expect(titleCase.metadata.title).toBe('Ferry Operator Fined Over Collision');
    expect(titleCase.metadata.author).toBeUndefined();
  });

  test('reads a blog\'s "Posted by" byline and the publication line under the post', () => {
    const text = page(
      'River Notes',
      'Home',
      'About',
      '',
      'Ten days on: the dam was not an act of God',
      '',
      'Posted by Mike Tarrant · 2 days ago · 9 comments',
      '',
      'Ten days ago, the spillway came apart.',
      '',
      'Now the bit I am complaining about.',
      '',
      'Tags: dams, river',
      'Originally posted 12 March 2025 in Local issues',
      '',
      '9 comments',
    );
    const { metadata, body } = importText(text);
    expect(metadata).toMatchObject({
      title: 'Ten days on: the dam was not an act of God',
      author: 'Mike Tarrant',
      published: { value: '2025-03-12', from: 'line 14: “Originally posted 12 March 2025 in Local issues”' },
    });
    expect(body).toBe('Ten days ago, the spillway came apart.\n\nNow the bit I am complaining about.\n');
  });

  test('fails on a page with no text that reads as sentences', () => {
    expect(() => importText(page('Home', 'News', 'Sport', 'Weather'))).toThrow(ImportError);
    expect(() => importText('')).toThrow(ImportError);
  });
});

describe('splitTextBlocks', () => {
  test('joins the lines of a paragraph in a hard-wrapped file, and nothing else', () => {
    const text = page(
      'A fire broke out in the engine room of the Northern Star ferry on Wednesday',
      'evening, forcing the crew to return to port with 312 passengers on board. The',
      'operator said nobody was injured.',
      '',
      'The maritime accident board has opened an investigation. It expects to publish',
      'a first report within a month.',
      '',
      'marina_fan',
      '2 hours ago',
    );
    expect(splitTextBlocks(text).map((block) => block.text)).toEqual([
      'A fire broke out in the engine room of the Northern Star ferry on Wednesday evening, forcing the crew to return to port with 312 passengers on board. The operator said nobody was injured.',
      'The maritime accident board has opened an investigation. It expects to publish a first report within a month.',
      'marina_fan',
      '2 hours ago',
    ]);
  });

  test('keeps one paragraph per line when lines are whole paragraphs', () => {
    const text = page('Short title', 'A line that is a whole paragraph of its own and goes on for well over a hundred and twenty characters, as saved pages do.', 'continues here');
    expect(splitTextBlocks(text)).toHaveLength(3);
  });

  test('collapses spaces and no-break spaces, which Markdown would not show', () => {
    expect(splitTextBlocks('  The ombudsman has since\u00a0confirmed it.\u00a0 ')[0]?.text).toBe('The ombudsman has since confirmed it.');
  });
});

describe('cleanBlocks', () => {
  test('treats a "related" box as inline when article text follows it', () => {
    const blocks = splitTextBlocks(
      page(
        'Hospital opens new wing',
        '',
        'The new wing of St Mary’s hospital opened on Monday with 120 beds, the health board said.',
        '',
        'Related',
        'Waiting lists at record high',
        'New chief executive appointed',
        '',
        'The wing cost £45m and took three years to build. It will be fully staffed by September.',
        '',
        'Patients will be moved into the wing in stages over the coming weeks, starting with the maternity unit.',
      ),
    );
    const { kept, removals } = cleanBlocks(blocks);
    expect(kept.map((item) => item.block.text)).toEqual([
      'The new wing of St Mary’s hospital opened on Monday with 120 beds, the health board said.',
      'The wing cost £45m and took three years to build. It will be fully staffed by September.',
      'Patients will be moved into the wing in stages over the coming weeks, starting with the maternity unit.',
    ]);
    expect(removals.find((removal) => removal.text === 'Related')?.reason).toBe('heading of a box of other stories');
  });

  test('never changes the text of a block it keeps', () => {
    const blocks = splitTextBlocks(FERRY);
    const texts = new Set(blocks.map((block) => block.text));
    for (const item of cleanBlocks(blocks).kept) {
      if (item.role === 'item') expect(texts.has(`• ${item.block.text}`)).toBe(true);
      else expect(texts.has(item.block.text)).toBe(true);
    }
  });
});
