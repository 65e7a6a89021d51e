import type { Alias } from '../schema';

/** Case forms of a name (Russian, Ukrainian, German, Polish… inflect it; the matcher finds words only as written). */
export const inflected = (lang: Alias['lang'], ...texts: string[]): Alias[] => texts.map((text) => ({ text, lang, note: 'Inflected form.' }));

/** Case forms of a place name that stands for its state (Москвы, Києва): read with the place rules too. */
export const placeForms = (lang: Alias['lang'], ...texts: string[]): Alias[] =>
  texts.map((text) => ({ text, lang, note: 'Inflected form.', place: true as const }));
