// Small pieces of sentence-building shared by the message files.

/** A sentence's full stop, unless the time that ends it has one already ("4:43 a.m."). */
export const endSentence = (s: string): string => (s.endsWith(".") ? s : `${s}.`);
