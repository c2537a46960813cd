import { describe, test, expect } from 'vitest';
import fc from 'fast-check';
import { segmentSentences } from '../../src/pipeline/segment-sentences.ts';

const texts = (input: string, options?: Parameters<typeof segmentSentences>[1]) =>
  segmentSentences(input, options).map((span) => span.text);

describe('segmentSentences', () => {
  describe('spans', () => {
    test('returns offsets that slice back to each sentence, without surrounding whitespace', () => {
      const input = '  The bridge closed at noon.   Traffic backed up for miles.\n';
      expect(segmentSentences(input)).toEqual([
        { start: 2, end: 28, text: 'The bridge closed at noon.' },
        { start: 31, end: 59, text: 'Traffic backed up for miles.' },
      ]);
    });

    test('stays linear on a very long block', () => {
      const block = 'Mr. Smith said the U.S. plan failed. 12 homes burned (via Harbor Press). “It was bad. Very bad,” he said. ';
      const started = performance.now();
      expect(segmentSentences(block.repeat(600))).toHaveLength(1800);
      expect(performance.now() - started).toBeLessThan(3000);
    });

    test('returns nothing for an empty or all-whitespace block', () => {
      expect(segmentSentences('')).toEqual([]);
      expect(segmentSentences(' \n\t\u00a0 ')).toEqual([]);
    });

    test('returns a block without a final stop as one sentence', () => {
      expect(texts('Update: council responds')).toEqual(['Update: council responds']);
    });

    test('treats a line break inside a block as a space, not a sentence end', () => {
      expect(texts('The council said\nthat it would meet. Residents\nwere not told.')).toEqual([
        'The council said\nthat it would meet.',
        'Residents\nwere not told.',
      ]);
    });

    test('splits sentences written without spaces, such as Chinese', () => {
      expect(texts('市政府周四关闭了大桥。交通拥堵。')).toEqual(['市政府周四关闭了大桥。', '交通拥堵。']);
    });
  });

  describe('ordinary sentence ends', () => {
    test('splits after a full stop, a question mark and an exclamation mark', () => {
      expect(texts('The dam held. Was anyone hurt? Nobody was!  Crews left at dawn.')).toEqual([
        'The dam held.',
        'Was anyone hurt?',
        'Nobody was!',
        'Crews left at dawn.',
      ]);
    });

    test('splits after a closing quote when a new sentence follows', () => {
      expect(texts('The sign read “Closed until further notice.” The mayor disagreed.')).toEqual([
        'The sign read “Closed until further notice.”',
        'The mayor disagreed.',
      ]);
    });

    test('splits after a closing quote whose opening mark is in an earlier block', () => {
      expect(texts('it would reopen soon, the engineer said.” The mayor disagreed.')).toEqual([
        'it would reopen soon, the engineer said.”',
        'The mayor disagreed.',
      ]);
    });

    test('splits before a sentence that starts with a number', () => {
      expect(texts('The fire spread overnight. 12 homes were destroyed. $5 million was lost.')).toEqual([
        'The fire spread overnight.',
        '12 homes were destroyed.',
        '$5 million was lost.',
      ]);
    });

    test('splits before a sentence that starts with a quotation', () => {
      expect(texts('The agency issued a statement. “No customer records were exposed.”')).toEqual([
        'The agency issued a statement.',
        '“No customer records were exposed.”',
      ]);
    });

    test('splits before a sentence that starts with a camel-cased brand such as "iPhone"', () => {
      expect(texts('The market shrank. iPhone sales rose anyway.')).toEqual([
        'The market shrank.',
        'iPhone sales rose anyway.',
      ]);
    });
  });

  describe('abbreviations', () => {
    test('keeps "Mr. Smith" and other titles in one sentence', () => {
      const input =
        'Mr. Smith met Mrs. Lee, Ms. Park, Dr. Adams, Prof. Ruiz, Gen. Ward, Gov. Hale, Sen. Ortiz and Rep. Cole.';
      expect(texts(input)).toEqual([input]);
    });

    test('keeps "St." and "vs." in one sentence', () => {
      const input = 'The parade on St. Mark Street was a contest of locals vs. Visitors from abroad.';
      expect(texts(input)).toEqual([input]);
    });

    test('keeps "e.g.", "i.e." and "approx." in one sentence', () => {
      const input = 'Several towns, e.g. Millbrook, lost power, i.e. About approx. 4,000 homes.';
      expect(texts(input)).toEqual([input]);
    });

    test('keeps single-letter initials in one sentence', () => {
      expect(texts('John F. Kennedy Airport and J. R. Tolkien Street were closed.')).toHaveLength(1);
    });

    test('keeps "No." before a number and month abbreviations before a day in one sentence', () => {
      const input = 'Flight No. 42 was delayed on Jan. 5 and again on Sept. 12 after a storm.';
      expect(texts(input)).toEqual([input]);
    });

    test('splits after a month abbreviation that is not followed by a number', () => {
      expect(texts('The plant reopened in Jan. The union objected.')).toHaveLength(2);
    });

    test('keeps "U.S." and "a.m." followed by a name or a time zone in one sentence', () => {
      const input = 'U.S. officials met at 9 a.m. Eastern time with U.N. Secretary staff and E.U. Delegates.';
      expect(texts(input)).toEqual([input]);
    });

    test('splits after "U.S." or "p.m." when the next word plainly opens a sentence', () => {
      expect(texts('The recall covers the U.S. The company did not say why. It ended at 6 p.m. The crowd left.'))
        .toEqual(['The recall covers the U.S.', 'The company did not say why.', 'It ended at 6 p.m.', 'The crowd left.']);
    });

    test('keeps "Acme Inc. Chief Executive" and "Smith Jr. Day" in one sentence', () => {
      const input = 'Acme Inc. Chief Executive Jane Doe spoke on Martin Smith Jr. Day in Portland.';
      expect(texts(input)).toEqual([input]);
    });

    test('splits after "Inc.", "Ltd." and "Corp." when the next word plainly opens a sentence', () => {
      expect(texts('The deal went to Acme Inc. The price was not disclosed. A rival is Borel Ltd. It declined.'))
        .toEqual(['The deal went to Acme Inc.', 'The price was not disclosed.', 'A rival is Borel Ltd.', 'It declined.']);
    });

    test('splits after "etc." when a capitalized word follows', () => {
      expect(texts('Crews removed mud, debris, etc. Residents returned on Monday.')).toEqual([
        'Crews removed mud, debris, etc.',
        'Residents returned on Monday.',
      ]);
    });

    test('keeps "etc." followed by a lowercase word in one sentence', () => {
      const input = 'Crews removed mud, debris, etc. before residents returned.';
      expect(texts(input)).toEqual([input]);
    });

    test('never treats a title as a sentence end, even before "The"', () => {
      expect(texts('The letter was signed by Dr. The Reverend Alan Moss.')).toHaveLength(1);
    });

    test('does not take an ordinal such as "1st." for the abbreviation "St."', () => {
      expect(texts('The vote was held on March 1st. Turnout was low.')).toHaveLength(2);
    });

    test('accepts extra abbreviations, with or without the final dot', () => {
      const input = 'The report cites Ald. Ramos and Supv. Chen by name.';
      expect(texts(input)).toHaveLength(3);
      expect(texts(input, { abbreviations: ['Ald.', 'supv'] })).toEqual([input]);
    });
  });

  describe('tokens with dots', () => {
    test('keeps decimals, versions, domains, URLs and e-mail addresses in one sentence', () => {
      const input =
        'The 3.5 GHz chip runs firmware v2.1 from updates.example.cn and example.com/a.b, per press.office@example.org today.';
      expect(texts(input)).toEqual([input]);
    });

    test('keeps a domain whose next label is capitalized and a URL query in one sentence', () => {
      const input = 'Visit Example.Com or example.org/page?id=3 for details.';
      expect(texts(input)).toEqual([input]);
    });

    test('splits after a domain that ends a sentence', () => {
      expect(texts('The notice is posted at example.gov. The office opens Monday.')).toHaveLength(2);
    });

    test('keeps an ellipsis followed by a lowercase word in one sentence', () => {
      const input = 'The outage lasted ... well, about an hour … maybe less.';
      expect(texts(input)).toEqual([input]);
    });
  });

  describe('parenthetical attributions', () => {
    test('keeps an attribution in the middle of a sentence', () => {
      const input = 'The sensor sent data (via Reuters) on Thursday.';
      expect(texts(input)).toEqual([input]);
    });

    test('attaches "(via …)" after a sentence end to the previous sentence', () => {
      expect(texts('The sensor sent data to a remote server. (via Daily Ledger) Officials were not told.')).toEqual([
        'The sensor sent data to a remote server. (via Daily Ledger)',
        'Officials were not told.',
      ]);
    });

    test('attaches a bare source name in parentheses to the previous sentence', () => {
      expect(texts('The bridge was closed. (Harbor Press)')).toEqual(['The bridge was closed. (Harbor Press)']);
      expect(texts('The bridge was closed! (Source) Crews came.')).toEqual([
        'The bridge was closed! (Source)',
        'Crews came.',
      ]);
    });

    test('splits after an attribution that follows "Inc." only when a new sentence plainly starts', () => {
      expect(texts('The deal went to Acme Inc. (Harbor Press) The price was not disclosed.')).toEqual([
        'The deal went to Acme Inc. (Harbor Press)',
        'The price was not disclosed.',
      ]);
      expect(texts('The deal went to Acme Inc. (Harbor Press) Shares rose.')).toHaveLength(1);
    });

    test('keeps a parenthetical sentence as a sentence of its own', () => {
      expect(texts('The bridge was closed. (The council denied this.) Crews came.')).toEqual([
        'The bridge was closed.',
        '(The council denied this.)',
        'Crews came.',
      ]);
    });
  });

  describe('quotations', () => {
    test('keeps a quotation of several sentences and its attribution in one sentence', () => {
      const input = '“We have reviewed the logs. It was a configuration error,” the operator said in its statement.';
      expect(texts(input)).toEqual([input]);
    });

    test('keeps a quotation with straight double quotes in one sentence', () => {
      const input = '"We acted fast. Nobody was hurt," the fire chief told reporters.';
      expect(texts(input)).toEqual([input]);
    });

    test('keeps „…“ and «…» quotations in one sentence', () => {
      expect(texts('„Wir prüfen das. Es war ein Fehler“, sagte der Sprecher.')).toHaveLength(1);
      expect(texts('« Nous vérifions. C’était une erreur », a dit le porte-parole.')).toHaveLength(1);
    });

    test('splits between a quotation with its attribution and a following quotation', () => {
      expect(texts('“We can confirm the fault,” the operator said in an email. “No records were kept.”')).toEqual([
        '“We can confirm the fault,” the operator said in an email.',
        '“No records were kept.”',
      ]);
    });

    test('keeps a quoted question and its attribution in one sentence', () => {
      expect(texts('“Why was nobody told?” asked Mayor Lina Ortiz. The council met.')).toEqual([
        '“Why was nobody told?” asked Mayor Lina Ortiz.',
        'The council met.',
      ]);
      expect(texts('“Why was nobody told?” Lina Ortiz asked. “Who knew?” she added.')).toEqual([
        '“Why was nobody told?” Lina Ortiz asked.',
        '“Who knew?” she added.',
      ]);
    });

    test('does not treat apostrophes or single quotes as quotation marks', () => {
      expect(texts('The phone’s owner didn’t know. ‘It was odd.’ The vendor’s reply came later.')).toEqual([
        'The phone’s owner didn’t know.',
        '‘It was odd.’',
        'The vendor’s reply came later.',
      ]);
    });

    test('falls back to ordinary splitting when quotation marks are unbalanced', () => {
      expect(texts('The engineer said “the valve failed. Nobody checked it. Repairs start Monday.')).toEqual([
        'The engineer said “the valve failed.',
        'Nobody checked it.',
        'Repairs start Monday.',
      ]);
    });
  });

  describe('properties', () => {
    const tricky = fc.constantFrom(
      ...'.?!…“”„«»"\'’‘()[] \n\t\u00a0aAzZ1 9$@/。-,:;'.split(''),
      'Mr.', 'U.S.', 'e.g.', 'Inc.', 'etc.', ' The ', ' the ', 'No. 5', '(via X)', '...', '\u2028', '😀',
    );
    const anyText = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.string({ unit: tricky, maxLength: 80 }),
    );

    test('never throws, and returns ordered, trimmed, non-empty spans that lose no text', () => {
      fc.assert(
        fc.property(anyText, (input) => {
          const spans = segmentSentences(input);
          let previousEnd = 0;
          for (const span of spans) {
            expect(span.start).toBeGreaterThanOrEqual(previousEnd);
            expect(span.end).toBeGreaterThan(span.start);
            expect(input.slice(span.start, span.end)).toBe(span.text);
            expect(span.text).toBe(span.text.trim());
            expect(input.slice(previousEnd, span.start).trim()).toBe('');
            previousEnd = span.end;
          }
          expect(input.slice(previousEnd).trim()).toBe('');
          expect(spans.map((span) => span.text).join('').replace(/\s/g, '')).toBe(input.replace(/\s/g, ''));
        }),
        { numRuns: 1000 },
      );
    });

    test('finds as many sentences as a generated list of sentences holds', () => {
      const opening = fc.constantFrom(
        'The', 'Officials', 'Residents', 'Crews', 'It', 'Mr. Smith', 'Dr. Ruiz', 'U.S. officials', '12', '“Nobody',
        'Acme Inc. staff',
      );
      const word = fc.constantFrom(
        'bridge', 'closed', 'on', 'Monday', 'the', 'council', 'said', 'approx. 40', 'homes', '3.5', 'v2.1',
        'example.com', 'a.b@c.org', 'e.g. Millbrook', 'Jan. 5', 'No. 7', 'vs. Visitors', '(via Harbor Press)',
        'John F. Kennedy', 'it was ... fine', 'phone’s', 'didn’t',
      );
      const sentence = fc
        .tuple(opening, fc.array(word, { minLength: 1, maxLength: 8 }))
        .map(([first, rest]) => `${first} ${rest.join(' ')}${first.startsWith('“') ? '.”' : '.'}`);
      fc.assert(
        fc.property(fc.array(sentence, { minLength: 1, maxLength: 8 }), (sentences) => {
          const found = texts(sentences.join(' '));
          expect(found).toHaveLength(sentences.length);
          expect(found).toEqual(sentences);
        }),
        { numRuns: 500 },
      );
    });
  });
});
