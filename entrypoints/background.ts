export default defineBackground(() => {
  // Wired in src/shared by the popup/settings work.
});
