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
import { t } from '../../shared/i18n';

/** Props of Controls. */
export interface ControlsProps {
  settings: Settings;
  /** Hostname of the tab, when it is a web page. */
  hostname: string | null;
  /** Mentions per category on this page, when known. */
  counts: Partial<Record<Category, number>> | null;
}

const ENGINE_LABEL = {
  auto: 'popup.engineAuto',
  css: 'popup.engineCss',
  marks: 'popup.engineMarks',
} as const satisfies Record<EngineChoice, string>;

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
        <legend>{t('popup.highlight')}</legend>
        {CATEGORY_ORDER.map((c) => {
          const s = CATEGORY_STYLES[c];
          const n = counts ? (counts[c] ?? 0) : null;
          return (
            <Switch
              key={c}
              id={`cat-${c}`}
              label={t(`category.${c}`)}
              checked={settings.categories[c]}
              onChange={(v) => void updateSettings((cur) => ({ categories: { ...cur.categories, [c]: v } }))}
            >
              <span class="swatch" style={{ background: s.tint, textDecorationColor: s.accent, textDecorationStyle: s.underline }} aria-hidden="true">
                Aa
              </span>
              {settings.categories[c] && n != null && (
                <span class="count cat-count" data-category={c} aria-label={t('popup.onThisPage', { n })}>
                  {n}
                </span>
              )}
            </Switch>
          );
        })}
      </fieldset>

      <div class="row-buttons">
        <button type="button" data-action="pause" aria-pressed={settings.paused} onClick={() => void updateSettings((s) => ({ paused: !s.paused }))}>
          {t(settings.paused ? 'popup.resumeEverywhere' : 'popup.pauseEverywhere')}
        </button>
        {site && (
          <button
            type="button"
            data-action="site"
            aria-pressed={!siteOn}
            onClick={() => void updateSettings((s) => withSiteEnabled(s, site, !isSiteEnabled(s, site)))}
          >
            {siteOn ? t('popup.turnOffOn', { site }) : t('popup.turnBackOn', { site })}
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
        <summary>{t('popup.advanced')}</summary>
        <Switch id="badge" label={t('popup.badge')} checked={settings.badge} onChange={(v) => void updateSettings({ badge: v })} />
        <fieldset class="engine">
          <legend>{t('popup.engine')}</legend>
          {(Object.keys(ENGINE_LABEL) as EngineChoice[]).map((e) => (
            <label key={e} class="radio">
              <input type="radio" name="engine" value={e} checked={settings.engine === e} onChange={() => void updateSettings({ engine: e })} />
              {t(ENGINE_LABEL[e])}
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
      <h2 id="h-notthis">{t('popup.notHighlighted')}</h2>
      {settings.excludedAliases.length >= MAX_NOT_THIS_ENTRIES || settings.ignoredMatches.length >= MAX_NOT_THIS_ENTRIES ? (
        <p class="muted">{t('popup.remembersLast', { n: MAX_NOT_THIS_ENTRIES })}</p>
      ) : null}
      <ul>
        {settings.excludedAliases.map((alias) => (
          <li key={`a:${alias}`}>
            <span>
              “{alias}” <span class="muted">{t('popup.everywhere')}</span>
            </span>
            <button
              type="button"
              class="undo"
              aria-label={t('popup.highlightAgainEverywhere', { alias })}
              onClick={() => void updateSettings((s) => ({ excludedAliases: s.excludedAliases.filter((a) => a !== alias) }))}
            >
              {t('popup.undo')}
            </button>
          </li>
        ))}
        {settings.ignoredMatches.map((m) => (
          <li key={`m:${m.site}:${m.text}`}>
            <span>
              “{m.text}” <span class="muted">{t('popup.onSite', { site: m.site })}</span>
            </span>
            <button
              type="button"
              class="undo"
              aria-label={t('popup.highlightAgainOn', { alias: m.text, site: m.site })}
              onClick={() =>
                void updateSettings((s) => ({ ignoredMatches: s.ignoredMatches.filter((x) => !(x.site === m.site && x.text === m.text)) }))
              }
            >
              {t('popup.undo')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
