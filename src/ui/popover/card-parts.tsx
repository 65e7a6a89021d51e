/**
 * Small building blocks of the popover card: source links, position lists, quotes, figures.
 * Text only ever goes through JSX text nodes, which Preact escapes; no HTML is ever built from strings.
 */
import type { ComponentChildren } from 'preact';
import {
  type DisagreementItem,
  type FigureItem,
  type PositionItem,
  type QuoteItem,
  type QuoteWording,
  type SourceRef,
} from '../../core/card-model';
import { cardQuoteCitation } from '../../core/reader-dossier/citation';
import { CopyCitation } from '../reader-dossier/copy-citation';
import { list, plural, t } from '../../shared/i18n';
import { sourceNameText } from '../source-name';

/**
 * Wraps a handler so that it runs only for events the browser made from the reader's input. A page can call
 * `.click()` or `dispatchEvent` on the card's elements; those events are not trusted and do nothing.
 */
export function trusted<E extends Event>(handler: (e: E) => void): (e: E) => void {
  return (e) => {
    if (e.isTrusted) handler(e);
  };
}

/** Turns a source reference into the URL of its source card (an extension page); injected so tests need no browser. */
export type SourceHref = (ref: SourceRef) => string;

/** A titled block of the card; renders nothing when it has no content. */
export function Section(props: { title: string; count?: number; children: ComponentChildren; when?: boolean }) {
  if (props.when === false) return null;
  return (
    <section class="dp-section">
      <h3 class="dp-section-title">
        {props.title}
        {props.count !== undefined && props.count > 1 ? <span class="dp-count"> · {props.count}</span> : null}
      </h3>
      {props.children}
    </section>
  );
}

/**
 * Links to the source cards, comma-separated, each opening in a new tab. `data-source` / `data-anchor` let the
 * popover open them through the background (a page cannot open an extension page); the href stays for copying.
 */
export function SourceLinks(props: { sources: SourceRef[]; href: SourceHref }) {
  return (
    <span class="dp-sources">
      {props.sources.map((s, i) => (
        <>
          {i > 0 ? ', ' : null}
          <a class="dp-source" href={props.href(s)} target="_blank" rel="noopener noreferrer" data-source={s.id} data-anchor={s.anchor}>
            {sourceNameText(s.outlet)}
          </a>
        </>
      ))}
    </span>
  );
}

/** Positions as a list: type badge, summary, whose / of whom / where, and how many sources report it. */
export function PositionList(props: {
  items: PositionItem[];
  href: SourceHref;
  /** Name the holders ("by ..."), the addressees ("asked of ..."), and the regions concerned. */
  holders?: boolean;
  addressees?: boolean;
  regions?: boolean;
}) {
  return (
    <ul class="dp-list">
      {props.items.map((p) => {
        const meta: string[] = [];
        if (props.holders && p.holders.length > 0) meta.push(t('card.by', { names: list(p.holders) }));
        if (props.addressees && p.addressees.length > 0) meta.push(t('card.askedOf', { names: list(p.addressees) }));
        if (props.regions && p.regions.length > 0) meta.push(t('card.concerns', { names: list(p.regions) }));
        return (
          <li class="dp-position" key={p.id} data-position={p.id}>
            <span class={`dp-badge dp-badge-${p.type}`}>{t(`positionType.${p.type}`)}</span> <span class="dp-summary" lang="en">{p.summary}</span>
            {meta.length > 0 ? <div class="dp-meta">{meta.join(' · ')}</div> : null}
            <div class="dp-meta dp-reported">
              {plural('card.reportedBy', p.sources.length)}{' '}
              <SourceLinks sources={p.sources} href={props.href} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

/** A verbatim quotation in quotation marks, with the outlet it comes from. */
export function QuoteBlock(props: { quote: QuoteItem; href: SourceHref; showSpeaker?: boolean }) {
  const q = props.quote;
  return (
    <figure class="dp-quote" data-quote={q.id}>
      <blockquote class="dp-quote-text" lang="en">“{q.text}”</blockquote>
      <figcaption class="dp-quote-cite">
        {props.showSpeaker || q.joint ? `${q.speaker}, ` : ''}
        {q.reported ? `${t('card.quoteReportedBy')} ` : '— '}
        <SourceLinks sources={[q.source]} href={props.href} />
        {q.context ? <span class="dp-context"> · {q.context}</span> : null}{' '}
        <CopyCitation quotation={cardQuoteCitation(q)} />
      </figcaption>
    </figure>
  );
}

/**
 * How the page words a known quotation: "Exact wording", or "Worded differently on this page" with the source's
 * wording in which the words the page dropped are struck through (`del`) and the page's own words underlined (`ins`).
 * Colour is never the only cue: strike-through and underline show the kind, a visually hidden "source:" / "page:"
 * prefix says it to screen readers (which mostly do not announce del/ins), and a title says it on hover.
 */
export function QuoteWordingBlock(props: { wording: QuoteWording }) {
  const w = props.wording;
  return (
    <div class={`dp-wording${w.reworded ? ' dp-reworded' : ''}`} data-wording={w.exact ? 'exact' : w.reworded ? 'reworded' : 'same'}>
      <p class="dp-wording-label">
        <span class="dp-wording-kind">{wordingLabel(w)}</span>
        {w.partial ? <span class="dp-wording-part"> · {t('card.wording.partial', { percent: w.percent })}</span> : null}
      </p>
      {w.runs.length > 0 ? (
        <>
          <p class="dp-wording-diff">
            {w.runs.map((r, i) => (
              <>
                {i > 0 ? ' ' : null}
                {r.op === 'removed' ? (
                  <del class="dp-del" title={t('card.wording.inSourceOnly')}>
                    <span class="dp-sr">{t('card.wording.srSource')}</span>
                    {r.text}
                    <span class="dp-sr">]</span>
                  </del>
                ) : r.op === 'added' ? (
                  <ins class="dp-ins" title={t('card.wording.onPageOnly')}>
                    <span class="dp-sr">{t('card.wording.srPage')}</span>
                    {r.text}
                    <span class="dp-sr">]</span>
                  </ins>
                ) : (
                  r.text
                )}
              </>
            ))}
          </p>
          <p class="dp-wording-key" aria-hidden="true">
            <del class="dp-del">{t('card.wording.struckThrough')}</del>
            {t('card.wording.onlyInSource')}
            <ins class="dp-ins">{t('card.wording.underlined')}</ins>
            {t('card.wording.onlyOnPage')}
          </p>
        </>
      ) : null}
    </div>
  );
}

/** The card's words for how the page words a quotation (the model's flags, not its English label). */
export function wordingLabel(w: Pick<QuoteWording, 'exact' | 'reworded'>): string {
  return t(w.exact ? 'card.wording.exact' : w.reworded ? 'card.wording.reworded' : 'card.wording.same');
}

/** One source's figure: "about 90% (according to Russian estimates) — Reuters". */
export function Figure(props: { figure: FigureItem; href: SourceHref }) {
  const f = props.figure;
  return (
    <li class="dp-figure">
      <strong class="dp-figure-value">{f.value}</strong>
      {f.according ? (
        <span class="dp-according"> ({/^according/i.test(f.according) ? f.according : t('card.according', { who: f.according })})</span>
      ) : null}
      {' — '}
      <SourceLinks sources={f.sources} href={props.href} />
    </li>
  );
}

/** The visible mark that sources disagree. */
export function DiffersBadge() {
  return (
    <span class="dp-differs" role="note">
      {t('card.sourcesDiffer')}
    </span>
  );
}

/**
 * One disagreement between the sources: its topic, marked "Sources differ", the versions side by side (one column
 * each, wrapping on a narrow card), each with the outlets that give it, and the data's note.
 */
export function DisagreementBlock(props: { item: DisagreementItem; href: SourceHref }) {
  const d = props.item;
  return (
    <div class="dp-control dp-disputed" data-disagreement={d.id}>
      <div class="dp-control-head">
        <span>{d.topic}</span>
        <DiffersBadge />
      </div>
      <ul class="dp-list dp-versions">
        {d.versions.map((v, i) => (
          <li class="dp-version" key={i}>
            <strong class="dp-figure-value">{v.value}</strong>
            <span class="dp-version-sources">
              <SourceLinks sources={v.sources} href={props.href} />
            </span>
          </li>
        ))}
      </ul>
      {d.note ? <p class="dp-note" lang="en">{d.note}</p> : null}
    </div>
  );
}
