/** The settings as Preact state, live across every tab and context. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { getSettings, watchSettings, type Settings } from '../../shared/settings';

/** Current settings (null until read), updated whenever they change anywhere; `onChange` hears every change. */
export function useSettings(onChange?: (s: Settings) => void): Settings | null {
  const [settings, setSettings] = useState<Settings | null>(null);
  // The latest callback, so that the storage watch is set up once and never calls a stale closure.
  const changed = useRef(onChange);
  changed.current = onChange;
  useEffect(() => {
    let alive = true;
    void getSettings().then((s) => alive && setSettings(s));
    const unwatch = watchSettings((s) => {
      setSettings(s);
      changed.current?.(s);
    });
    return () => {
      alive = false;
      unwatch();
    };
  }, []);
  return settings;
}
