import { attributeSentences, countWords, quotationSpans, type Attribution } from './attribute-speaker.ts';
import type { Actor, ArticleAnalysis, QuoteMember } from './types.ts';

/** A quotation as one source prints it, with whoever the source attributes it to. */
export interface ExtractedQuote extends QuoteMember {
  speaker?: string;
  /** The speaker's actor id, when the speaker resolves to an actor. */
  actor?: string;
  /** The place of its sentence in the article (0 for the first), when known: orders the renderings of a group. */
  position?: number;
}

export interface ExtractQuotesOptions {
  /** Fewest words a quotation needs (default 4): shorter ones are mostly names, titles and scare quotes. */
  minWords?: number;
  /** The article's `attributeSentences`, when the caller has them already (default: computed). */
  speakers?: ReadonlyMap<string, Attribution>;
}

/** Every word capitalised: a name or a title in quotation marks, not something said. */
const isTitle = (text: string) => text.split(/\s+/u).every((word) => !/\p{Ll}/u.test(word[0] ?? '') || /^(?:of|the|and|for|in|on|a|an|to)$/u.test(word));

/**
 * The direct quotations of an article: words in quotation marks (“…”, "…", «…», ‘…’), and the
 * sentences of a block quotation, each with the sentence holding it and its speaker. A quotation
 * left open at the end of a sentence goes on into the next sentences of the paragraph, and all its
 * pieces take the attribution found where it closes (or where it opens).
 */
export function extractQuotes(article: ArticleAnalysis, incident: { readonly actors: readonly Actor[] }, options: ExtractQuotesOptions = {}): ExtractedQuote[] {
  const minWords = options.minWords ?? 4;
  const speakers = options.speakers ?? attributeSentences(article, incident.actors);
  const out: ExtractedQuote[] = [];
  const sentences = article.sentences;

  let open = false;
  let pending: Array<{ index: number; quote: ExtractedQuote }> = [];
  const settle = (closingId: string | undefined) => {
    const closing = closingId ? speakers.get(closingId) : undefined;
    const opening = pending[0] ? speakers.get(sentences[pending[0].index]?.id ?? '') : undefined;
    const who = closing?.speaker ? closing : opening;
    for (const { quote } of pending) {
      if (!quote.speaker && who?.speaker) {
        quote.speaker = who.speaker;
        if (who.actor) quote.actor = who.actor;
      }
    }
    pending = [];
  };

  sentences.forEach((sentence, index) => {
    if (index > 0 && sentences[index - 1]?.block !== sentence.block) {
      if (pending.length) settle(undefined);
      open = false;
    }
    const attribution = speakers.get(sentence.id);
    const base = (quote: string): ExtractedQuote => ({
      source: article.source,
      text: sentence.text,
      anchor: sentence.id,
      quote,
      ...(attribution?.speaker ? { speaker: attribution.speaker } : {}),
      ...(attribution?.actor ? { actor: attribution.actor } : {}),
    });

    const spans = quotationSpans(sentence.text, { open });
    if (!spans.length && sentence.blockType === 'blockquote' && countWords(sentence.text) >= minWords) {
      out.push(base(sentence.text));
      return;
    }
    for (const span of spans) {
      const quote = span.inner.replace(/[\s,;:]+$/u, '');
      const carried = span.opensBefore || span.continues;
      const keep = countWords(quote) >= minWords && !isTitle(quote);
      if (keep) {
        const extracted = base(quote);
        if (carried) {
          // The pieces of a quotation spanning sentences share the attribution where it closes.
          delete extracted.speaker;
          delete extracted.actor;
          pending.push({ index, quote: extracted });
        }
        out.push(extracted);
      }
      if (span.opensBefore && !span.continues) settle(sentence.id);
    }
    open = spans.length > 0 && (spans[spans.length - 1]?.continues ?? false);
  });
  if (pending.length) settle(undefined);
  return out;
}
