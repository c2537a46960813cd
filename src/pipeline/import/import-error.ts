/** A page the importer cannot turn into an article: not text, or no article text in it. */
export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}
