/** The ids of the five sources, shared by the collections that cite them. */
export const REUTERS = 'reuters-kremlin-donbas';
export const NEWSX = 'newsx-putin-donbas-withdrawal';
export const BBC = 'bbc-putin-india-today';
export const MT = 'moscow-times-recognition-imperative';
export const RKS = 'rksnews-putin-territorial-demands';
