/** The part of word-extractor (1.0.4, no bundled types) that the .doc/.wps import uses. */
declare module 'word-extractor' {
  interface ExtractedDocument {
    getBody(): string;
    getFootnotes(): string;
    getEndnotes(): string;
    getTextboxes(options?: { includeHeadersAndFooters?: boolean; includeBody?: boolean }): string;
  }
  export default class WordExtractor {
    extract(source: unknown): Promise<ExtractedDocument>;
  }
}
