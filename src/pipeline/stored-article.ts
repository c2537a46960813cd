/**
 * How an analysed article is kept between builds (as a file of the build's cache), so that an
 * unchanged article is not analysed again: what every sentence would repeat is left out and
 * restored on reading.
 *
 * - `reference`, the date a sentence's relative expressions were resolved against, is the
 *   article's publication for every sentence outside an update block: it is kept only where it
 *   differs.
 * - `dates` is kept only when the sentence has any.
 */
import type { ProcessedArticle } from './process-article.ts';
import type { ArticleAnalysis, DatedSentence, DateExpression, ReferenceDate } from './types.ts';

export type StoredSentence = Omit<DatedSentence, 'reference' | 'dates'> & { reference?: ReferenceDate; dates?: DateExpression[] };

export type StoredArticle = Omit<ProcessedArticle, 'html' | 'sentences'> & { sentences: StoredSentence[] };

const sameReference = (a: ReferenceDate, b: ReferenceDate) => a === b || JSON.stringify(a) === JSON.stringify(b);

export function toStoredArticle(article: Omit<ProcessedArticle, 'html'>): StoredArticle {
  return {
    ...article,
    sentences: article.sentences.map(({ reference, dates, ...sentence }) => ({
      ...sentence,
      ...(sameReference(reference, article.published) ? {} : { reference }),
      ...(dates.length > 0 ? { dates } : {}),
    })),
  };
}

export function fromStoredArticle<T extends Pick<StoredArticle, 'published' | 'sentences'>>(stored: T): Omit<T, 'sentences'> & Pick<ArticleAnalysis, 'sentences'> {
  return {
    ...stored,
    sentences: stored.sentences.map(({ reference, dates, ...sentence }): DatedSentence => ({ ...sentence, reference: reference ?? stored.published, dates: dates ?? [] })),
  };
}
