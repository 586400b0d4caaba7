/** The little of Citation.js the tests use to parse citations back (the package ships no types). */
declare module '@citation-js/core' {
  export class Cite {
    constructor(input: unknown);
    data: unknown[];
  }
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
