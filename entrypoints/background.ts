import { startBackground } from '@/src/shared/background';

export default defineBackground(() => {
  startBackground();
});
