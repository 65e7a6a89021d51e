/**
 * The popup's controls: a switch per category (with its colour and its count on this page), pause
 * everywhere, off for this site, the badge, the engine (under "Advanced"), and the "Not this" lists
 * with their undo buttons. Every change goes straight to storage; the content scripts watch it.
 */
import type { Category } from '../../data/schema';
import { CATEGORY_ORDER, CATEGORY_STYLES } from '../../shared/categories';
import {
  isSiteEnabled,
  MAX_NOT_THIS_ENTRIES,
  siteKey,
  updateSettings,
  withSiteEnabled,
  type EngineChoice,
  type Settings,
} from '../../shared/settings';

/** Props of Controls. */
export interface ControlsProps {
  settings: Settings;
  /** Hostname of the tab, when it is a web page. */
  hostname: string | null;
  /** Mentions per category on this page, when known. */
  counts: Partial<Record<Category, number>> | null;
}

const ENGINE_LABEL: Record<EngineChoice, string> = {
  auto: 'Automatic (recommended)',
  css: 'CSS highlights (no changes to the page)',
  marks: 'Marks (wraps text; for old browsers)',
};

function Switch({ id, label, checked, onChange, children }: { id: string; label: string; checked: boolean; onChange(v: boolean): void; children?: preact.ComponentChildren }) {
  return (
    <label class="switch" for={id}>
      <input id={id} type="checkbox" role="switch" checked={checked} onChange={(e) => onChange((e.currentTarget as HTMLInputElement).checked)} />
      {children}
      <span class="slabel">{label}</span>
    </label>
  );
}

/** The controls used most, shown above the summary: categories, pause, this site. */
export function QuickControls({ settings, hostname, counts }: ControlsProps) {
  const site = hostname ? siteKey(hostname) : null;
  const siteOn = site ? isSiteEnabled(settings, site) : true;
  return (
    <div class="controls quick">
      <fieldset class="categories" disabled={settings.paused || !siteOn}>
        <legend>Highlight</legend>
        {CATEGORY_ORDER.map((c) => {
          const s = CATEGORY_STYLES[c];
          const n = counts ? (counts[c] ?? 0) : null;
          return (
            <Switch
              key={c}
              id={`cat-${c}`}
              label={s.label}
              checked={settings.categories[c]}
              onChange={(v) => void updateSettings((cur) => ({ categories: { ...cur.categories, [c]: v } }))}
            >
              <span class="swatch" style={{ background: s.tint, textDecorationColor: s.accent, textDecorationStyle: s.underline }} aria-hidden="true">
                Aa
              </span>
              {settings.categories[c] && n != null && (
                <span class="count cat-count" data-category={c} aria-label={`${n} on this page`}>
                  {n}
                </span>
              )}
            </Switch>
          );
        })}
      </fieldset>

      <div class="row-buttons">
        <button type="button" data-action="pause" aria-pressed={settings.paused} onClick={() => void updateSettings((s) => ({ paused: !s.paused }))}>
          {settings.paused ? 'Resume everywhere' : 'Pause everywhere'}
        </button>
        {site && (
          <button
            type="button"
            data-action="site"
            aria-pressed={!siteOn}
            onClick={() => void updateSettings((s) => withSiteEnabled(s, site, !isSiteEnabled(s, site)))}
          >
            {siteOn ? `Turn off on ${site}` : `Turn back on for ${site}`}
          </button>
        )}
      </div>
    </div>
  );
}

/** The rest, below the summary: the "Not this" lists, the badge and the engine. */
export function MoreControls({ settings }: { settings: Settings }) {
  return (
    <div class="controls more">
      <NotThisList settings={settings} />

      <details class="advanced">
        <summary>Advanced</summary>
        <Switch id="badge" label="Show the number of entities on the toolbar icon" checked={settings.badge} onChange={(v) => void updateSettings({ badge: v })} />
        <fieldset class="engine">
          <legend>Highlighting engine</legend>
          {(Object.keys(ENGINE_LABEL) as EngineChoice[]).map((e) => (
            <label key={e} class="radio">
              <input type="radio" name="engine" value={e} checked={settings.engine === e} onChange={() => void updateSettings({ engine: e })} />
              {ENGINE_LABEL[e]}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
}

/** The "Not this" choices, each with an undo button. Hidden when there are none. */
function NotThisList({ settings }: { settings: Settings }) {
  if (settings.excludedAliases.length === 0 && settings.ignoredMatches.length === 0) return null;
  return (
    <section class="not-this" aria-labelledby="h-notthis">
      <h2 id="h-notthis">Not highlighted (“Not this”)</h2>
      {settings.excludedAliases.length >= MAX_NOT_THIS_ENTRIES || settings.ignoredMatches.length >= MAX_NOT_THIS_ENTRIES ? (
        <p class="muted">Dossier remembers the last {MAX_NOT_THIS_ENTRIES} choices of each kind: a new one forgets the oldest.</p>
      ) : null}
      <ul>
        {settings.excludedAliases.map((alias) => (
          <li key={`a:${alias}`}>
            <span>
              “{alias}” <span class="muted">everywhere</span>
            </span>
            <button
              type="button"
              class="undo"
              aria-label={`Highlight “${alias}” again everywhere`}
              onClick={() => void updateSettings((s) => ({ excludedAliases: s.excludedAliases.filter((a) => a !== alias) }))}
            >
              Undo
            </button>
          </li>
        ))}
        {settings.ignoredMatches.map((m) => (
          <li key={`m:${m.site}:${m.text}`}>
            <span>
              “{m.text}” <span class="muted">on {m.site}</span>
            </span>
            <button
              type="button"
              class="undo"
              aria-label={`Highlight “${m.text}” again on ${m.site}`}
              onClick={() =>
                void updateSettings((s) => ({ ignoredMatches: s.ignoredMatches.filter((x) => !(x.site === m.site && x.text === m.text)) }))
              }
            >
              Undo
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
