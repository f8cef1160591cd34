/** The message the PDF reader's worker sends beside pdf.js's own when it refused a stream (pdf.js ignores it). */
export const TOO_LARGE = 'jixiao-pdf-too-large';
