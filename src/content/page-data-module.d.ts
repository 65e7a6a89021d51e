/** The page data computed at build time (scripts/lib/vite-page-data.ts); only the content entry imports it. */
declare module 'virtual:dossier/page-data' {
  const pageData: import('../core/page-data').PageData;
  export default pageData;
}
