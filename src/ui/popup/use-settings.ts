/** The settings as Preact state, live across every tab and context. */
import { useEffect, useState } from 'preact/hooks';
import { getSettings, watchSettings, type Settings } from '../../shared/settings';

/** Current settings (null until read), updated whenever they change anywhere. */
export function useSettings(onChange?: (s: Settings) => void): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  useEffect(() => {
    let alive = true;
    void getSettings().then((s) => alive && setSettings(s));
    const unwatch = watchSettings((s) => {
      setSettings(s);
      onChange?.(s);
    });
    return () => {
      alive = false;
      unwatch();
    };
    // onChange is read once on purpose: it only triggers a refresh of the page view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return settings;
}
