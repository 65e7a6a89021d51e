import type { Alias } from '../schema';

/** Case forms of a name (Russian, Ukrainian, German, Polish… inflect it; the matcher finds words only as written). */
export const inflected = (lang: Alias['lang'], ...texts: string[]): Alias[] => texts.map((text) => ({ text, lang, note: 'Inflected form.' }));
