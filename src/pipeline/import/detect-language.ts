/**
 * The language of Latin-script text, by counting the commonest function words of a few
 * languages. Enough to notice a German teaser in an English article; not a general detector.
 */

const STOPWORDS: Record<string, Set<string>> = {
  en: new Set('the of and to in is that for it was on with as by at from this be are has have had not but which were their been its an or who will would said'.split(' ')),
  fr: new Set('le la les des du de et en un une est que qui dans pour pas sur au aux ce cette il elle ont été par plus avec son sa ses'.split(' ')),
  de: new Set('der die das und ist nicht ein eine zu den dem des mit sich auf für von im auch es wird wurde sind hat als bei nach dass'.split(' ')),
  es: new Set('el la los las de del y en un una es que por con para se su sus al lo como más pero fue ha han este esta'.split(' ')),
  it: new Set('il lo la gli le di del della e che un una per non con sono è ha al alla dei nel nella anche come più questo'.split(' ')),
  pt: new Set('o a os as de do da dos das e em um uma que para com não por se seu sua ao na no foi são mais como'.split(' ')),
  nl: new Set('de het een en van in is dat op te met voor niet zijn er aan ook als bij door maar om heeft werd wordt'.split(' ')),
};

/** Function-word hits per language. */
export function languageHits(text: string): Map<string, number> {
  const words = text.toLowerCase().match(/\p{L}+/gu) ?? [];
  const hits = new Map<string, number>();
  for (const [language, stopwords] of Object.entries(STOPWORDS)) {
    hits.set(language, words.filter((word) => stopwords.has(word)).length);
  }
  return hits;
}

/** The language whose function words are clearly the most frequent, or undefined when none is. */
export function detectLanguage(text: string, minimumHits = 3): string | undefined {
  const ranked = [...languageHits(text)].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || first[1] < minimumHits) return undefined;
  // Shared words ("de", "en", "a") make close scores meaningless.
  return first[1] >= 2 * (second?.[1] ?? 0) ? first[0] : undefined;
}
