/** Modules scripts/build.mjs makes for worker-pdf.js. */
declare module 'virtual:pdf-cmaps' {
  /** pdf.js's packed character maps of the Chinese collections, by file name (`UniGB-UCS2-H.bcmap`), base64. */
  const cmaps: Readonly<Record<string, string>>;
  export default cmaps;
}

declare module 'virtual:pdf-reader' {
  /** The PDF reader's worker (src/pdf-reader/reader.ts), built, as text. */
  const source: string;
  export default source;
}
